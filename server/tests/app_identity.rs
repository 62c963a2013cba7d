//! The API mounted in an app with its own sign-in: the app's identity decides roles,
//! so a host who opens the meeting in a second browser is still its moderator, and an
//! app handler (like a Leptos server function) gets grants by calling the API directly.

mod common;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use axum::extract::{FromRef, Path, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::post;
use axum::{Json, Router};
use common::*;
use immail_meet_server::store::SqlStore;
use immail_meet_server::upstream::sandbox::Sandbox;
use immail_meet_server::{ApiError, Caller, Identity, Limits, MeetApi};

/// The app's sessions: session token -> user name.
type Sessions = Arc<Mutex<HashMap<String, String>>>;

/// The app's sign-in, as the API's identity: the `app_session` cookie names a user.
struct AppSignIn(Sessions);

#[async_trait]
impl Identity for AppSignIn {
    async fn caller(&self, parts: &mut Parts) -> Result<Caller, ApiError> {
        let cookies = parts
            .headers
            .get(header::COOKIE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let user = cookies
            .split("; ")
            .find_map(|c| c.strip_prefix("app_session="))
            .and_then(|token| self.0.lock().unwrap().get(token).cloned())
            .ok_or(ApiError::Unauthenticated)?;
        Ok(Caller::identified(format!("user:{user}"))
            .map_err(|_| ApiError::Unauthenticated)?
            .with_display_name(user))
    }
}

#[derive(Clone)]
struct AppState {
    meet: MeetApi,
    sessions: Sessions,
}

impl FromRef<AppState> for MeetApi {
    fn from_ref(state: &AppState) -> Self {
        state.meet.clone()
    }
}

/// `POST /login {"user"}`: the app's own sign-in (a test stand-in).
async fn login(
    State(state): State<AppState>,
    Json(body): Json<serde_json::Value>,
) -> impl IntoResponse {
    let token = hex::encode(immail_meet_server::random::bytes::<16>());
    let user = body["user"].as_str().unwrap().to_owned();
    state.sessions.lock().unwrap().insert(token.clone(), user);
    [(
        header::SET_COOKIE,
        format!("app_session={token}; HttpOnly; Path=/"),
    )]
}

/// `POST /my-grant/{room}`: what a Leptos server function does — the caller from the
/// app's extractor, the grant from the API.
async fn my_grant(
    State(meet): State<MeetApi>,
    caller: Caller,
    Path(room): Path<String>,
) -> Result<Json<immail_meet_server::models::GrantResponse>, ApiError> {
    Ok(Json(meet.grant(&caller, &room, None).await?))
}

async fn the_app() -> (Router, MeetApi, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("app.db").display());
    let sessions = Sessions::default();
    let meet = MeetApi::builder()
        .upstream(Arc::new(Sandbox::new(
            "http://127.0.0.1:9911/sandbox/meet/".into(),
            [5; 32],
        )))
        .store(Arc::new(SqlStore::connect(&url).await.unwrap()))
        .identity(Arc::new(AppSignIn(sessions.clone())))
        .limits(Limits::unlimited())
        .build()
        .await
        .unwrap();
    let app = Router::new()
        .route("/login", post(login))
        .route("/my-grant/{room}", post(my_grant))
        .nest("/api/meet", meet.router())
        .with_state(AppState {
            meet: meet.clone(),
            sessions,
        });
    (app, meet, dir)
}

/// Signs `user` in from a new browser: its session cookie.
async fn sign_in(app: &Router, user: &str) -> String {
    let body = serde_json::json!({ "user": user }).to_string();
    let answer = call(app, "POST", "/login", None, &body).await;
    session_of(&answer)
}

#[tokio::test]
async fn roles_follow_the_apps_sign_in_across_browsers() {
    let (app, _, _dir) = the_app().await;
    let alice_laptop = sign_in(&app, "alice").await;
    let alice_phone = sign_in(&app, "alice").await;
    let bob = sign_in(&app, "bob").await;
    assert_ne!(alice_laptop, alice_phone, "two browsers, two sessions");

    let created = call(
        &app,
        "POST",
        "/api/meet/rooms",
        Some(&alice_laptop),
        r#"{"topic":"Review"}"#,
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert!(
        created.cookie.is_none(),
        "the app's identity sets no visitor cookie"
    );
    let room = created.body["name"].as_str().unwrap();

    for (who, session, moderator) in [
        ("alice's laptop", &alice_laptop, true),
        ("alice's phone", &alice_phone, true),
        ("bob", &bob, false),
    ] {
        let answer = grant(&app, room, Some(session), "").await;
        assert_eq!(answer.status, StatusCode::OK, "{who}: {}", answer.text);
        assert_eq!(answer.body["moderator"], moderator, "{who}");
        let via_handler = call(
            &app,
            "POST",
            &format!("/my-grant/{room}"),
            Some(session),
            "",
        )
        .await;
        assert_eq!(via_handler.body["moderator"], moderator, "{who}");
    }
    // The history follows the identity too.
    let sessions = format!("/api/meet/rooms/{room}/sessions");
    assert_eq!(
        call(&app, "GET", &sessions, Some(&alice_phone), "")
            .await
            .status,
        StatusCode::OK
    );
    assert_error(
        &call(&app, "GET", &sessions, Some(&bob), "").await,
        StatusCode::FORBIDDEN,
        "forbidden",
    );
    // Nobody signed in: the app's identity says 401.
    assert_error(
        &grant(&app, room, None, "").await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    );
    assert_error(
        &post_room(&app, r#"{"topic":"x"}"#).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    );
}

#[tokio::test]
async fn the_api_is_a_rust_api_too() {
    let (_, meet, _dir) = the_app().await;
    let alice = Caller::identified("user:alice")
        .unwrap()
        .with_display_name("Alice");
    let bob = Caller::identified("user:bob").unwrap();
    let room = meet
        .create_room(
            &alice,
            immail_meet_server::models::CreateRoom {
                topic: "Direct".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let host = meet.grant(&alice, &room.name, None).await.unwrap();
    assert_eq!(host.moderator, Some(true));
    let guest = meet.grant(&bob, &room.name, Some("Bob B.")).await.unwrap();
    assert_eq!(guest.moderator, Some(false));
    let sandbox = Sandbox::new(String::new(), [5; 32]);
    let claims = sandbox
        .verify(host.jwt.expose_secret(), &room.name)
        .unwrap();
    assert_eq!(claims.name, "Alice", "the app's name for the caller");
    let claims = sandbox
        .verify(guest.jwt.expose_secret(), &room.name)
        .unwrap();
    assert_eq!(claims.name, "Bob B.", "the request's name first");

    let list = meet
        .sessions(&alice, &room.name, Default::default())
        .await
        .unwrap();
    assert!(!list.data.is_empty());
    assert!(matches!(
        meet.messages(&bob, &list.data[0].id).await,
        Err(ApiError::Forbidden)
    ));
    assert!(matches!(
        meet.create_room(&Caller::anonymous(), Default::default())
            .await,
        Err(ApiError::BadRequest(_))
    ));
    let anonymous = meet
        .create_room(
            &Caller::anonymous(),
            immail_meet_server::models::CreateRoom {
                topic: "x".into(),
                ..Default::default()
            },
        )
        .await;
    assert!(matches!(anonymous, Err(ApiError::MayNotCreateRooms)));
    assert!(matches!(
        meet.grant(&alice, "no-such-room", None).await,
        Err(ApiError::RoomNotFound)
    ));
}

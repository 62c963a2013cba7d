//! The README's library example as a program: an app with its own sign-in (a `user`
//! cookie set by `POST /login`, a stand-in for yours) mounts the meeting API; the app's
//! identity decides roles, and a handler of its own (like a Leptos server function)
//! gets grants by calling the API.
//!
//!     cargo run -p immail-meet-server --example own_sign_in
//!     curl -c jar -X POST 'http://127.0.0.1:3000/login?user=alice'
//!     curl -b jar -H 'content-type: application/json' -d '{"topic":"Review"}' \
//!          http://127.0.0.1:3000/api/meet/rooms

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use axum::extract::{FromRef, Path, Query, State};
use axum::http::{header, request::Parts};
use axum::routing::post;
use axum::{Json, Router};
use immail_meet_server::{models::GrantResponse, store::SqlStore, upstream::sandbox::Sandbox};
use immail_meet_server::{ApiError, Caller, Identity, MeetApi};

/// Signed-in users by session token: your session store.
type Sessions = Arc<Mutex<HashMap<String, String>>>;

/// Your sign-in, as the API's identity: who the caller is, from the request.
struct MySignIn(Sessions);

#[async_trait]
impl Identity for MySignIn {
    async fn caller(&self, parts: &mut Parts) -> Result<Caller, ApiError> {
        let cookies = parts
            .headers
            .get(header::COOKIE)
            .and_then(|v| v.to_str().ok());
        let token = cookies
            .into_iter()
            .flat_map(|c| c.split("; "))
            .find_map(|c| c.strip_prefix("session="));
        let user = token
            .and_then(|t| self.0.lock().unwrap().get(t).cloned())
            .ok_or(ApiError::Unauthenticated)?;
        Ok(Caller::identified(format!("user:{user}"))
            .map_err(|_| ApiError::Unauthenticated)?
            .with_display_name(user))
    }
    // Optional rules, with defaults: may_create_rooms (any signed-in caller), role (the
    // room's creator moderates, others are guests), may_read_history (moderators).
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

/// A handler of your own (or a Leptos `#[server]` function): `Caller` is an extractor.
async fn my_grant(
    State(meet): State<MeetApi>,
    caller: Caller,
    Path(room): Path<String>,
) -> Result<Json<GrantResponse>, ApiError> {
    Ok(Json(meet.grant(&caller, &room, None).await?))
}

/// `POST /login?user=NAME`: the stand-in sign-in.
async fn login(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> [(header::HeaderName, String); 1] {
    let token = hex::encode(immail_meet_server::random::bytes::<16>());
    let user = query.get("user").cloned().unwrap_or_else(|| "guest".into());
    state.sessions.lock().unwrap().insert(token.clone(), user);
    [(
        header::SET_COOKIE,
        format!("session={token}; HttpOnly; SameSite=Lax; Path=/"),
    )]
}

async fn app() -> Result<Router, Box<dyn std::error::Error>> {
    let store = SqlStore::connect("sqlite://own-sign-in.db").await?; // or postgres://…
    let sessions = Sessions::default();
    let meet = MeetApi::builder()
        .upstream(Arc::new(Sandbox::new(
            "http://127.0.0.1:8788/sandbox/meet/".into(),
            immail_meet_server::random::bytes(),
        )))
        .store(Arc::new(store))
        .identity(Arc::new(MySignIn(sessions.clone())))
        .build()
        .await?;
    Ok(Router::new()
        .route("/login", post(login))
        .route("/my-grant/{room}", post(my_grant))
        .nest("/api/meet", meet.router()) // no prefix, no fallback: nest or merge it
        .with_state(AppState { meet, sessions }))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let addr = std::env::var("LISTEN").unwrap_or_else(|_| "127.0.0.1:3000".into());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("http://{addr} (POST /login?user=alice, then /api/meet/...)");
    axum::serve(listener, app().await?).await?;
    Ok(())
}

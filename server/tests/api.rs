//! The API in-process: every endpoint and error, the role rule, cookies, CORS, the
//! sandbox page and the static folder.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use common::*;
use immail_meet_core::{AllowedHosts, GrantResponse, GrantRules, MeetingHost};
use immail_meet_server::clock::now_secs;
use immail_meet_server::server::config::Config;
use serde_json::json;
use tower::ServiceExt;

#[tokio::test]
async fn config_names_the_sandbox() {
    let app = app().await;
    let answer = call(&app.api, "GET", "/api/meet/config", None, "").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.body,
        json!({
            "mode": "sandbox",
            "meeting_base": "http://127.0.0.1:9911/sandbox/meet/",
            "grant_contract": 1
        })
    );
}

#[tokio::test]
async fn creating_a_room_returns_it_and_a_session_but_no_token() {
    let app = app().await;
    let answer = call(
        &app.api,
        "POST",
        "/api/meet/rooms",
        None,
        r#"{"topic":" Consulting ","start_at":"2026-11-29 10:15","duration":60}"#,
    )
    .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);
    let name = answer.body["name"].as_str().unwrap();
    assert_eq!(name.len(), 16);
    assert_eq!(answer.body["topic"], "Consulting");
    assert_eq!(answer.body["start_at"], "2026-11-29 10:15");
    assert_eq!(answer.body["duration"], 60);
    assert_eq!(
        answer.body["meeting_url"],
        format!("http://127.0.0.1:9911/sandbox/meet/{name}")
    );
    assert_eq!(answer.body["id"].as_str().unwrap().len(), 24);
    assert!(
        answer.body.get("jwt").is_none() && !answer.text.contains("eyJ"),
        "{}",
        answer.text
    );
    let cookie = answer.cookie.unwrap();
    assert!(cookie.starts_with("immail_meet_visitor="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain-http dev default");
}

#[tokio::test]
async fn room_requests_are_checked() {
    let app = app().await;
    let bad = |body: &'static str| {
        let api = app.api.clone();
        async move { call(&api, "POST", "/api/meet/rooms", None, body).await }
    };
    assert_error(&bad("").await, StatusCode::BAD_REQUEST, "bad_request");
    assert_error(&bad("{").await, StatusCode::BAD_REQUEST, "bad_request");
    assert_error(
        &bad(r#"{"topic":"   "}"#).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
    assert_error(
        &bad(r#"{"topic":5}"#).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
    assert_error(
        &bad(r#"{"topic":"x","start_at":"tomorrow"}"#).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
    assert_error(
        &bad(r#"{"topic":"x","duration":0}"#).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
    let huge = format!(r#"{{"topic":"{}"}}"#, "x".repeat(20_000));
    assert_error(
        &call(&app.api, "POST", "/api/meet/rooms", None, &huge).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
    );
    assert_error(
        &call(&app.api, "GET", "/api/meet/rooms", None, "").await,
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
    );
    assert_error(
        &call(&app.api, "GET", "/api/nothing", None, "").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

#[tokio::test]
async fn the_creator_is_moderator_and_everyone_else_a_guest() {
    let app = app().await;
    let (room, host) = create_room(&app.api).await;
    let uri = format!("/api/meet/rooms/{room}/grant");

    let as_host = call(&app.api, "POST", &uri, Some(&host), "").await;
    assert_eq!(as_host.status, StatusCode::OK, "{}", as_host.text);
    assert_eq!(as_host.body["moderator"], true);
    assert!(as_host.cookie.is_none(), "an existing session is kept");
    assert_eq!(as_host.headers[header::CACHE_CONTROL], "no-store");

    // A guest forging every role field it can think of is still a guest.
    let forged = r#"{"moderator":true,"role":"moderator","display_name":"Mallory"}"#;
    let as_guest = call(&app.api, "POST", &uri, None, forged).await;
    assert_eq!(as_guest.status, StatusCode::OK, "{}", as_guest.text);
    assert_eq!(as_guest.body["moderator"], false);
    assert!(as_guest.cookie.is_some(), "a new visitor gets a session");
    let other = call(
        &app.api,
        "POST",
        &uri,
        Some("immail_meet_visitor=00000000000000000000000000000000"),
        forged,
    )
    .await;
    assert_eq!(other.body["moderator"], false);

    // The token itself says so, verified with the sandbox key.
    let sandbox = sandbox_of(&app);
    let claims = sandbox
        .verify(as_guest.body["jwt"].as_str().unwrap(), &room)
        .unwrap();
    assert_eq!(
        (claims.role.as_str(), claims.moderator, claims.name.as_str()),
        ("guest", false, "Mallory")
    );
    let claims = sandbox
        .verify(as_host.body["jwt"].as_str().unwrap(), &room)
        .unwrap();
    assert_eq!(
        (claims.role.as_str(), claims.moderator, claims.name.as_str()),
        ("moderator", true, "Host")
    );
    assert!(claims.exp > now_secs() && claims.exp <= now_secs() + 300);
}

fn sandbox_of(app: &TestApp) -> std::sync::Arc<immail_meet_server::upstream::sandbox::Sandbox> {
    app.sandbox_upstream.clone().unwrap()
}

#[tokio::test]
async fn grants_satisfy_the_component_contract() {
    let app = app().await;
    let (room, host) = create_room(&app.api).await;
    let answer = grant(&app.api, &room, Some(&host), "{}").await;
    let response = GrantResponse::from_json(&answer.text).unwrap();
    let base = MeetingHost::parse("http://127.0.0.1:9911/sandbox/meet/").unwrap();
    let rules = GrantRules::new(AllowedHosts::default().with_host(base.clone()), base).unwrap();
    let grant = rules.validate(response, now_secs() as f64).unwrap();
    assert_eq!(grant.meeting_url().room().as_str(), room);
    assert_eq!(grant.moderator(), Some(true));
    assert!(grant.expires_at().unwrap() > now_secs() as f64);
}

#[tokio::test]
async fn grant_errors_are_json() {
    let app = app().await;
    assert_error(
        &call(&app.api, "POST", "/api/meet/rooms/unknown/grant", None, "").await,
        StatusCode::NOT_FOUND,
        "room_not_found",
    );
    let (room, _) = create_room(&app.api).await;
    let uri = format!("/api/meet/rooms/{room}/grant");
    assert_error(
        &call(&app.api, "POST", &uri, None, "[1,").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
    let long = format!(r#"{{"display_name":"{}"}}"#, "x".repeat(129));
    assert_error(
        &call(&app.api, "POST", &uri, None, &long).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
    assert_error(
        &call(&app.api, "GET", &uri, None, "").await,
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
    );
}

#[tokio::test]
async fn only_server_issued_visitor_cookies_are_honoured() {
    let app = app().await;
    let (room, host) = create_room(&app.api).await;
    let value = host.trim_start_matches("immail_meet_visitor=");
    let (id, tag) = value.split_once('.').unwrap();
    assert_eq!((id.len(), tag.len()), (32, 32), "{host}");
    let forged_tag = format!("immail_meet_visitor={id}.{}", "0".repeat(32));
    for cookie in [
        "immail_meet_visitor=../../etc",
        "immail_meet_visitor=",
        "other=1",
        "immail_meet_visitor=ABCDEF00000000000000000000000000",
        id,
        forged_tag.as_str(),
    ] {
        let answer = grant(&app.api, &room, Some(cookie), "").await;
        assert_eq!(answer.body["moderator"], false, "{cookie}: {}", answer.text);
        let fresh = answer.cookie.expect("a fresh visitor");
        let fresh = fresh.split(';').next().unwrap();
        assert_ne!(fresh, host, "{cookie}");
        let (fresh_id, _) = fresh
            .trim_start_matches("immail_meet_visitor=")
            .split_once('.')
            .unwrap();
        assert!(
            fresh_id.len() == 32 && fresh_id.bytes().all(|b| b.is_ascii_hexdigit()),
            "{fresh}"
        );
    }
    // The real one, among other cookies, is the moderator's.
    let both = format!("other=1; {host}; x=y");
    let answer = grant(&app.api, &room, Some(&both), "").await;
    assert_eq!(answer.body["moderator"], true, "{}", answer.text);
    assert!(answer.cookie.is_none(), "a valid cookie is kept");
}

#[tokio::test]
async fn the_sandbox_page_shows_the_verified_role() {
    let app = app().await;
    let (room, host) = create_room(&app.api).await;
    let grant = grant(&app.api, &room, Some(&host), "").await;
    let jwt = grant.body["jwt"].as_str().unwrap();
    let sandbox = app.sandbox.clone().unwrap();

    let page = call(
        &sandbox,
        "GET",
        &format!("/sandbox/meet/{room}?jwt={jwt}&first_name=Zo%C3%AB"),
        None,
        "",
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Sandbox"), "says it is a sandbox");
    assert!(
        page.text.contains(r#""role":"moderator""#) && page.text.contains(r#""valid":true"#),
        "{}",
        page.text
    );
    assert!(page.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .contains("script-src 'self'"));

    let other_room = call(
        &sandbox,
        "GET",
        &format!("/sandbox/meet/zzz?jwt={jwt}"),
        None,
        "",
    )
    .await;
    assert!(
        other_room.text.contains(r#""valid":false"#) && other_room.text.contains("another room")
    );
    let forged = call(
        &sandbox,
        "GET",
        &format!("/sandbox/meet/{room}?jwt={jwt}x"),
        None,
        "",
    )
    .await;
    assert!(forged.text.contains(r#""valid":false"#));
    let hostile = call(
        &sandbox,
        "GET",
        "/sandbox/meet/%3C%2Fscript%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        None,
        "",
    )
    .await;
    assert!(
        !hostile.text.contains("</script><script>alert(1)"),
        "room text cannot close the data block"
    );
    assert_eq!(
        call(&sandbox, "GET", "/sandbox/sandbox.js", None, "")
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        call(&app.api, "GET", "/sandbox/meet/x", None, "")
            .await
            .status,
        StatusCode::NOT_FOUND,
        "not on the API origin"
    );
}

/// The headers of a CORS preflight for `POST /api/meet/rooms` from `origin`.
async fn preflight(api: &Router, origin: &str) -> axum::http::HeaderMap {
    let request = Request::builder()
        .method("OPTIONS")
        .uri("/api/meet/rooms")
        .header(header::ORIGIN, origin)
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
        .body(Body::empty())
        .unwrap();
    api.clone()
        .oneshot(request)
        .await
        .unwrap()
        .headers()
        .clone()
}

#[tokio::test]
async fn cors_only_for_configured_origins() {
    let mut config = Config::sandbox(
        "127.0.0.1:0".parse().unwrap(),
        "127.0.0.1:9912".parse().unwrap(),
    );
    config.allowed_origins = vec!["https://app.example.com".into()];
    let api = start(config).await.unwrap().api;
    let allowed = preflight(&api, "https://app.example.com").await;
    assert_eq!(
        allowed[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://app.example.com"
    );
    assert_eq!(allowed[header::ACCESS_CONTROL_ALLOW_CREDENTIALS], "true");
    let other = preflight(&api, "https://evil.example").await;
    assert!(other.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
    // And by default, no origin at all.
    let by_default = preflight(&app().await.api, "https://app.example.com").await;
    assert!(by_default
        .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
        .is_none());
}

#[tokio::test]
async fn static_dir_serves_the_demo_beside_the_api() {
    let dir = std::env::temp_dir().join(format!("immail-meet-static-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>demo</title>").unwrap();
    let mut config = Config::sandbox(
        "127.0.0.1:0".parse().unwrap(),
        "127.0.0.1:9913".parse().unwrap(),
    );
    config.static_dir = Some(dir.clone());
    let api = start(config).await.unwrap().api;
    let page = call(&api, "GET", "/", None, "").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("<title>demo</title>"));
    assert_error(
        &call(&api, "GET", "/api/meet/nothing", None, "").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_eq!(
        call(&api, "GET", "/api/meet/config", None, "").await.status,
        StatusCode::OK
    );
    std::fs::remove_dir_all(dir).unwrap();
}

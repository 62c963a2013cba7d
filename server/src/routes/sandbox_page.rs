//! The sandbox meeting page, served on its own origin in sandbox mode only.
//!
//! `GET /sandbox/meet/{room}?jwt=...&first_name=...` verifies the token (signature,
//! expiry, room) and renders a page that shows the decoded role, every query option and
//! whether the frame was granted camera and microphone.
//!
//! Like a real meeting, its "Hang up" button navigates the frame away, to
//! `GET /sandbox/left` ("you left"); and with `sandbox_startup_redirect` in its query
//! the page redirects itself once while it starts (within its first second, as meeting
//! apps do), to the same address without that parameter.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use axum::Router;
use serde_json::json;

use crate::upstream::sandbox::Sandbox;

const PAGE: &str = include_str!("../../assets/sandbox.html");
const SCRIPT: &str = include_str!("../../assets/sandbox.js");
const STYLE: &str = include_str!("../../assets/sandbox.css");
const LEFT: &str = include_str!("../../assets/sandbox-left.html");

/// The sandbox origin's routes.
pub fn router(sandbox: Arc<Sandbox>) -> Router {
    Router::new()
        .route("/sandbox/meet/{room}", get(page))
        .route("/sandbox/left", get(|| async { (headers(), Html(LEFT)) }))
        .route(
            "/sandbox/sandbox.js",
            get(|| async { ([(header::CONTENT_TYPE, "text/javascript")], SCRIPT) }),
        )
        .route(
            "/sandbox/sandbox.css",
            get(|| async { ([(header::CONTENT_TYPE, "text/css")], STYLE) }),
        )
        .with_state(sandbox)
}

#[derive(serde::Deserialize)]
struct TokenQuery {
    jwt: Option<String>,
    /// Present: the page redirects itself once while it starts.
    sandbox_startup_redirect: Option<String>,
}

/// The sandbox pages' headers: never cached, no referrer, scripts and styles from this
/// origin only.
fn headers() -> [(header::HeaderName, &'static str); 3] {
    [
        (header::CACHE_CONTROL, "no-store"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self' blob: mediastream:",
        ),
    ]
}

async fn page(
    State(sandbox): State<Arc<Sandbox>>,
    Path(room): Path<String>,
    Query(query): Query<TokenQuery>,
) -> impl IntoResponse {
    let mut verified = match query.jwt.as_deref().map(|jwt| sandbox.verify(jwt, &room)) {
        None => json!({ "room": room, "valid": false, "error": "no jwt parameter" }),
        Some(Err(error)) => json!({ "room": room, "valid": false, "error": error }),
        Some(Ok(claims)) => {
            json!({ "room": room, "valid": true, "role": claims.role, "name": claims.name, "exp": claims.exp })
        }
    };
    verified["startup_redirect"] = query.sandbox_startup_redirect.is_some().into();
    // JSON inside <script type="application/json">: escape '<' so no text can close it.
    let data = verified.to_string().replace('<', "\\u003c");
    (headers(), Html(PAGE.replace("__VERIFIED__", &data)))
}

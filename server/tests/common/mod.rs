//! Helpers shared by the server's integration tests.
#![allow(dead_code)]

pub mod immail;
pub mod postgres;
pub mod process;

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use immail_meet_core::SessionList;
use immail_meet_server::server::{Config, ServerApp, StartError};
use immail_meet_server::upstream::sandbox::Sandbox;
use immail_meet_server::{Limits, MeetApi};
use serde_json::Value;
use tower::ServiceExt;

pub struct Answer {
    pub status: StatusCode,
    pub cookie: Option<String>,
    pub headers: axum::http::HeaderMap,
    pub body: Value,
    pub text: String,
}

/// The server's app in-process, on a SQLite file of its own.
pub struct TestApp {
    /// Everything the server serves on `--listen` (the API at `/api/meet`).
    pub api: Router,
    /// The sandbox pages (sandbox mode).
    pub sandbox: Option<Router>,
    /// The sandbox upstream (sandbox mode).
    pub sandbox_upstream: Option<Arc<Sandbox>>,
    /// The API as a library.
    pub meet: MeetApi,
    /// The folder of the store's file.
    pub dir: tempfile::TempDir,
}

/// A sandbox configuration for in-process tests (meeting base on port 9911), with no
/// rate limit (the limit tests set theirs).
pub fn test_config() -> Config {
    let mut config = Config::sandbox(
        "127.0.0.1:0".parse().unwrap(),
        "127.0.0.1:9911".parse().unwrap(),
    );
    let limits = Limits::unlimited();
    config.rooms_per_hour = limits.rooms_per_hour;
    config.grants_per_minute = limits.grants_per_minute;
    config
}

/// Starts the app for `config`; the default store becomes a SQLite file in a new
/// temporary folder.
pub async fn start(mut config: Config) -> Result<TestApp, StartError> {
    let dir = tempfile::tempdir().unwrap();
    if config.database_url == Default::default() {
        let url = format!("sqlite://{}", dir.path().join("meet.db").display());
        config.database_url = url.parse().unwrap();
    }
    let app = ServerApp::start(&config).await?;
    Ok(TestApp {
        api: app.router,
        sandbox: app.sandbox,
        sandbox_upstream: app.sandbox_upstream,
        meet: app.api,
        dir,
    })
}

/// The sandbox app with [`test_config`].
pub async fn app() -> TestApp {
    start(test_config()).await.unwrap()
}

pub async fn call(
    router: &Router,
    method: &str,
    uri: &str,
    cookie: Option<&str>,
    body: &str,
) -> Answer {
    let mut headers = vec![("content-type", "application/json")];
    if let Some(cookie) = cookie {
        headers.push(("cookie", cookie));
    }
    call_with(router, method, uri, &headers, body).await
}

/// `method uri` with exactly these headers and this body.
pub async fn call_with(
    router: &Router,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Answer {
    let mut request = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let RawAnswer {
        status,
        headers,
        bytes,
    } = send(router, request.body(Body::from(body.to_owned())).unwrap()).await;
    let cookie = headers
        .get(header::SET_COOKIE)
        .map(|v| v.to_str().unwrap().to_owned());
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    Answer {
        status,
        cookie,
        headers,
        body,
        text,
    }
}

/// An answer as bytes (e.g. a recording).
pub struct RawAnswer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub bytes: axum::body::Bytes,
}

/// Sends a request through the router and reads the whole answer.
pub async fn send(router: &Router, request: Request<Body>) -> RawAnswer {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    RawAnswer {
        status,
        headers,
        bytes,
    }
}

/// `name=value` from a Set-Cookie header.
pub fn session_of(answer: &Answer) -> String {
    answer
        .cookie
        .as_deref()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

/// `POST /api/meet/rooms` with a body and no cookie.
pub async fn post_room(api: &Router, body: &str) -> Answer {
    call(api, "POST", "/api/meet/rooms", None, body).await
}

pub async fn create_room(router: &Router) -> (String, String) {
    let created = post_room(router, r#"{"topic":"Consulting","duration":60}"#).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    (
        created.body["name"].as_str().unwrap().to_owned(),
        session_of(&created),
    )
}

/// `POST /api/meet/rooms/{room}/grant` with a cookie and a body.
pub async fn grant(api: &Router, room: &str, cookie: Option<&str>, body: &str) -> Answer {
    call(
        api,
        "POST",
        &format!("/api/meet/rooms/{room}/grant"),
        cookie,
        body,
    )
    .await
}

/// A log writer the tests can read back.
#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    /// Everything logged so far.
    pub fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

/// Captures every log line at TRACE level on this thread until the guard is dropped.
pub fn capture_logs() -> (Captured, tracing::subscriber::DefaultGuard) {
    let logs = Captured::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    (logs, tracing::subscriber::set_default(subscriber))
}

pub fn assert_error(answer: &Answer, status: StatusCode, code: &str) {
    assert_eq!(answer.status, status, "{}", answer.text);
    assert_eq!(answer.body["error"]["code"], code, "{}", answer.text);
    assert!(
        answer.body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{}",
        answer.text
    );
}

// ---- history ------------------------------------------------------------------------

/// A room with its moderator's cookie and its first page of sessions (all of them).
pub async fn listed_room(api: &Router, topic: &str) -> (String, String, SessionList) {
    let body = serde_json::json!({ "topic": topic }).to_string();
    let created = call(api, "POST", "/api/meet/rooms", None, &body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let (room, cookie) = (
        created.body["name"].as_str().unwrap().to_owned(),
        session_of(&created),
    );
    let uri = format!("/api/meet/rooms/{room}/sessions?per_page=100");
    let answer = call(api, "GET", &uri, Some(&cookie), "").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    (room, cookie, SessionList::from_json(&answer.text).unwrap())
}

/// A cookie of another browser (a guest): any route that identifies the caller issues
/// one, even when it answers `404`.
pub async fn guest_cookie(api: &Router) -> String {
    session_of(&call(api, "POST", "/api/meet/rooms/none/grant", None, "").await)
}

/// `GET uri` with a cookie and extra headers, the answer as bytes.
pub async fn get(api: &Router, uri: &str, cookie: &str, headers: &[(&str, &str)]) -> RawAnswer {
    get_with(api, "GET", uri, cookie, headers).await
}

/// `method uri` with a cookie and extra headers, the answer as bytes.
pub async fn get_with(
    api: &Router,
    method: &str,
    uri: &str,
    cookie: &str,
    headers: &[(&str, &str)],
) -> RawAnswer {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::COOKIE, cookie);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    send(api, request.body(Body::empty()).unwrap()).await
}

/// A header of an answer, as text (panics if absent).
pub fn header(answer: &RawAnswer, name: header::HeaderName) -> &str {
    answer
        .headers
        .get(&name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or_else(|| panic!("no {name} header"))
}

//! The reference server's calls besides the grant (`fetch_public_config`,
//! `create_room`, `server_allowed_hosts`) in headless Chromium, behind a fake
//! `window.fetch` that answers by path with real `Response`s.
#![cfg(target_arch = "wasm32")]

mod common;

use common::browser::{mount, wait_until};
use immail_meet::*;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SANDBOX_CONFIG: &str = r#"{"mode": "sandbox", "meeting_base": "http://127.0.0.1:8788/sandbox/meet/", "grant_contract": 1}"#;

/// `window.fetch` answers `window.__answers[method + " " + path]` (`{status, body}`)
/// and records each request in `window.__requests`.
const FAKE_FETCH: &str = r#"
    window.__requests = [];
    window.__answers = {};
    window.fetch = async function (resource, init) {
        const input = new Request(resource, init);
        const key = input.method + ' ' + new URL(input.url).pathname;
        window.__requests.push({ key, credentials: input.credentials, body: await input.clone().text() });
        const answer = window.__answers[key] || { status: 404, body: '{"error":{"code":"not_found","message":"No such route."}}' };
        return new Response(answer.body, { status: answer.status, headers: { 'content-type': 'application/json' } });
    };
"#;

/// The fake fetch, answering `key` (`"GET /api/meet/config"`) with `status` and `body`.
fn answer(key: &str, status: u16, body: &str) {
    js_sys::eval(FAKE_FETCH).unwrap();
    js_sys::eval(&format!(
        "window.__answers[{}] = {{ status: {status}, body: {} }};",
        serde_json::to_string(key).unwrap(),
        serde_json::to_string(body).unwrap()
    ))
    .unwrap();
}

/// A field of the last request recorded.
fn last_request(field: &str) -> String {
    js_sys::eval(&format!(
        "String(window.__requests[window.__requests.length - 1].{field})"
    ))
    .unwrap()
    .as_string()
    .unwrap()
}

#[wasm_bindgen_test]
async fn the_public_config_is_read_without_credentials() {
    answer("GET /api/meet/config", 200, SANDBOX_CONFIG);
    let config = fetch_public_config("/api/meet").await.unwrap();
    assert_eq!(last_request("key"), "GET /api/meet/config");
    // No cookie sent, none kept: a first visit's concurrent create_room keeps the
    // visitor cookie its answer sets.
    assert_eq!(last_request("credentials"), "omit");
    assert!(config.is_sandbox());
    assert!(config
        .allowed_hosts()
        .check("http://127.0.0.1:8788/sandbox/meet/abc")
        .is_ok());

    answer("GET /api/meet/config", 200, r#"{"mode": "sandbox"}"#);
    assert_eq!(
        fetch_public_config("/api/meet/")
            .await
            .unwrap_err()
            .to_string(),
        "the meeting service's answer cannot be read: it has no \"meeting_base\""
    );
    answer(
        "GET /api/meet/config",
        200,
        r#"{"mode": "sandbox", "meeting_base": "http://example.com/meet/"}"#,
    );
    assert!(fetch_public_config("/api/meet")
        .await
        .unwrap_err()
        .to_string()
        .contains("plain http is only allowed for loopback hosts"));
}

#[wasm_bindgen_test]
async fn server_allowed_hosts_add_the_servers_base_once_read() {
    answer("GET /api/meet/config", 200, SANDBOX_CONFIG);
    let seen = RwSignal::new(None::<Signal<AllowedHosts>>);
    let _page = mount(move || {
        seen.set(Some(server_allowed_hosts("/api/meet")));
    });
    let hosts = seen.get_untracked().unwrap();
    assert_eq!(
        hosts.get_untracked(),
        AllowedHosts::default(),
        "imMail's until read"
    );
    wait_until("the server's base", || {
        hosts
            .get_untracked()
            .check("http://127.0.0.1:8788/sandbox/meet/abc")
            .is_ok()
    })
    .await;
    assert!(hosts
        .get_untracked()
        .check("https://web.immail.ca/meet/abc")
        .is_ok());
}

#[wasm_bindgen_test]
async fn create_room_posts_the_topic_and_reads_the_room() {
    answer(
        "POST /api/meet/rooms",
        201,
        r#"{"id": "r1", "name": "abc-1", "topic": "Zoë \"x\"", "meeting_url": "http://127.0.0.1:8788/sandbox/meet/abc-1"}"#,
    );
    let room = create_room("/api/meet", "Zoë \"x\"").await.unwrap();
    assert_eq!(last_request("credentials"), "same-origin");
    assert_eq!(last_request("body"), r#"{"topic":"Zoë \"x\""}"#);
    assert_eq!(room.name.as_str(), "abc-1");
    assert_eq!(
        room.grant_endpoint("/api/meet"),
        "/api/meet/rooms/abc-1/grant"
    );

    answer(
        "POST /api/meet/rooms",
        400,
        r#"{"error": {"code": "bad_request", "message": "The topic must be 1 to 200 characters."}}"#,
    );
    assert_eq!(
        create_room("/api/meet", "").await.unwrap_err().to_string(),
        "The topic must be 1 to 200 characters. (HTTP 400)"
    );
    answer(
        "POST /api/meet/rooms",
        201,
        r#"{"id": "r1", "name": "../admin", "topic": "x"}"#,
    );
    let refused = create_room("/api/meet", "x").await.unwrap_err().to_string();
    assert!(refused.contains("its \"name\""), "{refused}");
}

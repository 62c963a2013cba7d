//! `<SessionMessages>` in a real headless Chromium, behind the same fake `window.fetch`
//! as the history's tests (tests/common/history.rs).
#![cfg(target_arch = "wasm32")]

mod common;

use common::browser::{mount, sleep};
use common::history::{browser_local, fake_fetch, requested_urls, route, route_json, texts};
use immail_meet::*;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn messages_show_sender_time_and_text_as_text_never_html() {
    fake_fetch();
    let hostile =
        r#"<img src=x onerror="window.__pwned=1"><b>bold</b> & <script>window.__pwned=2</script>"#;
    let body = serde_json::json!({ "messages": [
        { "_id": "m1", "from": "Curtis <i>C</i>", "message": hostile, "created_at": "2021-04-29T03:25:00Z" },
        { "user": { "name": "Blanca" }, "body": "line one\nline two", "timestamp": 1619666760 },
        { "content": "who am I?" },
    ]});
    route_json("/api/meet/sessions/s%201/messages", &body.to_string());
    let page = mount(|| view! { <SessionMessages session="s 1" /> });
    page.wait_for(".immail-meet-messages", "ready").await;
    assert_eq!(
        texts(&page, ".immail-meet-messages__sender"),
        ["Curtis <i>C</i>", "Blanca", "Unknown"]
    );
    let shown: Vec<String> = page
        .find_all(".immail-meet-messages__text")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert_eq!(shown, [hostile, "line one\nline two", "who am I?"]);
    for tag in ["img", "b", "i", "script"] {
        assert!(page.find(tag).is_none(), "no <{tag}> element was made");
    }
    assert_eq!(js_sys::eval("window.__pwned").unwrap(), JsValue::UNDEFINED);
    let times = page.find_all(".immail-meet-messages__time");
    assert_eq!(times.len(), 2, "the message without a time shows none");
    assert_eq!(
        times[0].get_attribute("datetime").as_deref(),
        Some("2021-04-29T03:25:00.000Z")
    );
    assert_eq!(
        times[0].text_content().unwrap(),
        browser_local(1_619_666_700_000)
    );
    assert_eq!(
        times[1].text_content().unwrap(),
        browser_local(1_619_666_760_000)
    );
}

#[wasm_bindgen_test]
async fn messages_show_loading_empty_and_errors_with_retry() {
    fake_fetch();
    route(
        "/api/meet/sessions/quiet/messages",
        r#"[{ delay: 300, body: '[]' }]"#,
    );
    let page = mount(|| view! { <SessionMessages session="quiet" /> });
    leptos::task::tick().await;
    sleep(50).await;
    assert_eq!(page.data_state(".immail-meet-messages"), "loading");
    assert_eq!(page.text(), "Loading messages…");
    page.wait_for(".immail-meet-messages", "empty").await;
    assert_eq!(page.text(), "No messages in this session.");

    route(
        "/api/meet/sessions/flaky/messages",
        r#"[{ status: 500, body: '{"error":{"code":"upstream_error","message":"The meeting service returned an error."}}' },
            { body: '{"data": [{"sender": "Ada", "text": "back"}]}' }]"#,
    );
    let page = mount(|| view! { <SessionMessages session="flaky" api_base="/api/meet" /> });
    page.wait_for(".immail-meet-messages", "error").await;
    assert!(
        page.text().contains(
            "Could not load the messages: The meeting service returned an error. (HTTP 500)."
        ),
        "{}",
        page.text()
    );
    page.click("Retry");
    page.wait_for(".immail-meet-messages", "ready").await;
    assert_eq!(texts(&page, ".immail-meet-messages__text"), ["back"]);
}

#[wasm_bindgen_test]
async fn messages_of_a_superseded_session_never_show() {
    fake_fetch();
    route(
        "/api/meet/sessions/slow/messages",
        r#"[{ delay: 400, body: '[{"text": "stale"}]' }]"#,
    );
    route_json("/api/meet/sessions/fast/messages", r#"[{"text": "fresh"}]"#);
    let session = RwSignal::new("slow".to_owned());
    let page = mount(move || view! { <SessionMessages session=session /> });
    leptos::task::tick().await;
    session.set("fast".to_owned());
    page.wait_for(".immail-meet-messages", "ready").await;
    sleep(600).await;
    assert_eq!(texts(&page, ".immail-meet-messages__text"), ["fresh"]);
    assert_eq!(
        requested_urls(),
        [
            "/api/meet/sessions/slow/messages",
            "/api/meet/sessions/fast/messages"
        ]
    );
}

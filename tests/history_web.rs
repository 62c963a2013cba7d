//! `<MeetingHistory>` in a real headless Chromium: each test mounts the component into a
//! fresh element and asserts on the DOM. Answers come from a fake `window.fetch` that
//! routes by URL to real `Response` objects (tests/common/history.rs).
#![cfg(target_arch = "wasm32")]

mod common;

use common::browser::{first_request, mount, sleep, wait_until};
use common::history::{
    browser_local, fake_fetch, js_string, requested_urls, route, route_json, sessions_page, texts,
};
use immail_meet::*;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../core/tests/fixtures/seed-sessions.json");
const SEED_SESSIONS: &str = "/api/meet/rooms/75769f9a-1f49/sessions?page=1&per_page=10";

#[wasm_bindgen_test]
async fn history_shows_each_session_with_status_time_duration_people_and_downloads() {
    fake_fetch();
    let mut seed: serde_json::Value = serde_json::from_str(SEED).unwrap();
    seed["data"].as_array_mut().unwrap().extend([
        serde_json::json!({"_id": "s2", "status": "COMPLETED", "duration": 3725, "date": "2021-04-28T10:00:00Z"}),
        serde_json::json!({"_id": "s3", "status": "ARCHIVED_BY_ADMIN"}),
    ]);
    route_json(SEED_SESSIONS, &seed.to_string());
    let page = mount(|| view! { <MeetingHistory room="75769f9a-1f49" /> });
    page.wait_for(".immail-meet-history", "ready").await;

    assert_eq!(first_request("method"), "GET");
    assert_eq!(first_request("credentials"), "same-origin");
    assert_eq!(first_request("cache"), "no-store");
    assert_eq!(first_request("accept"), "application/json");
    assert_eq!(requested_urls(), [SEED_SESSIONS]);

    assert_eq!(
        texts(&page, ".immail-meet-history__badge"),
        ["In progress", "Completed", "ARCHIVED_BY_ADMIN"]
    );
    let badges = page.find_all(".immail-meet-history__badge");
    assert!(badges[0]
        .class_list()
        .contains("immail-meet-history__badge--in-progress"));
    assert!(badges[1]
        .class_list()
        .contains("immail-meet-history__badge--completed"));
    assert!(badges[2]
        .class_list()
        .contains("immail-meet-history__badge--other"));

    let time = page.find(".immail-meet-history__date").unwrap();
    assert_eq!(time.tag_name(), "TIME");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2021-04-29T03:24:34.550Z")
    );
    assert_eq!(
        time.text_content().unwrap(),
        browser_local(1_619_666_674_550)
    );
    assert_eq!(
        texts(&page, ".immail-meet-history__duration"),
        ["1 min 3 s", "1 h 2 min"]
    );
    assert_eq!(
        texts(&page, ".immail-meet-history__occupants"),
        ["With Curtis, Blanca, Buford"]
    );

    let link = page.find(".immail-meet-history__download").unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/api/meet/recordings/6094e661deec78bbbf71716b")
    );
    assert_eq!(link.get_attribute("download").as_deref(), Some("6th.msf"));
    assert_eq!(link.text_content().unwrap(), "6th.msf");
    assert_eq!(texts(&page, ".immail-meet-history__size"), ["132.6 MB"]);
    assert!(
        page.find(".immail-meet-history__pager").is_none(),
        "one page only"
    );
}

#[wasm_bindgen_test]
async fn history_pages_through_long_lists() {
    fake_fetch();
    let path = |n: usize| format!("/api/meet/rooms/big/sessions?page={n}&per_page=2");
    route_json(&path(1), &sessions_page(1, 2, 5));
    route_json(&path(2), &sessions_page(3, 2, 5));
    route_json(&path(3), &sessions_page(5, 1, 5));
    let page = mount(|| view! { <MeetingHistory room="big" per_page=2 messages=false /> });
    page.wait_for(".immail-meet-history", "ready").await;
    let page_label = || texts(&page, ".immail-meet-history__page").join("");
    let disabled = |label: &str| {
        page.find_all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default() == label)
            .unwrap_or_else(|| panic!("no button {label:?}: {}", page.root.inner_html()))
            .has_attribute("disabled")
    };
    assert_eq!(page_label(), "Page 1 of 3");
    assert!(disabled("Previous") && !disabled("Next"));
    assert_eq!(
        texts(&page, ".immail-meet-history__duration"),
        ["1 s", "2 s"]
    );

    page.click("Next");
    wait_until("page 2", || page_label() == "Page 2 of 3").await;
    assert_eq!(
        texts(&page, ".immail-meet-history__duration"),
        ["3 s", "4 s"]
    );
    page.click("Next");
    wait_until("page 3", || page_label() == "Page 3 of 3").await;
    assert!(disabled("Next") && !disabled("Previous"));
    assert_eq!(texts(&page, ".immail-meet-history__duration"), ["5 s"]);
    page.click("Previous");
    wait_until("back to page 2", || page_label() == "Page 2 of 3").await;
    assert_eq!(requested_urls(), [path(1), path(2), path(3), path(2)]);
    assert!(page.find(".immail-meet-history__chat-toggle").is_none());
}

#[wasm_bindgen_test]
async fn history_shows_loading_empty_and_errors_with_retry() {
    fake_fetch();
    route(
        "/api/meet/rooms/r1/sessions?page=1&per_page=10",
        r#"[{ delay: 300, body: '{"total_row": 0, "data": []}' }]"#,
    );
    let page = mount(|| view! { <MeetingHistory room="r1" /> });
    leptos::task::tick().await;
    sleep(50).await;
    assert_eq!(page.data_state(".immail-meet-history"), "loading");
    assert!(page.text().contains("Loading sessions…"), "{}", page.text());
    assert_eq!(
        page.find("[role=status]").unwrap().text_content().unwrap(),
        "Loading sessions…"
    );
    page.wait_for(".immail-meet-history", "empty").await;
    assert_eq!(page.text(), "No sessions yet.");

    route(
        "/api/meet/rooms/r2/sessions?page=1&per_page=10",
        &format!(
            "[{{ status: 403, body: {} }}, {{ body: {} }}]",
            js_string(
                r#"{"error":{"code":"forbidden","message":"Only the room's moderator can see its history."}}"#
            ),
            js_string(&sessions_page(1, 1, 1))
        ),
    );
    let page = mount(|| view! { <MeetingHistory room="r2" /> });
    page.wait_for(".immail-meet-history", "error").await;
    let alert = page.find("[role=alert]").unwrap().text_content().unwrap();
    assert_eq!(
        alert,
        "Could not load the sessions: Only the room's moderator can see its history. (HTTP 403).Retry"
    );
    page.click("Retry");
    page.wait_for(".immail-meet-history", "ready").await;
    assert_eq!(texts(&page, ".immail-meet-history__duration"), ["1 s"]);

    for (answers, expected) in [
        ("[{ reject: true }]", "could not reach the meeting service"),
        (
            r#"[{ body: '<html>Sign in</html>' }]"#,
            "the answer is not JSON",
        ),
        (
            r#"[{ body: '{"data": [{"status": "COMPLETED"}]}' }]"#,
            "\"data[0]._id\" is missing",
        ),
        (
            r#"[{ status: 502, body: 'Bad gateway' }]"#,
            "the meeting service answered HTTP 502",
        ),
    ] {
        route("/api/meet/rooms/r3/sessions?page=1&per_page=10", answers);
        let page = mount(|| view! { <MeetingHistory room="r3" /> });
        page.wait_for(".immail-meet-history", "error").await;
        assert!(page.text().contains(expected), "{answers}: {}", page.text());
    }
}

#[wasm_bindgen_test]
async fn history_uses_the_api_base_encodes_the_room_and_follows_room_changes() {
    fake_fetch();
    route_json(
        "/backend/meet/rooms/a%20b/sessions?page=1&per_page=1",
        r#"{"total_row": 2, "data": [{"_id": "s1", "recording_files": [{"_id": "f/1", "name": "x.msf"}]}]}"#,
    );
    route_json(
        "/backend/meet/rooms/a%20b/sessions?page=2&per_page=1",
        &sessions_page(2, 1, 2),
    );
    route_json(
        "/backend/meet/rooms/other/sessions?page=1&per_page=1",
        &sessions_page(9, 1, 1),
    );
    let room = RwSignal::new("a b".to_owned());
    let page = mount(move || {
        view! { <MeetingHistory room=room api_base="/backend/meet/" per_page=1 class="mine" /> }
    });
    page.wait_for(".immail-meet-history", "ready").await;
    assert!(page.find(".immail-meet-history.mine").is_some());
    assert_eq!(
        page.find(".immail-meet-history__download")
            .unwrap()
            .get_attribute("href")
            .as_deref(),
        Some("/backend/meet/recordings/f%2F1")
    );
    page.click("Next");
    wait_until("page 2", || {
        texts(&page, ".immail-meet-history__page") == ["Page 2 of 2"]
    })
    .await;
    room.set("other".to_owned());
    wait_until("the other room", || {
        texts(&page, ".immail-meet-history__duration") == ["9 s"]
    })
    .await;
    assert_eq!(
        requested_urls(),
        [
            "/backend/meet/rooms/a%20b/sessions?page=1&per_page=1",
            "/backend/meet/rooms/a%20b/sessions?page=2&per_page=1",
            "/backend/meet/rooms/other/sessions?page=1&per_page=1",
        ],
        "another room starts at its first page, loaded once"
    );
}

#[wasm_bindgen_test]
async fn history_shows_one_sessions_chat_at_a_time_on_demand() {
    fake_fetch();
    let sessions = "/api/meet/rooms/chatty/sessions?page=1&per_page=10";
    route_json(sessions, &sessions_page(1, 2, 2));
    route_json(
        "/api/meet/sessions/s1/messages",
        r#"{"data": [{"sender": "Curtis", "text": "Hello everyone"}]}"#,
    );
    route(
        "/api/meet/sessions/s2/messages",
        r#"[{ status: 503, body: '{"error":{"code":"upstream_unavailable","message":"Down."}}' },
            { body: '[{"sender": "Blanca", "text": "second session"}]' }]"#,
    );
    let page = mount(|| view! { <MeetingHistory room="chatty" /> });
    page.wait_for(".immail-meet-history", "ready").await;
    let toggles = page.find_all(".immail-meet-history__chat-toggle");
    let expanded = |i: usize| toggles[i].get_attribute("aria-expanded").unwrap();
    assert_eq!((expanded(0), expanded(1)), ("false".into(), "false".into()));
    assert!(
        page.find(".immail-meet-messages").is_none(),
        "not loaded before asked"
    );

    toggles[0]
        .clone()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    page.wait_for(".immail-meet-messages", "ready").await;
    assert_eq!(expanded(0), "true");
    assert_eq!(toggles[0].text_content().unwrap(), "Hide chat");
    assert_eq!(
        texts(&page, ".immail-meet-messages__text"),
        ["Hello everyone"]
    );
    let chat_of = |i: usize| {
        page.find_all(".immail-meet-history__session")[i]
            .query_selector(".immail-meet-messages")
            .unwrap()
    };
    assert!(chat_of(0).is_some(), "the chat opens below its session");

    // Another session's chat replaces it; its error has its own Retry, which reloads
    // that chat only.
    toggles[1]
        .clone()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    page.wait_for(".immail-meet-messages", "error").await;
    assert_eq!((expanded(0), expanded(1)), ("false".into(), "true".into()));
    assert_eq!(page.find_all(".immail-meet-messages").len(), 1);
    assert!(chat_of(0).is_none() && chat_of(1).is_some());
    assert!(page
        .text()
        .contains("Could not load the messages: Down. (HTTP 503)."));
    page.click("Retry");
    page.wait_for(".immail-meet-messages", "ready").await;
    assert_eq!(
        texts(&page, ".immail-meet-messages__text"),
        ["second session"]
    );
    let listed = requested_urls().iter().filter(|u| *u == sessions).count();
    assert_eq!(listed, 1, "the chat's Retry did not reload the sessions");

    page.click("Hide chat");
    wait_until("chat hidden", || {
        page.find(".immail-meet-messages").is_none()
    })
    .await;
    assert_eq!(expanded(1), "false");
}

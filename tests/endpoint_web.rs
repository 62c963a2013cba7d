//! The grant endpoint of `<MeetEmbed>` in headless Chromium, through a fake
//! `window.fetch` that answers with real `Response` objects: the request the component
//! sends, each failure's message, time-outs that abort, and a request the app builds
//! with gloo-net.
#![cfg(target_arch = "wasm32")]

mod common;

use std::sync::{Arc, Mutex};

use common::browser::{first_request, mount};
use common::embed::{EmbedPage, MEETING};
use common::fresh_token;
use immail_meet::*;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FAKE_FETCH: &str = r#"
    window.__realFetch = window.__realFetch || window.fetch;
    window.__requests = [];
    window.__aborted = false;
    window.fetch = async function (resource, init) {
        const input = new Request(resource, init);
        const s = window.__scenario;
        window.__requests.push({
            method: input.method, url: input.url, credentials: input.credentials,
            cache: input.cache, contentType: input.headers.get('content-type'),
            accept: input.headers.get('accept'), csrf: input.headers.get('x-csrf-token'),
            body: await input.clone().text(),
        });
        if (s.reject) throw new TypeError('Failed to fetch');
        if (s.hang) {
            return new Promise((_, reject) => input.signal.addEventListener('abort', () => {
                window.__aborted = true;
                reject(new DOMException('aborted', 'AbortError'));
            }));
        }
        return new Response(s.body, { status: s.status, headers: s.headers || { 'content-type': 'application/json' } });
    };
"#;

fn fake_fetch(scenario: &str) {
    js_sys::eval(FAKE_FETCH).unwrap();
    js_sys::eval(&format!("window.__scenario = {scenario};")).unwrap();
}

/// The page text of a `<MeetEmbed>` whose grant request meets `scenario` in the fake
/// fetch: through the `endpoint` prop, or through `source` when one is given.
async fn endpoint_error(scenario: &str, timeout_ms: u32, source: Option<GrantSource>) -> String {
    fake_fetch(scenario);
    let page = mount(move || match source {
        None => {
            view! { <MeetEmbed endpoint="/api/meet/rooms/abc/grant" grant_timeout_ms=timeout_ms /> }
                .into_any()
        }
        Some(source) => {
            view! { <MeetEmbed grant_source=source grant_timeout_ms=timeout_ms /> }.into_any()
        }
    });
    page.wait_for_state("error").await;
    assert!(page.iframe().is_none());
    page.text()
}

#[wasm_bindgen_test]
async fn endpoint_is_posted_with_same_origin_credentials_and_the_app_body() {
    let body = format!(
        r#"{{"meeting_url":"{MEETING}","jwt":"{}","moderator":false}}"#,
        fresh_token()
    );
    fake_fetch(&format!("{{ status: 200, body: {body:?} }}"));
    let page = mount(|| {
        view! {
            <MeetEmbed
                endpoint="/api/meet/rooms/abc/grant"
                request_body=GrantBody::from(r#"{"display_name":"Zoë"}"#)
            />
        }
    });
    page.wait_for_state("joined").await;
    assert_eq!(first_request("method"), "POST");
    assert_eq!(first_request("credentials"), "same-origin");
    assert_eq!(first_request("cache"), "no-store");
    assert_eq!(first_request("contentType"), "application/json");
    assert_eq!(first_request("body"), r#"{"display_name":"Zoë"}"#);
    assert!(first_request("url")
        .as_string()
        .unwrap()
        .ends_with("/api/meet/rooms/abc/grant"));
    assert!(page.text().contains("Guest"));
}

#[wasm_bindgen_test]
async fn endpoint_failures_each_read_clearly() {
    let text = endpoint_error(
        r#"{ status: 404, body: '{"error":{"code":"room_not_found","message":"No such room"}}' }"#,
        5000,
        None,
    )
    .await;
    assert!(text.contains("No such room (HTTP 404)"), "{text}");
    let text = endpoint_error(r#"{ status: 502, body: '<html>Bad gateway</html>', headers: {'content-type': 'text/html'} }"#, 5000, None).await;
    assert!(text.contains("answered HTTP 502"), "{text}");
    let text = endpoint_error(r#"{ status: 200, body: '<html>login page</html>', headers: {'content-type': 'text/html'} }"#, 5000, None).await;
    assert!(text.contains("not JSON"), "{text}");
    let text = endpoint_error(
        r#"{ status: 200, body: '{"meeting_url": "https://web.immail.ca/meet/abc"}' }"#,
        5000,
        None,
    )
    .await;
    assert!(text.contains("has no \"jwt\""), "{text}");
    let text = endpoint_error(
        r#"{ status: 200, body: '{"meeting_url": 5, "jwt": "a.b.c"}' }"#,
        5000,
        None,
    )
    .await;
    assert!(
        text.contains("\"meeting_url\" is a number, not a string"),
        "{text}"
    );
    let text = endpoint_error(r#"{ status: 200, body: 'x'.repeat(20000) }"#, 5000, None).await;
    assert!(text.contains("larger than 16384 bytes"), "{text}");
    let text = endpoint_error("{ reject: true }", 5000, None).await;
    assert!(text.contains("could not reach"), "{text}");
    let text = endpoint_error("{ hang: true }", 300, None).await;
    assert!(text.contains("did not answer within 1 s"), "{text}");
    assert_eq!(
        js_sys::eval("window.__aborted").unwrap(),
        true,
        "the request was aborted"
    );
    let text = endpoint_error(
        r#"{ status: 200, body: '{"meeting_url": "javascript:alert(1)", "jwt": "a.b.c"}' }"#,
        5000,
        None,
    )
    .await;
    assert!(
        text.contains("scheme \"javascript\" is not allowed"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn a_request_built_with_gloo_net_carries_what_the_app_adds() {
    let body = format!(
        r#"{{"meeting_url":"{MEETING}","jwt":"{}","moderator":true}}"#,
        fresh_token()
    );
    fake_fetch(&format!("{{ status: 200, body: {body:?} }}"));
    let builds = Arc::new(Mutex::new(0));
    let counted = builds.clone();
    let source = GrantSource::endpoint_request("/api/meet/rooms/abc/grant", move |request| {
        *counted.lock().unwrap() += 1;
        request
            .header("X-CSRF-Token", "page-token")
            .header("Content-Type", "application/json")
            .body(r#"{"display_name":"Zoë"}"#)
    });
    let page = mount(move || view! { <MeetEmbed grant_source=source /> });
    page.wait_for_state("joined").await;
    assert_eq!(first_request("method"), "POST");
    assert_eq!(first_request("credentials"), "same-origin");
    assert_eq!(first_request("cache"), "no-store");
    assert_eq!(first_request("accept"), "application/json");
    assert_eq!(first_request("csrf"), "page-token");
    assert_eq!(first_request("body"), r#"{"display_name":"Zoë"}"#);
    assert!(page.text().contains("Moderator"), "{}", page.text());
    assert_eq!(*builds.lock().unwrap(), 1, "built once per join");

    // The same rules as the plain endpoint: status errors, size, time-out with abort.
    let failing = |scenario: &'static str, timeout_ms: u32| {
        let source =
            GrantSource::endpoint_request("/api/meet/rooms/abc/grant", |request| request.build());
        endpoint_error(scenario, timeout_ms, Some(source))
    };
    let text = failing(
        r#"{ status: 403, body: '{"error":{"code":"forbidden","message":"Not your room"}}' }"#,
        5000,
    )
    .await;
    assert!(text.contains("Not your room (HTTP 403)"), "{text}");
    let text = failing(r#"{ status: 200, body: 'x'.repeat(20000) }"#, 5000).await;
    assert!(text.contains("larger than 16384 bytes"), "{text}");
    let text = failing("{ hang: true }", 300).await;
    assert!(text.contains("did not answer within 1 s"), "{text}");
    assert_eq!(js_sys::eval("window.__aborted").unwrap(), true, "aborted");
    let text = failing("{ reject: true }", 5000).await;
    assert!(text.contains("could not reach"), "{text}");
}

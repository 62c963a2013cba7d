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
        input.signal.addEventListener('abort', () => { window.__aborted = true; });
        if (s.hang) {
            return new Promise((_, reject) => input.signal.addEventListener('abort', () => {
                reject(new DOMException('aborted', 'AbortError'));
            }));
        }
        const headers = s.headers || { 'content-type': 'application/json' };
        if (s.stream) {
            // A chunked answer: `s.stream` chunks of 1 KiB (Infinity: it never ends),
            // then, with `s.stall`, one that never comes.
            window.__chunks = 0;
            window.__cancelled = false;
            const body = new ReadableStream({
                pull(controller) {
                    if (window.__chunks >= s.stream) {
                        if (s.stall) return new Promise(() => {});
                        controller.close();
                        return;
                    }
                    window.__chunks += 1;
                    controller.enqueue(new TextEncoder().encode(' '.repeat(1024)));
                },
                cancel() { window.__cancelled = true; },
            }, { highWaterMark: 0 });
            return new Response(body, { status: s.status, headers });
        }
        const response = new Response(s.body, { status: s.status, headers });
        if (s.redirectedTo) {
            // What fetch gives after following a redirect (a constructed Response says
            // it was not redirected).
            Object.defineProperty(response, 'redirected', { value: true });
            Object.defineProperty(response, 'url', { value: s.redirectedTo });
        }
        return response;
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

#[wasm_bindgen_test]
async fn a_chunked_answer_that_never_ends_is_cut_at_the_limit() {
    // No Content-Length, and the body never ends: reading stops (the stream is
    // cancelled) at the 16 KiB limit, long before a tab would fill up.
    let text = endpoint_error("{ status: 200, stream: Infinity }", 5000, None).await;
    assert!(text.contains("larger than 16384 bytes"), "{text}");
    let chunks = js_sys::eval("window.__chunks").unwrap().as_f64().unwrap();
    assert!(
        (16.0..=20.0).contains(&chunks),
        "read {chunks} chunks of 1 KiB"
    );
    assert_eq!(
        js_sys::eval("window.__cancelled").unwrap(),
        true,
        "cancelled"
    );
    // The same through a request the app built.
    let source = GrantSource::endpoint_request("/api/meet/rooms/abc/grant", |r| r.build());
    let text = endpoint_error("{ status: 200, stream: Infinity }", 5000, Some(source)).await;
    assert!(text.contains("larger than 16384 bytes"), "{text}");
    assert_eq!(
        js_sys::eval("window.__cancelled").unwrap(),
        true,
        "cancelled"
    );
}

#[wasm_bindgen_test]
async fn a_content_length_is_never_trusted() {
    // A small declared length over a large body: the limit still holds.
    let text = endpoint_error(
        r#"{ status: 200, body: ' '.repeat(40000), headers: { 'content-length': '10' } }"#,
        5000,
        None,
    )
    .await;
    assert!(text.contains("larger than 16384 bytes"), "{text}");
    // A declared length over the limit: refused before the body is read.
    let text = endpoint_error(
        "{ status: 200, stream: 1, headers: { 'content-length': '999999' } }",
        5000,
        None,
    )
    .await;
    assert!(text.contains("larger than 16384 bytes"), "{text}");
    let chunks = js_sys::eval("window.__chunks").unwrap().as_f64().unwrap();
    assert_eq!(chunks, 0.0, "nothing was read");
}

#[wasm_bindgen_test]
async fn a_body_that_stalls_times_out_and_the_request_is_aborted() {
    let text = endpoint_error("{ status: 200, stream: 2, stall: true }", 300, None).await;
    assert!(text.contains("did not answer within 1 s"), "{text}");
    assert_eq!(js_sys::eval("window.__aborted").unwrap(), true, "aborted");
}

#[wasm_bindgen_test]
async fn an_answer_that_came_through_a_redirect_is_not_taken_for_the_grant() {
    // Typically a sign-in page the browser was sent to: 200, and HTML.
    let scenario = r#"{ status: 200, body: '<html>Sign in</html>', headers: { 'content-type': 'text/html' },
        redirectedTo: 'https://sso.example.com/login?next=%2Fapi' }"#;
    let text = endpoint_error(scenario, 5000, None).await;
    assert!(
        text.contains("the request was redirected, probably to a sign-in page"),
        "{text}"
    );
    assert!(!text.contains("not JSON"), "{text}");
    // Even a redirect that ends in JSON: it is not the endpoint's answer.
    let body = format!(r#"{{"meeting_url":"{MEETING}","jwt":"{}"}}"#, fresh_token());
    let scenario =
        format!("{{ status: 200, body: {body:?}, redirectedTo: 'https://elsewhere.example/' }}");
    let text = endpoint_error(&scenario, 5000, None).await;
    assert!(text.contains("redirected"), "{text}");
}

//! Hostile browsers, with hand-made headers (e2e/hostile.test.mjs does the same in
//! Chromium): state-changing routes take only JSON and refuse other origins; a request
//! that may come from another site never gets a new visitor cookie.

mod common;

use axum::http::StatusCode;
use common::*;

const SAME_SITE: [(&str, &str); 2] = [
    ("sec-fetch-site", "same-site"),
    ("origin", "http://127.0.0.1:9000"),
];
const CROSS_SITE: [(&str, &str); 2] = [
    ("sec-fetch-site", "cross-site"),
    ("origin", "http://evil.example"),
];

/// Headers of a browser request from `origin` to the API on `127.0.0.1:8787`.
fn browser<'a>(fetch_site: &'a str, cookie: Option<&'a str>) -> Vec<(&'a str, &'a str)> {
    let mut headers = vec![
        ("sec-fetch-site", fetch_site),
        ("origin", "http://127.0.0.1:8787"),
        ("host", "127.0.0.1:8787"),
        ("content-type", "application/json"),
    ];
    headers.extend(cookie.map(|c| ("cookie", c)));
    headers
}

#[tokio::test]
async fn state_changing_routes_take_json_only() {
    let app = app().await;
    let (room, host) = create_room(&app.api).await;
    let grant_uri = format!("/api/meet/rooms/{room}/grant");
    // What an HTML form can send without a preflight, even from the same origin.
    for content_type in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
    ] {
        let headers = [("content-type", content_type), ("cookie", host.as_str())];
        let body = r#"{"topic":"pwned","x":"="}"#;
        let created = call_with(&app.api, "POST", "/api/meet/rooms", &headers, body).await;
        assert_error(
            &created,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        );
        let granted = call_with(&app.api, "POST", &grant_uri, &headers, "").await;
        assert_error(
            &granted,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        );
    }
    // A body without a type is refused too; no body at all is a plain grant request
    // (what `<MeetEmbed endpoint=...>` sends).
    let untyped = [("cookie", host.as_str())];
    let with_body = call_with(&app.api, "POST", &grant_uri, &untyped, "{}").await;
    assert_eq!(with_body.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let bare = call_with(&app.api, "POST", &grant_uri, &untyped, "").await;
    assert_eq!(bare.status, StatusCode::OK, "{}", bare.text);
    assert_eq!(bare.body["moderator"], true);
    let vendor_json = [
        (
            "content-type",
            "application/merge-patch+json; charset=utf-8",
        ),
        ("cookie", host.as_str()),
    ];
    let typed = call_with(&app.api, "POST", &grant_uri, &vendor_json, "{}").await;
    assert_eq!(typed.status, StatusCode::OK, "{}", typed.text);
}

#[tokio::test]
async fn other_origins_may_not_change_state_and_get_no_cookie() {
    let app = app().await;
    let (room, host) = create_room(&app.api).await;
    let grant_uri = format!("/api/meet/rooms/{room}/grant");
    for origin in [SAME_SITE, CROSS_SITE] {
        for cookie in [Some(host.as_str()), None] {
            let mut headers = vec![("content-type", "application/json")];
            headers.extend(origin);
            headers.extend(cookie.map(|c| ("cookie", c)));
            for (uri, body) in [
                ("/api/meet/rooms", r#"{"topic":"pwned"}"#),
                (grant_uri.as_str(), "{}"),
            ] {
                let answer = call_with(&app.api, "POST", uri, &headers, body).await;
                assert_error(&answer, StatusCode::FORBIDDEN, "cross_origin_request");
                assert!(answer.cookie.is_none(), "{origin:?}: no cookie is set");
            }
        }
    }
    // An older browser without Sec-Fetch-Site: Origin against Host.
    let other_port = [
        ("content-type", "application/json"),
        ("origin", "http://127.0.0.1:9000"),
        ("host", "127.0.0.1:8787"),
    ];
    let refused = call_with(&app.api, "POST", &grant_uri, &other_port, "{}").await;
    assert_error(&refused, StatusCode::FORBIDDEN, "cross_origin_request");
    let own = [
        ("content-type", "application/json"),
        ("origin", "http://127.0.0.1:8787"),
        ("host", "127.0.0.1:8787"),
    ];
    assert_eq!(
        call_with(&app.api, "POST", &grant_uri, &own, "{}")
            .await
            .status,
        StatusCode::OK
    );
    // The page's own origin, and the user typing a URL.
    for site in ["same-origin", "none"] {
        let answer = call_with(
            &app.api,
            "POST",
            &grant_uri,
            &browser(site, Some(&host)),
            "",
        )
        .await;
        assert_eq!(answer.status, StatusCode::OK, "{site}: {}", answer.text);
        assert_eq!(answer.body["moderator"], true);
    }
}

#[tokio::test]
async fn a_cookieless_request_gets_a_visitor_only_when_the_browser_would_have_sent_its_own() {
    let app = app().await;
    let (room, _) = create_room(&app.api).await;
    let sessions = format!("/api/meet/rooms/{room}/sessions");
    // Cross-site: the browser holds back a Lax cookie, so none proves nothing.
    let cross = call_with(&app.api, "GET", &sessions, &CROSS_SITE, "").await;
    assert!(cross.cookie.is_none(), "{:?}", cross.cookie);
    assert_error(&cross, StatusCode::FORBIDDEN, "forbidden");
    let old_browser = [
        ("origin", "http://evil.example"),
        ("host", "127.0.0.1:8787"),
    ];
    assert!(call_with(&app.api, "GET", &sessions, &old_browser, "")
        .await
        .cookie
        .is_none());
    // Same site or same origin: it would have been sent, so the browser has none.
    for headers in [SAME_SITE.to_vec(), browser("same-origin", None)] {
        let answer = call_with(&app.api, "GET", &sessions, &headers, "").await;
        assert!(answer.cookie.is_some(), "{headers:?}");
    }
}

#[tokio::test]
async fn allowed_origins_may_change_state() {
    let mut config = test_config();
    config.allowed_origins = vec!["http://127.0.0.1:9000".into()];
    let app = start(config).await.unwrap();
    let (room, host) = create_room(&app.api).await;
    let mut headers = vec![
        ("content-type", "application/json"),
        ("cookie", host.as_str()),
    ];
    headers.extend(SAME_SITE);
    let answer = call_with(
        &app.api,
        "POST",
        &format!("/api/meet/rooms/{room}/grant"),
        &headers,
        "{}",
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    assert_eq!(answer.body["moderator"], true);
    assert_eq!(
        answer.headers["access-control-allow-origin"],
        "http://127.0.0.1:9000"
    );
    let mut other = vec![("content-type", "application/json")];
    other.extend(CROSS_SITE);
    let refused = call_with(&app.api, "POST", "/api/meet/rooms", &other, "{}").await;
    assert_error(&refused, StatusCode::FORBIDDEN, "cross_origin_request");
}

#[tokio::test]
async fn secure_cookies_carry_the_host_prefix() {
    let mut config = test_config();
    config.secure_cookies = true;
    let app = start(config).await.unwrap();
    let created = post_room(&app.api, r#"{"topic":"x"}"#).await;
    let cookie = created.cookie.unwrap();
    assert!(
        cookie.starts_with("__Host-immail_meet_visitor="),
        "{cookie}"
    );
    for part in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age="] {
        assert!(cookie.contains(part), "{part}: {cookie}");
    }
    assert!(!cookie.contains("Domain"), "{cookie}");
    // The plain name is not honoured under https settings (a sibling could set it).
    let room = created.body["name"].as_str().unwrap();
    let value = cookie.split(';').next().unwrap();
    let plain = value.replace("__Host-", "");
    let as_plain = grant(&app.api, room, Some(&plain), "").await;
    assert_eq!(as_plain.body["moderator"], false);
    let as_host = grant(&app.api, room, Some(value), "").await;
    assert_eq!(as_host.body["moderator"], true);
}

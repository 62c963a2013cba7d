//! Greedy callers: per-caller limits on room creation and grants (`429` with
//! `Retry-After`), and the route time limit, which downloads are exempt from.

mod common;

use axum::http::{header, StatusCode};
use common::immail::immail_config;
use common::*;
use immail_fake::{Endpoint, FakeImmail, FakeOptions, Fault};

fn retry_after(answer: &Answer) -> u64 {
    answer.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn each_caller_may_create_so_many_rooms_an_hour() {
    let mut config = test_config();
    config.rooms_per_hour = 3;
    let app = start(config).await.unwrap();
    let (_, host) = create_room(&app.api).await;
    let body = r#"{"topic":"again"}"#;
    for _ in 0..2 {
        let created = call(&app.api, "POST", "/api/meet/rooms", Some(&host), body).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    }
    let refused = call(&app.api, "POST", "/api/meet/rooms", Some(&host), body).await;
    assert_error(&refused, StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    // One room every 20 minutes after the first three.
    let wait = retry_after(&refused);
    assert!((1100..=1200).contains(&wait), "{wait}");
    assert!(refused.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains(&wait.to_string()));
    // Someone else is counted apart.
    assert_eq!(post_room(&app.api, body).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn each_caller_may_get_so_many_grants_a_minute() {
    let mut config = test_config();
    config.grants_per_minute = 5;
    let app = start(config).await.unwrap();
    let (room, host) = create_room(&app.api).await;
    for _ in 0..5 {
        assert_eq!(
            grant(&app.api, &room, Some(&host), "").await.status,
            StatusCode::OK
        );
    }
    let refused = grant(&app.api, &room, Some(&host), "").await;
    assert_error(&refused, StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    let wait = retry_after(&refused);
    assert!((1..=12).contains(&wait), "{wait}");
    let guest = guest_cookie(&app.api).await;
    assert_eq!(
        grant(&app.api, &room, Some(&guest), "").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_defaults_limit_rooms_and_grants() {
    let app = start(immail_meet_server::server::Config::sandbox(
        "127.0.0.1:0".parse().unwrap(),
        "127.0.0.1:9911".parse().unwrap(),
    ))
    .await
    .unwrap();
    let (room, host) = create_room(&app.api).await;
    let granted: Vec<StatusCode> =
        futures::future::join_all((0..61).map(|_| grant(&app.api, &room, Some(&host), "")))
            .await
            .into_iter()
            .map(|a| a.status)
            .collect();
    let refused = granted
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.count(), 1, "60 a minute: {granted:?}");
}

#[tokio::test]
async fn a_request_past_the_time_limit_is_a_503_but_a_download_is_not_cut() {
    let fake = FakeImmail::start(FakeOptions::default()).await.unwrap();
    let mut config = immail_config(&fake.url(), fake.options());
    config.request_timeout_secs = 1;
    let app = start(config).await.unwrap();
    let (room, host) = create_room(&app.api).await;
    fake.push_fault(Endpoint::Token, Fault::delay_ms(3_000));
    let started = std::time::Instant::now();
    let slow = grant(&app.api, &room, Some(&host), "").await;
    assert_error(&slow, StatusCode::SERVICE_UNAVAILABLE, "timeout");
    assert!(started.elapsed() < std::time::Duration::from_millis(2_900));

    // The sandbox's 200 MiB recording, read slowly for longer than the limit, arrives
    // whole.
    let mut config = test_config();
    config.request_timeout_secs = 1;
    let app = start(config).await.unwrap();
    let (_, cookie, list) = listed_room(&app.api, "Long").await;
    let file = &list.data[1].recording_files[0];
    let request = axum::http::Request::get(format!("/api/meet/recordings/{}", file.id))
        .header(header::COOKIE, &cookie)
        .header(header::RANGE, "bytes=0-4194303")
        .body(axum::body::Body::empty())
        .unwrap();
    let response = tower::ServiceExt::oneshot(app.api.clone(), request)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PARTIAL_CONTENT);
    let mut body = response.into_body().into_data_stream();
    let (mut received, started) = (0, std::time::Instant::now());
    while let Some(chunk) = futures::StreamExt::next(&mut body).await {
        received += chunk.unwrap().len();
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(received, 4 * 1024 * 1024);
    assert!(started.elapsed() > std::time::Duration::from_secs(1));
}

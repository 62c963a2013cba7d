//! imMail mode against a fake imMail API on loopback (`immail-fake`): the mapping of rooms
//! and grants to imMail's calls, the service-token cache (single flight, expiry, 401
//! rotation) and every upstream fault. Each test ends by checking that the fake saw no
//! request the real API would refuse.

mod common;

use std::time::Duration;

use axum::http::StatusCode;
use common::immail::*;
use common::*;
use immail_fake::{Endpoint, FakeImmail, FakeOptions, Fault, ServiceTokenStyle};
use immail_meet_core::{GrantResponse, GrantRules};
use immail_meet_server::clock::now_secs;
use serde_json::json;

const BASE: &str = "https://web.immail.ca/meet/";

#[tokio::test]
async fn config_names_immail_and_no_call_is_made_before_it_is_needed() {
    let rig = rig().await;
    let answer = call(&rig.app.api, "GET", "/api/meet/config", None, "").await;
    assert_eq!(
        answer.body,
        json!({ "mode": "immail", "meeting_base": BASE, "grant_contract": 1 })
    );
    assert!(rig.app.sandbox.is_none(), "no sandbox pages in imMail mode");
    for endpoint in Endpoint::ALL {
        assert_eq!(rig.fake.calls(endpoint), 0, "{endpoint}");
    }
}

#[tokio::test]
async fn creating_a_room_schedules_it_with_one_service_token() {
    let rig = rig().await;
    let created = post_room(
        &rig.app.api,
        r#"{"topic":" Consulting ","start_at":"2026-11-29 10:15","duration":60}"#,
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let name = created.body["name"].as_str().unwrap();
    assert_eq!(created.body["meeting_url"], format!("{BASE}{name}"));
    assert_eq!(created.body["topic"], "Consulting");
    assert_eq!(created.body["start_at"], "2026-11-29 10:15");
    assert_eq!(created.body["duration"], 60);
    let id = created.body["id"].as_str().unwrap();
    assert!(
        id.len() == 24 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );
    rig.assert_no_secret(&created);

    let second = post_room(&rig.app.api, r#"{"topic":"Standup"}"#).await;
    assert_eq!(second.status, StatusCode::CREATED, "{}", second.text);
    assert_eq!(
        rig.fake.bodies(Endpoint::AuthToken),
        vec![json!({ "email_domain": "example.com" })],
        "one service token serves both rooms"
    );
    assert_eq!(
        rig.fake.bodies(Endpoint::Schedule),
        vec![
            json!({ "topic": "Consulting", "start_at": "2026-11-29 10:15", "duration": 60 }),
            json!({ "topic": "Standup" }),
        ]
    );
    rig.fake.assert_no_violations();
}

#[tokio::test]
async fn grants_map_to_token_with_the_role_the_server_decided() {
    let rig = rig().await;
    let (room, host) = create_room(&rig.app.api).await;
    let as_host = grant(&rig.app.api, &room, Some(&host), "").await;
    let as_guest = grant(
        &rig.app.api,
        &room,
        None,
        r#"{"display_name":"Mallory","moderator":true,"role":"moderator"}"#,
    )
    .await;
    assert_eq!(as_host.status, StatusCode::OK, "{}", as_host.text);
    assert_eq!(as_guest.status, StatusCode::OK, "{}", as_guest.text);
    assert_eq!(
        rig.fake.bodies(Endpoint::Token),
        vec![
            json!({ "room_name": room, "moderator": true }),
            json!({ "room_name": room, "moderator": false }),
        ]
    );
    let issued = rig.fake.participant_tokens();
    assert_eq!(as_host.body["jwt"], issued[0]);
    assert_eq!(as_guest.body["jwt"], issued[1]);
    assert_eq!(as_host.body["moderator"], true);
    assert_eq!(as_guest.body["moderator"], false);
    assert_eq!(as_host.headers["cache-control"], "no-store");
    // The grant satisfies the component's contract with its default allowed hosts.
    let response = GrantResponse::from_json(&as_host.text).unwrap();
    let grant = GrantRules::default()
        .validate(response, now_secs() as f64)
        .unwrap();
    assert_eq!(grant.meeting_url().to_string(), format!("{BASE}{room}"));
    let exp = grant.expires_at().unwrap();
    assert!(
        (exp - (now_secs() + 7200) as f64).abs() < 5.0,
        "expires_at is the token's exp"
    );
    assert_eq!(rig.fake.calls(Endpoint::AuthToken), 1);
    rig.assert_no_secret(&as_host);
    rig.assert_no_secret(&as_guest);
    rig.fake.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_grants_wait_for_one_token_refresh() {
    // Service tokens live 4 s, so the cached one is stale after 2 s (half its life).
    let options = FakeOptions {
        service_tokens: ServiceTokenStyle::Jwt(Duration::from_secs(4)),
        ..FakeOptions::default()
    };
    let rig = rig_with(options, |_| {}).await;
    let (room, host) = create_room(&rig.app.api).await;
    assert_eq!(rig.fake.calls(Endpoint::AuthToken), 1);
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    // A slow /auth/token: every grant arrives while the refresh is in flight.
    rig.fake
        .push_fault(Endpoint::AuthToken, Fault::delay_ms(300));
    let answers = concurrent_grants(&rig.app.api, &room, &host, 200).await;
    for answer in &answers {
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    }
    assert_eq!(
        rig.fake.calls(Endpoint::AuthToken),
        2,
        "200 concurrent grants made exactly one /auth/token call"
    );
    assert_eq!(rig.fake.calls(Endpoint::Token), 200);
    rig.fake.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_refresh_is_shared_by_its_waiters_not_repeated() {
    let rig = rig().await;
    let (room, host) = create_room(&rig.app.api).await;
    rig.fake.revoke_service_tokens();
    // Slow failures, so that every grant queues behind the first refresh.
    rig.fake
        .set_fault(Endpoint::AuthToken, Some(Fault::status(500).after_ms(500)));
    let answers = concurrent_grants(&rig.app.api, &room, &host, 50).await;
    for answer in &answers {
        assert_error(answer, StatusCode::BAD_GATEWAY, "upstream_error");
        rig.assert_no_secret(answer);
    }
    // 1 for the room, then one refresh that failed (each grant's 401 led to it), whose
    // /auth/token call was retried once; the waiters took its error.
    assert_eq!(rig.fake.calls(Endpoint::AuthToken), 3);
    rig.fake.set_fault(Endpoint::AuthToken, None);
    let answer = grant(&rig.app.api, &room, Some(&host), "").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    rig.fake.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_service_token_is_refreshed_once_and_the_call_resent() {
    let rig = rig().await;
    let (room, host) = create_room(&rig.app.api).await;
    rig.fake.revoke_service_tokens();
    let answer = grant(&rig.app.api, &room, Some(&host), "").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    assert_eq!(rig.fake.calls(Endpoint::AuthToken), 2);
    assert_eq!(rig.fake.calls(Endpoint::Token), 2, "401, then the resend");

    // 200 grants that all meet a 401 still refresh the token only once.
    rig.fake.revoke_service_tokens();
    let answers = concurrent_grants(&rig.app.api, &room, &host, 200).await;
    for answer in &answers {
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
        rig.assert_no_secret(answer);
    }
    assert_eq!(
        rig.fake.calls(Endpoint::AuthToken),
        3,
        "one refresh for the whole burst"
    );
    rig.fake.assert_no_violations();
}

#[tokio::test]
async fn a_token_refused_after_a_refresh_is_a_502_not_a_loop() {
    let rig = rig().await;
    let (room, host) = create_room(&rig.app.api).await;
    rig.fake
        .set_fault(Endpoint::Token, Some(Fault::status(401)));
    let answer = grant(&rig.app.api, &room, Some(&host), "").await;
    assert_error(&answer, StatusCode::BAD_GATEWAY, "upstream_error");
    assert_eq!(rig.fake.calls(Endpoint::AuthToken), 2, "one refresh");
    assert_eq!(rig.fake.calls(Endpoint::Token), 2, "one resend");
    rig.assert_no_secret(&answer);
    rig.fake.assert_no_violations();
}

#[tokio::test]
async fn a_refused_api_key_is_a_502_and_never_retried() {
    let rig = rig_with(FakeOptions::default(), |immail| {
        immail.api_key = Some(immail_meet_server::upstream::immail::ApiKey::new(
            "a-key-imMail-does-not-know",
        ));
    })
    .await;
    let answer = post_room(&rig.app.api, r#"{"topic":"x"}"#).await;
    assert_error(&answer, StatusCode::BAD_GATEWAY, "upstream_error");
    assert!(!answer.text.contains("a-key-imMail-does-not-know"));
    assert_eq!(rig.fake.calls(Endpoint::AuthToken), 1);
    assert_eq!(rig.fake.calls(Endpoint::Schedule), 0);
    rig.assert_no_secret(&answer);
    rig.fake.assert_no_violations();
}

#[tokio::test]
async fn a_5xx_is_retried_once_for_idempotent_calls_only() {
    let rig = rig().await;
    // /auth/token only issues a token: retried.
    rig.fake.push_fault(Endpoint::AuthToken, Fault::status(503));
    let (room, host) = create_room(&rig.app.api).await;
    assert_eq!(rig.fake.calls(Endpoint::AuthToken), 2);

    // token only issues a token: retried once, then the error stands.
    rig.fake.push_fault(Endpoint::Token, Fault::status(500));
    let answer = grant(&rig.app.api, &room, Some(&host), "").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    assert_eq!(rig.fake.calls(Endpoint::Token), 2);
    rig.fake
        .set_fault(Endpoint::Token, Some(Fault::status(500)));
    let answer = grant(&rig.app.api, &room, Some(&host), "").await;
    assert_error(&answer, StatusCode::BAD_GATEWAY, "upstream_error");
    assert_eq!(rig.fake.calls(Endpoint::Token), 4);
    rig.assert_no_secret(&answer);

    // schedule creates a room: a 500 may have come after the room was made, so no retry.
    rig.fake.push_fault(Endpoint::Schedule, Fault::status(500));
    let answer = post_room(&rig.app.api, r#"{"topic":"x"}"#).await;
    assert_error(&answer, StatusCode::BAD_GATEWAY, "upstream_error");
    assert_eq!(
        rig.fake.calls(Endpoint::Schedule),
        2,
        "1 + this one, not retried"
    );
    rig.assert_no_secret(&answer);
    rig.fake.assert_no_violations();
}

#[tokio::test]
async fn a_slow_answer_past_the_time_out_is_a_504_and_not_retried() {
    let rig = rig_with(FakeOptions::default(), |immail| {
        immail.read_timeout_ms = 200
    })
    .await;
    let (room, host) = create_room(&rig.app.api).await;

    rig.fake.push_fault(Endpoint::Token, Fault::delay_ms(800));
    let answer = grant(&rig.app.api, &room, Some(&host), "").await;
    assert_error(&answer, StatusCode::GATEWAY_TIMEOUT, "upstream_timeout");
    assert_eq!(rig.fake.calls(Endpoint::Token), 1);

    rig.fake
        .push_fault(Endpoint::Schedule, Fault::delay_ms(800));
    let answer = post_room(&rig.app.api, r#"{"topic":"x"}"#).await;
    assert_error(&answer, StatusCode::GATEWAY_TIMEOUT, "upstream_timeout");
    assert_eq!(rig.fake.calls(Endpoint::Schedule), 2);

    // The service-token fetch times out too: the grant waiting for it gets the 504.
    rig.fake.revoke_service_tokens();
    rig.fake
        .push_fault(Endpoint::AuthToken, Fault::delay_ms(800));
    let answer = grant(&rig.app.api, &room, Some(&host), "").await;
    assert_error(&answer, StatusCode::GATEWAY_TIMEOUT, "upstream_timeout");

    // And the next grant works again.
    let answer = grant(&rig.app.api, &room, Some(&host), "").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    rig.assert_no_secret(&answer);
    rig.fake.assert_no_violations();
}

#[tokio::test]
async fn malformed_answers_are_502s_that_echo_nothing() {
    let marker = immail_fake::UPSTREAM_BODY_MARKER;
    let rig = rig().await;
    let (room, host) = create_room(&rig.app.api).await;
    let huge = format!(r#"{{"token":"{}"}}"#, "a".repeat(300_000));
    let token_answers = [
        format!("<html>{marker}</html>"),
        format!(r#"{{"token": 5, "detail": "{marker}"}}"#),
        format!(r#"{{"token": "not-a-jwt-{marker}"}}"#),
        format!(r#"{{"jwt": "{marker}"}}"#),
        format!(r#"["{marker}"]"#),
        r#"{"token": ""}"#.to_owned(),
        huge,
    ];
    for body in &token_answers {
        rig.fake.push_fault(Endpoint::Token, Fault::ok_body(body));
        let answer = grant(&rig.app.api, &room, Some(&host), "").await;
        assert_error(&answer, StatusCode::BAD_GATEWAY, "upstream_error");
        rig.assert_no_secret(&answer);
    }
    let schedule_answers = [
        format!(r#"{{"_id": "6578a1b2c3d4e5f601234567", "name": "../{marker}"}}"#),
        format!(r#"{{"_id": "6578a1b2c3d4e5f601234567", "name": "a b", "x": "{marker}"}}"#),
        format!(r#"{{"name": "abc", "detail": "{marker}"}}"#),
        format!("{{{marker}"),
    ];
    for body in &schedule_answers {
        rig.fake
            .push_fault(Endpoint::Schedule, Fault::ok_body(body));
        let answer = post_room(&rig.app.api, r#"{"topic":"x"}"#).await;
        assert_error(&answer, StatusCode::BAD_GATEWAY, "upstream_error");
        rig.assert_no_secret(&answer);
    }
    for body in [
        format!(r#"{{"token": "has spaces {marker}"}}"#),
        r#"{"token": null}"#.to_owned(),
    ] {
        rig.fake.revoke_service_tokens();
        rig.fake
            .push_fault(Endpoint::AuthToken, Fault::ok_body(&body));
        let answer = grant(&rig.app.api, &room, Some(&host), "").await;
        assert_error(&answer, StatusCode::BAD_GATEWAY, "upstream_error");
        rig.assert_no_secret(&answer);
    }
    // Nothing half-read was kept: the next grant works.
    let answer = grant(&rig.app.api, &room, Some(&host), "").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    rig.fake.assert_no_violations();
}

#[tokio::test]
async fn an_unreachable_upstream_is_a_503_until_it_is_back() {
    // A free loopback port with nothing listening: connections are refused.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let options = FakeOptions::default();
    let config = immail_config(&format!("http://127.0.0.1:{port}"), &options);
    let app = start(config).await.unwrap();
    let create = || {
        call(
            &app.api,
            "POST",
            "/api/meet/rooms",
            None,
            r#"{"topic":"x"}"#,
        )
    };
    let answer = create().await;
    assert_error(
        &answer,
        StatusCode::SERVICE_UNAVAILABLE,
        "upstream_unavailable",
    );
    assert!(!answer.text.contains(&options.api_key));

    let fake = FakeImmail::bind(([127, 0, 0, 1], port).into(), options)
        .await
        .unwrap();
    let answer = create().await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);
    assert_eq!(fake.calls(Endpoint::AuthToken), 1);
    assert_eq!(fake.calls(Endpoint::Schedule), 1);
    fake.assert_no_violations();
}

#[tokio::test]
async fn service_tokens_are_refreshed_near_expiry() {
    // A JWT service token: used until half its 4 s life (the margin is capped there).
    let options = FakeOptions {
        service_tokens: ServiceTokenStyle::Jwt(Duration::from_secs(4)),
        ..FakeOptions::default()
    };
    let rig = rig_with(options, |_| {}).await;
    let (room, host) = create_room(&rig.app.api).await;
    grant(&rig.app.api, &room, Some(&host), "").await;
    assert_eq!(rig.fake.calls(Endpoint::AuthToken), 1);
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    let answer = grant(&rig.app.api, &room, Some(&host), "").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    assert_eq!(rig.fake.calls(Endpoint::AuthToken), 2);
    rig.fake.assert_no_violations();

    // An opaque token lives the configured lifetime.
    let opaque = FakeOptions {
        service_tokens: ServiceTokenStyle::Opaque,
        ..FakeOptions::default()
    };
    let rig = rig_with(opaque.clone(), |immail| immail.service_token_ttl_secs = 1).await;
    let (room, host) = create_room(&rig.app.api).await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    grant(&rig.app.api, &room, Some(&host), "").await;
    assert_eq!(rig.fake.calls(Endpoint::AuthToken), 2);
    rig.fake.assert_no_violations();

    let rig = rig_with(opaque, |immail| immail.service_token_ttl_secs = 600).await;
    let (room, host) = create_room(&rig.app.api).await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    grant(&rig.app.api, &room, Some(&host), "").await;
    assert_eq!(rig.fake.calls(Endpoint::AuthToken), 1);
    rig.fake.assert_no_violations();
}

#[tokio::test]
async fn the_naive_flow_asks_for_a_service_token_before_every_call() {
    let rig = rig_with(FakeOptions::default(), |immail| {
        immail.naive_service_tokens = true
    })
    .await;
    let (room, host) = create_room(&rig.app.api).await;
    for _ in 0..3 {
        let answer = grant(&rig.app.api, &room, Some(&host), "").await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    }
    assert_eq!(rig.fake.calls(Endpoint::AuthToken), 4);
    rig.fake.assert_no_violations();
}

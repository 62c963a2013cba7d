//! The history routes in imMail mode, against the fake imMail API: each call reaches
//! imMail at its configured path with the service token and the paging passed through,
//! answers in drifted shapes are read tolerantly, recordings stream through with their
//! ranges (imMail's `206`/`416`, or cut here when imMail ignores `Range`), and faults
//! become clear errors without an upstream body.

mod common;

use axum::http::{header, StatusCode};
use common::immail::{assert_no_secret_in, immail_config, rig, rig_with, Rig};
use common::*;
use immail_fake::{Endpoint, FakeImmail, FakeOptions, Fault, RECORDING_SIZES};
use immail_meet_core::{MessageList, SessionStatus, Timestamp};

/// The room the moderator created (through the API, so imMail scheduled it), its VIDEO
/// ROOM ID at the fake, and the moderator's cookie.
async fn room(rig: &Rig) -> (String, String, String) {
    let created = post_room(&rig.app.api, r#"{"topic":"Board review"}"#).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    (
        created.body["name"].as_str().unwrap().to_owned(),
        created.body["id"].as_str().unwrap().to_owned(),
        session_of(&created),
    )
}

#[tokio::test]
async fn sessions_come_from_immail_a_page_at_a_time() {
    let rig = rig().await;
    let (room, room_id, cookie) = room(&rig).await;
    let uri = format!("/api/meet/rooms/{room}/sessions?page=1&per_page=2");
    let answer = call(&rig.app.api, "GET", &uri, Some(&cookie), "").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let first = immail_meet_core::SessionList::from_json(&answer.text).unwrap();
    let expected = rig.fake.sessions_of(&room_id);
    assert_eq!(first.total_row, Some(3));
    assert_eq!(
        (first.total_completed, first.total_in_progress),
        (Some(1), Some(1))
    );
    let ids: Vec<_> = first.data.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, [&expected[0]["_id"], &expected[1]["_id"]]);
    assert_eq!(first.data[0].status, SessionStatus::InProgress);
    assert_eq!(first.data[0].recording_files[0].size, Some(100_000));
    assert_eq!(
        first.data[0].date,
        Timestamp::parse("2026-11-20T10:00:00.000Z")
    );

    let uri = format!("/api/meet/rooms/{room}/sessions?page=2&per_page=2");
    let second = call(&rig.app.api, "GET", &uri, Some(&cookie), "").await;
    let second = immail_meet_core::SessionList::from_json(&second.text).unwrap();
    assert_eq!(second.data.len(), 1);
    assert_eq!(
        second.data[0].status,
        SessionStatus::Other("ARCHIVED".into()),
        "an unknown status is kept"
    );
    assert_eq!(
        rig.fake.bodies(Endpoint::Sessions),
        [
            serde_json::json!("page=1&limit=2"),
            serde_json::json!("page=2&limit=2")
        ],
        "the paging reached imMail as its query"
    );
    assert_eq!(rig.fake.calls(Endpoint::AuthToken), 1, "one service token");
    rig.fake.assert_no_violations();

    // The rule is the server's, whatever the upstream: a guest gets 403, and imMail is
    // not even asked.
    let guest = guest_cookie(&rig.app.api).await;
    let refused = call(&rig.app.api, "GET", &uri, Some(&guest), "").await;
    assert_error(&refused, StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(rig.fake.calls(Endpoint::Sessions), 2);
}

#[tokio::test]
async fn messages_in_immails_own_shape_are_read() {
    let rig = rig().await;
    let (room, _, cookie) = room(&rig).await;
    let uri = format!("/api/meet/rooms/{room}/sessions");
    let sessions = call(&rig.app.api, "GET", &uri, Some(&cookie), "").await;
    let sessions = immail_meet_core::SessionList::from_json(&sessions.text).unwrap();
    let uri = format!("/api/meet/sessions/{}/messages", sessions.data[1].id);
    let answer = call(&rig.app.api, "GET", &uri, Some(&cookie), "").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    // The fake sends {"messages": [{"id", "from": {"name"}, "message", "timestamp"}]};
    // the server answers the canonical {"data": [{"_id", "sender", "text", "created_at"}]}.
    assert_eq!(
        answer.body["data"][1],
        serde_json::json!({
            "_id": answer.body["data"][1]["_id"],
            "sender": "Blanca",
            "text": "message 2 of session 2",
            "created_at": "2025-11-20T10:01:00.000Z",
        })
    );
    assert_eq!(MessageList::from_json(&answer.text).unwrap().data.len(), 2);
    rig.fake.assert_no_violations();
}

#[tokio::test]
async fn recordings_stream_from_immail_with_their_ranges() {
    for ranges in [true, false] {
        let rig = rig_with(
            FakeOptions {
                ranges,
                ..FakeOptions::default()
            },
            |_| {},
        )
        .await;
        let (room, _, cookie) = room(&rig).await;
        let uri = format!("/api/meet/rooms/{room}/sessions");
        let sessions = call(&rig.app.api, "GET", &uri, Some(&cookie), "").await;
        let sessions = immail_meet_core::SessionList::from_json(&sessions.text).unwrap();
        let file = &sessions.data[1].recording_files[0];
        let bytes = rig.fake.recording(&file.id).unwrap();
        let size = RECORDING_SIZES[1][0];
        assert_eq!(bytes.len(), size);
        let uri = format!("/api/meet/recordings/{}", file.id);

        let whole = get(&rig.app.api, &uri, &cookie, &[]).await;
        assert_eq!(whole.status, StatusCode::OK);
        assert_eq!(whole.bytes, bytes);
        assert_eq!(header(&whole, header::CONTENT_LENGTH), size.to_string());
        assert_eq!(header(&whole, header::CONTENT_TYPE), "video/x-msf");
        assert_eq!(header(&whole, header::ETAG), FakeImmail::etag(&file.id));
        assert_eq!(
            header(&whole, header::CONTENT_DISPOSITION),
            "attachment; filename=\"Board review part 1.msf\"; \
             filename*=UTF-8''Board%20review%20part%201.msf"
        );

        for (range, start, end) in [
            ("bytes=0-99", 0, 99),
            ("bytes=150000-150999", 150_000, 150_999),
            ("bytes=-10", size - 10, size - 1),
            ("bytes=299990-", 299_990, size - 1),
        ] {
            let part = get(&rig.app.api, &uri, &cookie, &[("range", range)]).await;
            assert_eq!(
                part.status,
                StatusCode::PARTIAL_CONTENT,
                "{range} ({ranges})"
            );
            assert_eq!(
                header(&part, header::CONTENT_RANGE),
                format!("bytes {start}-{end}/{size}")
            );
            assert_eq!(part.bytes, bytes[start..=end], "{range} ({ranges})");
        }
        for range in ["bytes=300001-", "bytes=9-2", "bytes=-0"] {
            let refused = get(&rig.app.api, &uri, &cookie, &[("range", range)]).await;
            assert_eq!(
                refused.status,
                StatusCode::RANGE_NOT_SATISFIABLE,
                "{range} ({ranges})"
            );
            assert_eq!(
                header(&refused, header::CONTENT_RANGE),
                format!("bytes */{size}")
            );
        }
        // If-Range: with the file's ETag the range is served; with another, the whole.
        let etag = FakeImmail::etag(&file.id);
        let same = get(
            &rig.app.api,
            &uri,
            &cookie,
            &[("range", "bytes=5-9"), ("if-range", &etag)],
        )
        .await;
        let changed = get(
            &rig.app.api,
            &uri,
            &cookie,
            &[("range", "bytes=5-9"), ("if-range", "\"old\"")],
        )
        .await;
        if ranges {
            assert_eq!(same.status, StatusCode::PARTIAL_CONTENT);
            assert_eq!(same.bytes, bytes[5..=9]);
        }
        assert_eq!(changed.status, StatusCode::OK);
        assert_eq!(changed.bytes.len(), size);
        rig.fake.assert_no_violations();
    }
}

#[tokio::test]
async fn immail_faults_become_clear_errors() {
    let rig = rig().await;
    let (room, _, cookie) = room(&rig).await;
    let sessions_uri = format!("/api/meet/rooms/{room}/sessions");

    // A 5xx on a GET (idempotent) is retried once, then answered 502.
    rig.fake
        .set_fault(Endpoint::Sessions, Some(Fault::status(500)));
    let answer = call(&rig.app.api, "GET", &sessions_uri, Some(&cookie), "").await;
    assert_error(&answer, StatusCode::BAD_GATEWAY, "upstream_error");
    assert_eq!(rig.fake.calls(Endpoint::Sessions), 2);
    assert_no_secret_in(&answer.text, &rig.fake);

    // An answer that is not a session list.
    rig.fake.set_fault(
        Endpoint::Sessions,
        Some(Fault::ok_body(r#"{"data": [{"status": "COMPLETED"}]}"#)),
    );
    let (logs, _guard) = capture_logs();
    let answer = call(&rig.app.api, "GET", &sessions_uri, Some(&cookie), "").await;
    assert_error(&answer, StatusCode::BAD_GATEWAY, "upstream_error");
    assert!(
        logs.text().contains(r#"\"data[0]._id\" is missing"#),
        "the log names the member: {}",
        logs.text()
    );
    rig.fake.set_fault(Endpoint::Sessions, None);

    // A revoked service token: one refresh, one resend.
    let listed = call(&rig.app.api, "GET", &sessions_uri, Some(&cookie), "").await;
    let listed = immail_meet_core::SessionList::from_json(&listed.text).unwrap();
    rig.fake.revoke_service_tokens();
    let messages_uri = format!("/api/meet/sessions/{}/messages", listed.data[0].id);
    let answer = call(&rig.app.api, "GET", &messages_uri, Some(&cookie), "").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    assert_eq!(rig.fake.calls(Endpoint::AuthToken), 2);

    // imMail no longer knows the session / the file: 404s of this API.
    rig.fake.push_fault(Endpoint::Messages, Fault::status(404));
    let answer = call(&rig.app.api, "GET", &messages_uri, Some(&cookie), "").await;
    assert_error(&answer, StatusCode::NOT_FOUND, "session_not_found");
    rig.fake.push_fault(Endpoint::Recording, Fault::status(404));
    let file_uri = format!(
        "/api/meet/recordings/{}",
        listed.data[0].recording_files[0].id
    );
    let answer = call(&rig.app.api, "GET", &file_uri, Some(&cookie), "").await;
    assert_error(&answer, StatusCode::NOT_FOUND, "recording_not_found");
    assert_no_secret_in(&answer.text, &rig.fake);
    assert_no_secret_in(&logs.text(), &rig.fake);
    rig.fake.assert_no_violations();
}

#[tokio::test]
async fn history_paths_are_configurable_and_checked_at_start_up() {
    let fake = FakeImmail::start(FakeOptions::default()).await.unwrap();
    let mut config = immail_config(&fake.url(), fake.options());
    config.immail.history_paths.recording = "/v2/recordings/{id}".into();
    let error = start(config).await.err().unwrap().to_string();
    assert!(
        error.contains("--immail-recording-path must hold {file_id}"),
        "{error}"
    );

    // Another path: the server calls it (the fake serves the default paths: it records
    // a request imMail would not know, and answers 404, which is "no such room").
    let mut config = immail_config(&fake.url(), fake.options());
    config.immail.history_paths.sessions = "/custom/{room_id}/list?p={page}".into();
    let app = start(config).await.unwrap();
    let created = post_room(&app.api, r#"{"topic":"x"}"#).await;
    let (room, id, cookie) = (
        created.body["name"].as_str().unwrap(),
        created.body["id"].as_str().unwrap(),
        session_of(&created),
    );
    let uri = format!("/api/meet/rooms/{room}/sessions?page=3");
    let answer = call(&app.api, "GET", &uri, Some(&cookie), "").await;
    assert_error(&answer, StatusCode::NOT_FOUND, "room_not_found");
    assert_eq!(
        fake.violations(),
        [format!("unexpected request GET /custom/{id}/list?p=3")]
    );
}

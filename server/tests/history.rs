//! The history routes in-process, in sandbox mode: sessions (paging), messages,
//! recordings (streaming, ranges, Content-Disposition), and the rule that only the
//! room's moderator may use them. `immail_history.rs` runs them against a fake imMail.

mod common;

use axum::http::{header, StatusCode};
use common::*;
use immail_meet_core::{MessageList, SessionList, SessionStatus};
use immail_meet_server::upstream::sandbox::history::{
    LARGE_RECORDING_BYTES, SESSIONS_PER_ROOM, SMALL_RECORDING_BYTES,
};
use immail_meet_server::upstream::sandbox::recording::{fill, seed_of};

/// The recording's bytes `start..start + len`, as the sandbox makes them.
fn expected_bytes(file_id: &str, start: u64, len: usize) -> Vec<u8> {
    let mut bytes = vec![0_u8; len];
    fill(seed_of(file_id), start, &mut bytes);
    bytes
}

#[tokio::test]
async fn the_moderator_lists_the_sessions_a_page_at_a_time() {
    let app = app().await;
    let (room, cookie, all) = listed_room(&app.api, "Consulting").await;
    assert_eq!(all.total_row, Some(SESSIONS_PER_ROOM as u64));
    assert_eq!(all.total_in_progress, Some(1));
    assert_eq!(all.total_completed, Some(SESSIONS_PER_ROOM as u64 - 1));
    assert_eq!(all.data.len(), SESSIONS_PER_ROOM);
    let newest = &all.data[0];
    assert_eq!(newest.status, SessionStatus::InProgress);
    assert_eq!(newest.recording_files[0].size, Some(SMALL_RECORDING_BYTES));
    assert_eq!(
        newest.video_room.as_ref().unwrap().name.as_deref(),
        Some(room.as_str())
    );
    assert!(newest.occupants.len() >= 2);
    for session in &all.data {
        let mut names: Vec<_> = session.occupants.iter().map(|o| &o.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(
            names.len(),
            session.occupants.len(),
            "no one twice: {names:?}"
        );
    }
    assert_eq!(
        all.data[1].recording_files[0].size,
        Some(LARGE_RECORDING_BYTES)
    );
    assert!(
        all.data.windows(2).all(|w| w[0].date > w[1].date),
        "newest first"
    );

    // Paging is passed through: page 2 of 5 is sessions 5..10.
    let uri = format!("/api/meet/rooms/{room}/sessions?page=2&per_page=5");
    let answer = call(&app.api, "GET", &uri, Some(&cookie), "").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers["cache-control"], "no-store");
    let page = SessionList::from_json(&answer.text).unwrap();
    assert_eq!(page.data, all.data[5..10]);
    assert_eq!(page.page_count(5), 3);
    // The default page is the first 20; out-of-range values are clamped.
    let uri = format!("/api/meet/rooms/{room}/sessions?page=0&per_page=1000");
    let clamped = call(&app.api, "GET", &uri, Some(&cookie), "").await;
    assert_eq!(SessionList::from_json(&clamped.text).unwrap(), all);
    // Exactly the seed's shape: `_id`, `recording_files`, ...
    assert!(answer.body["data"][0]["_id"].is_string(), "{}", answer.text);
    assert!(answer.body["data"][0]["recording_files"].is_array());

    let bad = format!("/api/meet/rooms/{room}/sessions?page=two");
    assert_error(
        &call(&app.api, "GET", &bad, Some(&cookie), "").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
}

#[tokio::test]
async fn only_the_rooms_moderator_may_see_its_history() {
    let app = app().await;
    let (room, cookie, all) = listed_room(&app.api, "Consulting").await;
    let guest = guest_cookie(&app.api).await;
    // A guest who joined the room (has a grant) is still not its moderator.
    assert_eq!(
        grant(&app.api, &room, Some(&guest), "").await.status,
        StatusCode::OK
    );
    let sessions = format!("/api/meet/rooms/{room}/sessions");
    let messages = format!("/api/meet/sessions/{}/messages", all.data[0].id);
    let file = format!("/api/meet/recordings/{}", all.data[0].recording_files[0].id);
    for uri in [&sessions, &messages, &file] {
        for cookie in [Some(guest.as_str()), None] {
            let answer = call(&app.api, "GET", uri, cookie, "").await;
            assert_error(&answer, StatusCode::FORBIDDEN, "forbidden");
            assert!(!answer.text.contains(&all.data[0].id), "{}", answer.text);
        }
    }
    // The moderator of another room neither.
    let (_, other_moderator, _) = listed_room(&app.api, "Other").await;
    for uri in [&sessions, &messages, &file] {
        let answer = call(&app.api, "GET", uri, Some(&other_moderator), "").await;
        assert_error(&answer, StatusCode::FORBIDDEN, "forbidden");
    }
    // Unknown things are 404s, whoever asks.
    for (uri, code) in [
        ("/api/meet/rooms/nope/sessions", "room_not_found"),
        ("/api/meet/sessions/nope/messages", "session_not_found"),
        ("/api/meet/recordings/nope", "recording_not_found"),
    ] {
        let answer = call(&app.api, "GET", uri, Some(&cookie), "").await;
        assert_error(&answer, StatusCode::NOT_FOUND, code);
    }
    assert_eq!(
        get(&app.api, &file, &cookie, &[]).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_moderator_reads_each_sessions_messages() {
    let app = app().await;
    let (_, cookie, all) = listed_room(&app.api, "Consulting").await;
    let uri = format!("/api/meet/sessions/{}/messages", all.data[0].id);
    let answer = call(&app.api, "GET", &uri, Some(&cookie), "").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    assert_eq!(answer.headers["cache-control"], "no-store");
    let messages = MessageList::from_json(&answer.text).unwrap();
    assert!(messages.data.len() >= 3);
    let occupants: Vec<_> = all.data[0]
        .occupants
        .iter()
        .map(|o| o.name.clone())
        .collect();
    for message in &messages.data {
        assert!(occupants.contains(&message.sender), "{message:?}");
        assert!(!message.text.is_empty() && message.created_at.is_some());
    }
    let uri = format!("/api/meet/sessions/{}/messages", all.data[2].id);
    let quiet = call(&app.api, "GET", &uri, Some(&cookie), "").await;
    assert_eq!(quiet.body, serde_json::json!({ "data": [] }));
}

#[tokio::test]
async fn a_recording_downloads_whole_with_its_length_name_and_bytes() {
    let app = app().await;
    let (_, cookie, all) = listed_room(&app.api, "Consulting").await;
    let file = &all.data[0].recording_files[0];
    let uri = format!("/api/meet/recordings/{}", file.id);
    let answer = get(&app.api, &uri, &cookie, &[]).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        header(&answer, header::CONTENT_LENGTH),
        SMALL_RECORDING_BYTES.to_string()
    );
    assert_eq!(header(&answer, header::ACCEPT_RANGES), "bytes");
    assert_eq!(
        header(&answer, header::CONTENT_TYPE),
        "application/octet-stream"
    );
    assert_eq!(header(&answer, header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert_eq!(
        header(&answer, header::CONTENT_DISPOSITION),
        "attachment; filename=\"Consulting #12 part 1.msf\"; filename*=UTF-8''Consulting%20#12%20part%201.msf"
    );
    assert!(header(&answer, header::ETAG).starts_with('"'));
    assert_eq!(answer.bytes.len() as u64, SMALL_RECORDING_BYTES);
    assert_eq!(
        answer.bytes,
        expected_bytes(&file.id, 0, SMALL_RECORDING_BYTES as usize)
    );

    let head = get_with(&app.api, "HEAD", &uri, &cookie, &[]).await;
    assert_eq!(head.status, StatusCode::OK);
    assert_eq!(
        header(&head, header::CONTENT_LENGTH),
        SMALL_RECORDING_BYTES.to_string()
    );
    assert!(head.bytes.is_empty());
}

#[tokio::test]
async fn ranges_serve_parts_and_refuse_what_is_not_in_the_file() {
    let app = app().await;
    let (_, cookie, all) = listed_room(&app.api, "Consulting").await;
    let file = &all.data[0].recording_files[0];
    let uri = format!("/api/meet/recordings/{}", file.id);
    let size = SMALL_RECORDING_BYTES;
    let whole = get(&app.api, &uri, &cookie, &[]).await;
    let etag = header(&whole, header::ETAG).to_owned();

    for (range, start, end) in [
        ("bytes=0-99", 0, 99),                           // the first bytes
        ("bytes=600001-601000", 600_001, 601_000),       // a middle range
        ("bytes=-7", size - 7, size - 1),                // the last bytes
        ("bytes=1234000-", 1_234_000, size - 1),         // resume to the end
        ("bytes=1234560-99999999", 1_234_560, size - 1), // clipped to the end
    ] {
        let answer = get(&app.api, &uri, &cookie, &[("range", range)]).await;
        assert_eq!(answer.status, StatusCode::PARTIAL_CONTENT, "{range}");
        assert_eq!(
            header(&answer, header::CONTENT_RANGE),
            format!("bytes {start}-{end}/{size}"),
            "{range}"
        );
        let len = (end - start + 1) as usize;
        assert_eq!(header(&answer, header::CONTENT_LENGTH), len.to_string());
        assert_eq!(
            answer.bytes,
            whole.bytes[start as usize..=end as usize],
            "{range}"
        );
        assert_eq!(answer.bytes, expected_bytes(&file.id, start, len));
        assert_eq!(header(&answer, header::ACCEPT_RANGES), "bytes");
    }

    for range in [
        "bytes=1234567-",
        "bytes=5000000-5000001",
        "bytes=9-2",
        "bytes=-0",
        "bytes=abc",
        "bytes",
    ] {
        let answer = get(&app.api, &uri, &cookie, &[("range", range)]).await;
        assert_eq!(answer.status, StatusCode::RANGE_NOT_SATISFIABLE, "{range}");
        assert_eq!(
            header(&answer, header::CONTENT_RANGE),
            format!("bytes */{size}")
        );
        let body: serde_json::Value = serde_json::from_slice(&answer.bytes).unwrap();
        assert_eq!(body["error"]["code"], "range_not_satisfiable");
    }

    // Several ranges or another unit: the whole file, as RFC 9110 allows.
    for range in ["bytes=0-1,5-6", "items=0-5"] {
        let answer = get(&app.api, &uri, &cookie, &[("range", range)]).await;
        assert_eq!(answer.status, StatusCode::OK, "{range}");
        assert_eq!(answer.bytes.len() as u64, size);
    }
    // If-Range: the range only while the file is the same.
    let same = get(
        &app.api,
        &uri,
        &cookie,
        &[("range", "bytes=10-19"), ("if-range", &etag)],
    )
    .await;
    assert_eq!(same.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(same.bytes.len(), 10);
    let changed = get(
        &app.api,
        &uri,
        &cookie,
        &[("range", "bytes=10-19"), ("if-range", "\"another\"")],
    )
    .await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_eq!(changed.bytes.len() as u64, size);
}

#[tokio::test]
async fn a_hostile_topic_cannot_break_the_download_header() {
    let app = app().await;
    let (_, cookie, all) = listed_room(&app.api, "../../etc/passwd \"Zoë\"; x=1 100%").await;
    let file = &all.data[0].recording_files[0];
    let answer = get(
        &app.api,
        &format!("/api/meet/recordings/{}", file.id),
        &cookie,
        &[("range", "bytes=0-0")],
    )
    .await;
    assert_eq!(answer.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(
        header(&answer, header::CONTENT_DISPOSITION),
        "attachment; filename=\"passwd Zo_; x=1 100_ #12 part 1.msf\"; \
         filename*=UTF-8''passwd%20Zo%C3%AB%3B%20x%3D1%20100%25%20#12%20part%201.msf"
    );
}

//! The meeting-history models, run natively and (with the same assertions) in the
//! browser.

use immail_meet_core::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// The seed article's session list, turned into valid JSON (quoted keys and strings).
const SEED: &str = include_str!("fixtures/seed-sessions.json");

fn at(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap_or_else(|| panic!("{text} parses"))
}

#[test]
fn reads_the_seed_sample_exactly() {
    let list = SessionList::from_json(SEED).unwrap();
    assert_eq!(list.total_completed, Some(1));
    assert_eq!(list.total_in_progress, Some(1));
    assert_eq!(list.total_row, Some(2));
    assert_eq!(list.data.len(), 1);
    let session = &list.data[0];
    assert_eq!(
        session.id, "6094e661deec78bbbf717dsab",
        "ids are opaque, not hex"
    );
    assert_eq!(session.date.unwrap().unix_millis(), 1_619_666_674_550);
    assert_eq!(session.status, SessionStatus::InProgress);
    assert_eq!(session.duration, Some(63));
    let names: Vec<_> = session
        .occupants
        .iter()
        .map(Occupant::display_name)
        .collect();
    assert_eq!(names, ["Curtis", "Blanca", "Buford"]);
    assert_eq!(
        session.occupants[2].profile_id.as_deref(),
        Some("608a2a5c79dea68d3a4da34c")
    );
    assert_eq!(
        session.video_room,
        Some(VideoRoom {
            id: Some("608b2eb8f793972a916714cb".into()),
            name: Some("75769f9a-1f49".into()),
            topic: Some("Some meeting".into()),
        })
    );
    assert_eq!(
        session.recording_files,
        [RecordingFile {
            id: "6094e661deec78bbbf71716b".into(),
            name: Some("6th.msf".into()),
            size: Some(132_602_068),
            created_at: Some(at("2021-05-07T07:04:02.744Z")),
        }]
    );
    assert_eq!(list.page_count(1), 2);
    assert_eq!(list.page_count(20), 1);
}

#[test]
fn serializes_back_to_the_seed_shape_and_reads_it_again() {
    let list = SessionList::from_json(SEED).unwrap();
    let written = serde_json::to_value(&list).unwrap();
    let seed: serde_json::Value = serde_json::from_str(SEED).unwrap();
    assert_eq!(written, seed, "the server emits exactly the seed's shape");
    let again = SessionList::from_json(written.to_string()).unwrap();
    assert_eq!(again, list);
    let through_serde: SessionList = serde_json::from_str(SEED).unwrap();
    assert_eq!(
        through_serde, list,
        "Deserialize takes the same tolerant path"
    );
}

#[test]
fn tolerates_drift_in_the_session_list() {
    let drifted = r#"{
        "total": "3",
        "surprise": {"nested": [1, 2, {"deep": true}]},
        "sessions": [
            {"id": 4711, "status": "completed", "date": 1619666674, "duration": 12.9},
            {"_id": "b", "status": "In Progress", "date": "2021-04-29 05:24:34+02:00",
             "occupants": ["Ada", {"name": null, "profile_id": 7}],
             "recordings": [{"id": "f/1 +x", "filename": "part 1.msf", "bytes": "1024",
                             "date": "2021-05-07"}],
             "video_room": null, "recording_files": null},
            {"_id": "c", "status": "ARCHIVED_BY_ADMIN", "occupants": null},
            {"_id": "d"}
        ]
    }"#;
    let list = SessionList::from_json(drifted).unwrap();
    assert_eq!(list.total_row, Some(3));
    assert_eq!(list.total_completed, None);
    assert_eq!(list.data.len(), 4);
    let [a, b, c, d] = &list.data[..] else {
        unreachable!()
    };
    assert_eq!(a.id, "4711", "a numeric id becomes text");
    assert_eq!(a.status, SessionStatus::Completed);
    assert_eq!(a.date, Some(Timestamp::from_unix_millis(1_619_666_674_000)));
    assert_eq!(a.duration, Some(12), "fractions of a second are dropped");
    assert!(a.occupants.is_empty() && a.recording_files.is_empty());
    assert_eq!(b.status, SessionStatus::InProgress);
    assert_eq!(b.date, Some(at("2021-04-29T03:24:34Z")));
    assert_eq!(b.occupants[0].display_name(), "Ada");
    assert_eq!(b.occupants[1].display_name(), "Participant");
    assert_eq!(b.occupants[1].profile_id.as_deref(), Some("7"));
    assert_eq!(b.video_room, None);
    assert_eq!(b.recording_files[0].id, "f/1 +x");
    assert_eq!(b.recording_files[0].size, Some(1024));
    assert_eq!(
        b.recording_files[0].created_at,
        Some(at("2021-05-07T00:00:00Z"))
    );
    assert_eq!(
        b.recording_files[0].download_path("/api/meet/"),
        "/api/meet/recordings/f%2F1%20%2Bx"
    );
    assert_eq!(c.status, SessionStatus::Other("ARCHIVED_BY_ADMIN".into()));
    assert_eq!(c.status.label(), "ARCHIVED_BY_ADMIN");
    assert_eq!(c.status.to_string(), "ARCHIVED_BY_ADMIN", "kept as sent");
    assert_eq!(d.status, SessionStatus::Other(String::new()));
    assert_eq!(d.status.label(), "Unknown");

    let bare = SessionList::from_json(r#"[{"_id": "x"}]"#).unwrap();
    assert_eq!(bare.data[0].id, "x");
    assert_eq!(bare.total_row, None);
    assert_eq!(bare.page_count(10), 1);
    let empty = SessionList::from_json("{}").unwrap();
    assert!(empty.data.is_empty());
}

#[test]
fn garbage_gets_a_clear_typed_error() {
    let error = |text: &str| SessionList::from_json(text).unwrap_err();
    assert_eq!(error("<html>Login</html>"), HistoryError::NotJson);
    assert_eq!(error(""), HistoryError::NotJson);
    assert_eq!(
        error("42"),
        HistoryError::WrongType {
            path: String::new(),
            expected: "an object or an array".into(),
            found: "number"
        }
    );
    assert_eq!(
        error("42").to_string(),
        "the answer is a JSON number, not an object or an array"
    );
    assert_eq!(
        error(r#"{"data": "sessions"}"#),
        HistoryError::WrongType {
            path: "data".into(),
            expected: "an array".into(),
            found: "string"
        }
    );
    assert_eq!(
        error(r#"{"sessions": [{"_id": "a"}, 7]}"#),
        HistoryError::WrongType {
            path: "sessions[1]".into(),
            expected: "an object".into(),
            found: "number"
        },
        "the path uses the member name the answer used"
    );
    let e = error(r#"{"data": [{"_id": "a", "recording_files": [{"name": "x"}]}]}"#);
    assert_eq!(
        e,
        HistoryError::MissingField("data[0].recording_files[0]._id".into())
    );
    assert_eq!(
        e.to_string(),
        "\"data[0].recording_files[0]._id\" is missing"
    );
    let e = error(r#"{"data": [{"_id": "a", "recording_files": [{"_id": "f", "size": -5}]}]}"#);
    assert_eq!(
        e.to_string(),
        "\"data[0].recording_files[0].size\" is a number, not a non-negative number"
    );
    assert_eq!(
        error(r#"{"data": [{"_id": "a", "date": "yesterday"}]}"#),
        HistoryError::BadValue {
            path: "data[0].date".into(),
            expected: "a date and time".into()
        }
    );
    assert_eq!(
        error(r#"{"data": [{"_id": "a", "started_at": 1e300}]}"#).to_string(),
        "\"data[0].started_at\" is not a date and time"
    );
    assert_eq!(
        error(r#"{"data": [{"_id": "a", "duration": "long"}]}"#).to_string(),
        "\"data[0].duration\" is a string, not a non-negative number"
    );
    assert_eq!(
        error(r#"{"data": [{"_id": true}]}"#).to_string(),
        "\"data[0]._id\" is a boolean, not text"
    );
    assert_eq!(
        error(r#"{"data": [{"_id": "a", "video_room": {"topic": []}}]}"#).to_string(),
        "\"data[0].video_room.topic\" is an array, not text"
    );
    // JSON is read as deep as serde_json reads it (128 levels), wherever it nests.
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert_eq!(error(&deep), HistoryError::TooDeep);
    assert_eq!(error(&deep).to_string(), "the answer is nested too deeply");
    assert_eq!(
        error(&format!(r#"{{"data": [], "x": {deep}}}"#)),
        HistoryError::TooDeep
    );
    assert_eq!(
        error(r#"[[[1]]]"#).to_string(),
        "\"[0]\" is an array, not an object"
    );
    // The typed error never holds a value, whatever the answer sent.
    let e = error(r#"{"data": [{"_id": "a", "duration": "secret, expected x"}]}"#);
    assert!(!format!("{e:?}").contains("secret"), "{e:?}");
    assert_eq!(
        e.to_string(),
        "\"data[0].duration\" is a string, not a non-negative number"
    );
}

#[test]
fn serde_deserialize_is_the_same_reader() {
    let samples = [
        SEED,
        "[]",
        r#"[{"_id": 1}]"#,
        r#"{"sessions": [{"id": "a", "recordings": [{"id": 2, "bytes": "10"}], "recording_files": null}]}"#,
        r#"{"data": [{"_id": "a", "duration": "long"}]}"#,
        r#"{"data": [{"status": "COMPLETED"}]}"#,
        r#"{"data": [["a", "2021-01-01"]]}"#,
        r#"{"data": 5}"#,
        "42",
        "<html>",
    ];
    for sample in samples {
        let read = SessionList::from_json(sample);
        let derived = serde_json::from_str::<SessionList>(sample);
        assert_eq!(read.as_ref().ok(), derived.as_ref().ok(), "{sample}");
        assert_eq!(read.is_ok(), derived.is_ok(), "{sample}");
    }
}

#[test]
fn messages_tolerate_the_usual_field_names() {
    let list = MessageList::from_json(
        r#"{"messages": [
            {"_id": "m1", "sender": "Curtis", "text": "Hello", "created_at": "2021-04-29T03:25:00Z"},
            {"id": 2, "from": "Blanca", "message": "<b>not bold</b>", "date": "2021-04-29T03:26:00.5Z"},
            {"author": {"display_name": "Buford"}, "body": "a & b", "timestamp": 1619666820000},
            {"name": "Dana", "content": "x", "time": 1619666880},
            {"user": {"name": "Eve", "id": 9}, "text": "from a user object"},
            {"sender": {"username": "frank"}},
            {"unknown": "fields only"}
        ], "next": null}"#,
    )
    .unwrap();
    let got: Vec<(Option<&str>, Option<&str>, &str)> = list
        .data
        .iter()
        .map(|m| (m.id.as_deref(), m.sender.as_deref(), m.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("m1"), Some("Curtis"), "Hello"),
            (Some("2"), Some("Blanca"), "<b>not bold</b>"),
            (None, Some("Buford"), "a & b"),
            (None, Some("Dana"), "x"),
            (None, Some("Eve"), "from a user object"),
            (None, Some("frank"), ""),
            (None, None, ""),
        ]
    );
    let times: Vec<Option<i64>> = list
        .data
        .iter()
        .map(|m| m.created_at.map(Timestamp::unix_millis))
        .collect();
    assert_eq!(
        times,
        [
            Some(1_619_666_700_000),
            Some(1_619_666_760_500),
            Some(1_619_666_820_000),
            Some(1_619_666_880_000),
            None,
            None,
            None
        ]
    );
    // The same through a bare array and `data`; written back as the canonical shape.
    let bare = MessageList::from_json(r#"[{"from": "A", "body": "b"}]"#).unwrap();
    assert_eq!(bare.data[0].sender.as_deref(), Some("A"));
    let written = serde_json::to_string(&list.data[0]).unwrap();
    assert_eq!(
        written,
        r#"{"_id":"m1","sender":"Curtis","text":"Hello","created_at":"2021-04-29T03:25:00.000Z"}"#
    );
    let canonical = serde_json::to_string(&list).unwrap();
    assert_eq!(MessageList::from_json(&canonical).unwrap(), list);
}

#[test]
fn message_garbage_gets_a_clear_typed_error() {
    let error = |text: &str| MessageList::from_json(text).unwrap_err().to_string();
    assert_eq!(error("nope"), "the answer is not JSON");
    assert_eq!(
        error("\"text\""),
        "the answer is a JSON string, not an object or an array"
    );
    assert_eq!(
        error(r#"{"data": {"a": 1}}"#),
        "\"data\" is an object, not an array"
    );
    assert_eq!(
        error(r#"{"data": [{"text": {"html": "<b>"}}]}"#),
        "\"data[0].text\" is an object, not text"
    );
    assert_eq!(
        error(r#"[{"text": "x", "time": "soon"}]"#),
        "\"[0].time\" is not a date and time"
    );
    assert_eq!(
        error(r#"[{"sender": {"name": ["x"]}}]"#),
        "\"[0].sender.name\" is an array, not text"
    );
}

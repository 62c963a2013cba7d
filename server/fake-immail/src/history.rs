//! The fake's meeting history: made up for each room it schedules, in the shape the
//! seed article shows for sessions, and in a guessed shape (other member names) for
//! messages, as a real API might drift. Recording files are random bytes, held here.

use serde_json::{json, Value};

use crate::state::FakeRoom;
use crate::tokens::random_hex;

/// A room's sessions (newest first), each session's chat, and the recordings' bytes.
pub(crate) struct RoomHistory {
    pub(crate) sessions: Vec<Value>,
    pub(crate) chats: Vec<(String, Value)>,
    pub(crate) files: Vec<(String, Vec<u8>)>,
}

/// Sizes of the recordings of the fake's three sessions (the third has none).
pub const RECORDING_SIZES: [&[usize]; 3] = [&[100_000], &[300_001, 70_001], &[]];

/// Makes up three sessions for `room`: one in progress, one completed, one with a status
/// this project has never seen (`ARCHIVED`).
pub(crate) fn generate(room: &FakeRoom) -> RoomHistory {
    let statuses = ["IN-PROGRESS", "COMPLETED", "ARCHIVED"];
    let mut history = RoomHistory {
        sessions: Vec::new(),
        chats: Vec::new(),
        files: Vec::new(),
    };
    for (k, status) in statuses.iter().enumerate() {
        let session_id = random_hex(24);
        let files: Vec<Value> = RECORDING_SIZES[k]
            .iter()
            .enumerate()
            .map(|(part, &size)| {
                let file_id = random_hex(24);
                let mut bytes = vec![0_u8; size];
                getrandom::fill(&mut bytes).expect("the OS random source works");
                history.files.push((file_id.clone(), bytes));
                json!({
                    "_id": file_id,
                    "name": format!("{} part {}.msf", room.topic, part + 1),
                    "size": size,
                    "created_at": format!("2026-11-{:02}T10:30:00.000Z", 20 - k),
                })
            })
            .collect();
        history.sessions.push(json!({
            "_id": session_id,
            "date": format!("2026-11-{:02}T10:00:00.000Z", 20 - k),
            "status": status,
            "duration": 1800 + 61 * k,
            "occupants": [
                { "profile_id": random_hex(24), "name": "Curtis" },
                { "profile_id": random_hex(24), "name": "Blanca" },
            ],
            "video_room": { "_id": room.id, "name": room.name, "topic": room.topic },
            "recording_files": files,
        }));
        let messages: Vec<Value> = (0..k + 1)
            .map(|i| {
                json!({
                    "id": random_hex(12),
                    "from": { "name": if i % 2 == 0 { "Curtis" } else { "Blanca" } },
                    "message": format!("message {} of session {}", i + 1, k + 1),
                    "timestamp": 1_763_632_800_000_u64 + 60_000 * i as u64,
                })
            })
            .collect();
        history
            .chats
            .push((session_id, json!({ "messages": messages })));
    }
    history
}

/// A `Range` header the fake honours: one `bytes=a-b`, `bytes=a-` or `bytes=-n` range,
/// as `(start, end)` inclusive within `length`. `Err(())` is unsatisfiable or
/// malformed (`416`).
pub(crate) fn range(header: &str, length: usize) -> Result<(usize, usize), ()> {
    let spec = header.strip_prefix("bytes=").ok_or(())?;
    let (first, last) = spec.split_once('-').ok_or(())?;
    let number = |s: &str| s.parse::<usize>().map_err(|_| ());
    let end = length.checked_sub(1).ok_or(())?;
    let (start, end) = match (first.is_empty(), last.is_empty()) {
        (true, false) => (length.saturating_sub(number(last)?), end),
        (false, true) => (number(first)?, end),
        (false, false) => (number(first)?, number(last)?.min(end)),
        (true, true) => return Err(()),
    };
    if start > end || (first.is_empty() && number(last)? == 0) {
        return Err(());
    }
    Ok((start, end))
}

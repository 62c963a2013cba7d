//! [`Session`]: one session of a video room, with its status, occupants and recordings.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

use super::drift::{first, first_count, first_text, Count, Text};
use super::{Occupant, RecordingFile, SessionStatus, Timestamp, VideoRoom};
use crate::read::typed::Object;

/// One session of a video room (a room can have many: each time people meet in it).
///
/// Read from the seed's shape: `{"_id", "date", "status", "duration", "occupants",
/// "video_room", "recording_files"}`. Only `_id` (or `id`, `session_id`) is required;
/// missing or `null` lists are empty, an unknown `status` is kept as
/// [`SessionStatus::Other`], unknown members are ignored. Other names read: `created_at`,
/// `started_at`, `start` for `date`; `state` for `status`; `participants` for
/// `occupants`; `room` for `video_room`; `recordings`, `files` for `recording_files`.
///
/// # Usage
/// ```
/// use immail_meet_core::{Session, SessionStatus};
/// let session: Session = serde_json::from_str(
///     r#"{"_id": "6094e661deec78bbbf717dsab", "status": "PAUSED", "duration": 63}"#,
/// ).unwrap();
/// assert_eq!(session.status, SessionStatus::Other("PAUSED".into()));
/// assert!(session.recording_files.is_empty());
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Session {
    /// The VIDEO ROOM SESSION ID (opaque): what the messages API takes.
    #[serde(rename = "_id")]
    pub id: String,
    /// When it started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Timestamp>,
    /// In progress, completed, or what the API said.
    pub status: SessionStatus,
    /// How long it lasted (or has lasted so far), in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<u64>,
    /// Who was there.
    pub occupants: Vec<Occupant>,
    /// The room it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub video_room: Option<VideoRoom>,
    /// Its recordings.
    pub recording_files: Vec<RecordingFile>,
}

/// Every name a session's members go by.
#[derive(Deserialize)]
struct Wire {
    #[serde(rename = "_id")]
    underscore_id: Option<Text>,
    id: Option<Text>,
    session_id: Option<Text>,
    date: Option<Timestamp>,
    created_at: Option<Timestamp>,
    started_at: Option<Timestamp>,
    start: Option<Timestamp>,
    status: Option<SessionStatus>,
    state: Option<SessionStatus>,
    duration: Option<Count>,
    occupants: Option<Vec<Occupant>>,
    participants: Option<Vec<Occupant>>,
    video_room: Option<VideoRoom>,
    room: Option<VideoRoom>,
    recording_files: Option<Vec<RecordingFile>>,
    recordings: Option<Vec<RecordingFile>>,
    files: Option<Vec<RecordingFile>>,
}

impl<'de> Deserialize<'de> for Session {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Object(wire) = Object::<Wire>::deserialize(deserializer)?;
        Ok(Self {
            id: first_text([wire.underscore_id, wire.id, wire.session_id])
                .ok_or_else(|| D::Error::missing_field("_id"))?,
            date: first([wire.date, wire.created_at, wire.started_at, wire.start]),
            status: first([wire.status, wire.state]).unwrap_or_default(),
            duration: first_count([wire.duration]),
            occupants: first([wire.occupants, wire.participants]).unwrap_or_default(),
            video_room: first([wire.video_room, wire.room]),
            recording_files: first([wire.recording_files, wire.recordings, wire.files])
                .unwrap_or_default(),
        })
    }
}

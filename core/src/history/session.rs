//! [`Session`]: one session of a video room, with its status, occupants and recordings.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::{Occupant, RecordingFile, SessionStatus, Timestamp, VideoRoom};
use crate::read::value::{
    count, deserialize, list, object, optional, required, text, time, At, Read,
};

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

impl Session {
    /// Reads a session from a parsed answer.
    pub(crate) fn read(value: &Value, at: &At) -> Read<Self> {
        let members = object(value, at, "an object")?;
        let status =
            |value: &Value, at: &At| text(value, at).map(|text| SessionStatus::parse(&text));
        Ok(Self {
            id: required(members, at, &["_id", "id", "session_id"], text)?,
            date: optional(
                members,
                at,
                &["date", "created_at", "started_at", "start"],
                time,
            )?,
            status: optional(members, at, &["status", "state"], status)?.unwrap_or_default(),
            duration: optional(members, at, &["duration"], count)?,
            occupants: optional(members, at, &["occupants", "participants"], |value, at| {
                list(value, at, Occupant::read)
            })?
            .unwrap_or_default(),
            video_room: optional(members, at, &["video_room", "room"], VideoRoom::read)?,
            recording_files: optional(
                members,
                at,
                &["recording_files", "recordings", "files"],
                |value, at| list(value, at, RecordingFile::read),
            )?
            .unwrap_or_default(),
        })
    }
}

impl<'de> Deserialize<'de> for Session {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer, Self::read)
    }
}

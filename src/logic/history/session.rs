//! [`Session`]: one session of a video room, with its status, occupants and recordings.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::HistoryError;
use super::fields;
use super::recording_file::RecordingFile;
use super::timestamp::Timestamp;
use crate::logic::json::Json;

/// One session of a video room (a room can have many: each time people meet in it).
///
/// Read from the seed's shape: `{"_id", "date", "status", "duration", "occupants",
/// "video_room", "recording_files"}`. Only `_id` (or `id`) is required; missing lists
/// are empty, an unknown `status` is kept as [`SessionStatus::Other`], unknown members
/// are ignored.
///
/// # Usage
/// ```
/// use immail_meet::{Session, SessionStatus};
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
    pub(crate) fn read(value: &Json) -> Result<Self, HistoryError> {
        let value = fields::object(value)?;
        let video_room = match fields::member(value, &["video_room", "room"]) {
            None => None,
            Some((key, room)) => Some(VideoRoom::read(room).map_err(|e| e.within(key, None))?),
        };
        Ok(Self {
            id: fields::id(value, &["_id", "id", "session_id"])?,
            date: fields::time(value, &["date", "created_at", "started_at", "start"])?,
            status: SessionStatus::parse(
                &fields::text(value, &["status", "state"])?.unwrap_or_default(),
            ),
            duration: fields::count(value, &["duration"])?,
            occupants: fields::each(value, &["occupants", "participants"], Occupant::read)?,
            video_room,
            recording_files: fields::each(
                value,
                &["recording_files", "recordings", "files"],
                RecordingFile::read,
            )?,
        })
    }
}

impl<'de> Deserialize<'de> for Session {
    /// The same tolerant reading as in the browser.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::deserialize_with(deserializer, Self::read)
    }
}

/// A session's status. The seed shows `IN-PROGRESS`; `COMPLETED` is expected; anything
/// else is kept as it was sent.
///
/// Reading ignores case and `-`, `_` or space between words (`in_progress`,
/// `In Progress`); writing gives `IN-PROGRESS`, `COMPLETED` or the original text.
///
/// # Usage
/// ```
/// use immail_meet::SessionStatus;
/// assert_eq!(SessionStatus::parse("in_progress"), SessionStatus::InProgress);
/// assert_eq!(SessionStatus::parse("ARCHIVED").to_string(), "ARCHIVED");
/// assert_eq!(SessionStatus::Completed.label(), "Completed");
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SessionStatus {
    /// Still running.
    InProgress,
    /// Ended.
    Completed,
    /// A value this crate does not know (empty when the API sent none).
    Other(String),
}

impl SessionStatus {
    /// Reads a status as an API sends it.
    pub fn parse(text: &str) -> Self {
        let text = text.trim();
        // Compares letters only, ignoring case and the separators between words.
        let is = |word: &str| {
            let mut letters = text.bytes().filter(|b| !matches!(b, b'-' | b'_' | b' '));
            word.bytes()
                .all(|w| letters.next().is_some_and(|b| b.eq_ignore_ascii_case(&w)))
                && letters.next().is_none()
        };
        if is("INPROGRESS") {
            Self::InProgress
        } else if is("COMPLETED") || is("COMPLETE") {
            Self::Completed
        } else {
            Self::Other(text.to_owned())
        }
    }

    /// A label for people: `In progress`, `Completed`, the original text, or `Unknown`.
    pub fn label(&self) -> &str {
        match self {
            Self::InProgress => "In progress",
            Self::Completed => "Completed",
            Self::Other(text) if text.is_empty() => "Unknown",
            Self::Other(text) => text,
        }
    }

    /// A CSS-friendly name: `in-progress`, `completed` or `other`.
    pub fn css_name(&self) -> &'static str {
        match self {
            Self::InProgress => "in-progress",
            Self::Completed => "completed",
            Self::Other(_) => "other",
        }
    }
}

impl fmt::Display for SessionStatus {
    /// The API's form: `IN-PROGRESS`, `COMPLETED`, or the original text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::InProgress => "IN-PROGRESS",
            Self::Completed => "COMPLETED",
            Self::Other(text) => text,
        })
    }
}

impl Serialize for SessionStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Someone who was in a session: `{"profile_id", "name"}` (a bare string is a name).
///
/// # Usage
/// ```
/// use immail_meet::Occupant;
/// let who = Occupant { profile_id: Some("608a2a5c".into()), name: Some("Curtis".into()) };
/// assert_eq!(who.display_name(), "Curtis");
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Occupant {
    /// imMail's profile id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
    /// The name shown in the meeting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Occupant {
    fn read(value: &Json) -> Result<Self, HistoryError> {
        if let Json::String(name) = value {
            return Ok(Self {
                profile_id: None,
                name: Some(name.clone()),
            });
        }
        let value = fields::object(value)?;
        Ok(Self {
            profile_id: fields::text(value, &["profile_id", "_id", "id"])?,
            name: fields::text(value, &["name", "display_name"])?,
        })
    }

    /// The name, else `Participant`.
    pub fn display_name(&self) -> &str {
        match &self.name {
            Some(name) if !name.trim().is_empty() => name,
            _ => "Participant",
        }
    }
}

/// The room a session belongs to: `{"_id", "name", "topic"}`.
///
/// # Usage
/// ```
/// use immail_meet::VideoRoom;
/// let room = VideoRoom { id: None, name: Some("75769f9a-1f49".into()), topic: None };
/// assert_eq!(room.name.as_deref(), Some("75769f9a-1f49"));
/// ```
///
/// # Server-Side Rendering
/// Pure data: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VideoRoom {
    /// The VIDEO ROOM ID.
    #[serde(rename = "_id", skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The meeting name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The topic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
}

impl VideoRoom {
    fn read(value: &Json) -> Result<Self, HistoryError> {
        let value = fields::object(value)?;
        Ok(Self {
            id: fields::text(value, &["_id", "id"])?,
            name: fields::text(value, &["name"])?,
            topic: fields::text(value, &["topic"])?,
        })
    }
}

//! The bodies and answers of `POST /api/meet/rooms` and `POST /api/meet/rooms/{room}/grant`.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::paths::grant_path;
use super::read_answer::{deserialize_answer, read_answer};
use crate::meeting_url::RoomName;
use crate::read::value::{object, optional, parsed, required, small_count, text, At, Read};
use crate::FetchError;

/// The body of `POST /api/meet/rooms`: schedules a room; the caller becomes its
/// moderator.
///
/// # Usage
/// ```
/// use immail_meet_core::CreateRoom;
/// let body = CreateRoom { topic: "Weekly review".into(), ..Default::default() };
/// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"topic":"Weekly review"}"#);
/// ```
///
/// # Server-Side Rendering
/// Pure data: works the same on the server and in the browser.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateRoom {
    /// What the meeting is about, 1 to [`MAX_TOPIC_CHARS`](crate::MAX_TOPIC_CHARS)
    /// characters.
    pub topic: String,
    /// Start, `YYYY-MM-DD HH:MM` (imMail's form), optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_at: Option<String>,
    /// Length in minutes (1 to 1440), optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
}

/// The answer of `POST /api/meet/rooms` (`201`): the room, never a token. The caller
/// who created it is its moderator.
///
/// `name` is checked as it is read (it is a [`RoomName`]), so a name that is not a room
/// name never reaches a URL.
///
/// # Usage
/// ```
/// use immail_meet_core::RoomCreated;
/// let room = RoomCreated::from_json(
///     r#"{"id": "608b2eb8", "name": "75769f9a-1f49", "topic": "Weekly review",
///         "meeting_url": "https://web.immail.ca/meet/75769f9a-1f49"}"#,
/// ).unwrap();
/// assert_eq!(room.name.as_str(), "75769f9a-1f49");
/// assert_eq!(room.grant_endpoint("/api/meet"), "/api/meet/rooms/75769f9a-1f49/grant");
/// let refused = RoomCreated::from_json(r#"{"id": "r1", "name": "../admin", "topic": "x", "meeting_url": ""}"#);
/// assert!(refused.unwrap_err().to_string().contains("its \"name\": the room name must be"));
/// ```
///
/// # Server-Side Rendering
/// Pure data: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RoomCreated {
    /// The VIDEO ROOM ID.
    pub id: String,
    /// The room name (what grant paths and meeting URLs use).
    pub name: RoomName,
    /// The topic.
    pub topic: String,
    /// The meeting URL (without a token).
    pub meeting_url: String,
    /// Start, if scheduled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_at: Option<String>,
    /// Length in minutes, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
}

impl RoomCreated {
    /// Reads the answer; one that is not JSON, lacks a member or has a `name` that is
    /// not a room name is a [`FetchError::Unreadable`] naming the member.
    pub fn from_json(json: impl AsRef<[u8]>) -> Result<Self, FetchError> {
        read_answer(json.as_ref(), Self::read)
    }

    /// Reads the answer from a parsed `Value`.
    fn read(value: &Value, at: &At) -> Read<Self> {
        let members = object(value, at, "an object")?;
        Ok(Self {
            id: required(members, at, &["id"], text)?,
            name: required(members, at, &["name"], |value, at| {
                parsed(value, at, RoomName::parse)
            })?,
            topic: required(members, at, &["topic"], text)?,
            meeting_url: required(members, at, &["meeting_url"], text)?,
            start_at: optional(members, at, &["start_at"], text)?,
            duration: optional(members, at, &["duration"], small_count)?,
        })
    }

    /// The room's grant endpoint under `api_base` (`<api_base>/rooms/<name>/grant`,
    /// [`grant_path`]): what `<MeetEmbed endpoint>` takes.
    pub fn grant_endpoint(&self, api_base: &str) -> String {
        grant_path(api_base, self.name.as_str())
    }
}

impl<'de> Deserialize<'de> for RoomCreated {
    /// Exactly what [`RoomCreated::from_json`] accepts.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_answer(deserializer, Self::read)
    }
}

/// The body of a grant request (`POST /api/meet/rooms/{room}/grant`). It never carries a
/// role: the server decides it, and ignores any other member (a `moderator` included).
///
/// # Usage
/// ```
/// use immail_meet_core::GrantRequest;
/// let body = GrantRequest { display_name: Some("Zoë".into()) };
/// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"display_name":"Zoë"}"#);
/// let forged: GrantRequest = serde_json::from_str(r#"{"moderator": true}"#).unwrap();
/// assert_eq!(forged, GrantRequest::default());
/// ```
///
/// # Server-Side Rendering
/// Pure data: works the same on the server and in the browser.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantRequest {
    /// The name shown in the meeting's token, at most
    /// [`MAX_DISPLAY_NAME_CHARS`](crate::MAX_DISPLAY_NAME_CHARS) characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
}

//! [`VideoRoom`]: the room a session belongs to.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::read::value::{deserialize, object, optional, text, At, Read};

/// The room a session belongs to: `{"_id", "name", "topic"}`.
///
/// # Usage
/// ```
/// use immail_meet_core::VideoRoom;
/// let room: VideoRoom = serde_json::from_str(r#"{"id": 42, "name": "75769f9a-1f49"}"#).unwrap();
/// assert_eq!(room.id.as_deref(), Some("42"));
/// assert_eq!(room.topic, None);
/// ```
///
/// # Server-Side Rendering
/// Pure data: works the same on the server and in the browser.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
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
    /// Reads a room from a parsed answer.
    pub(crate) fn read(value: &Value, at: &At) -> Read<Self> {
        let members = object(value, at, "an object")?;
        Ok(Self {
            id: optional(members, at, &["_id", "id"], text)?,
            name: optional(members, at, &["name"], text)?,
            topic: optional(members, at, &["topic"], text)?,
        })
    }
}

impl<'de> Deserialize<'de> for VideoRoom {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer, Self::read)
    }
}

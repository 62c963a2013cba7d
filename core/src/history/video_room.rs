//! [`VideoRoom`]: the room a session belongs to.

use serde::{Deserialize, Deserializer, Serialize};

use super::drift::{first_text, Text};
use crate::read::typed::Object;

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

/// Every name a room's members go by.
#[derive(Deserialize)]
struct Wire {
    #[serde(rename = "_id")]
    underscore_id: Option<Text>,
    id: Option<Text>,
    name: Option<Text>,
    topic: Option<Text>,
}

impl<'de> Deserialize<'de> for VideoRoom {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Object(wire) = Object::<Wire>::deserialize(deserializer)?;
        Ok(Self {
            id: first_text([wire.underscore_id, wire.id]),
            name: wire.name.map(|Text(name)| name),
            topic: wire.topic.map(|Text(topic)| topic),
        })
    }
}

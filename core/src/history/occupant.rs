//! [`Occupant`]: someone who was in a session.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::read::value::{deserialize, optional, text, At, Read};

/// Someone who was in a session: `{"profile_id", "name"}` (also `_id`/`id`,
/// `display_name`); a bare string is a name.
///
/// # Usage
/// ```
/// use immail_meet_core::Occupant;
/// let who: Vec<Occupant> = serde_json::from_str(
///     r#"[{"profile_id": "608a2a5c", "name": "Curtis"}, "Ada", {"profile_id": 7}]"#,
/// ).unwrap();
/// assert_eq!(who[0].display_name(), "Curtis");
/// assert_eq!(who[1].display_name(), "Ada");
/// assert_eq!((who[2].profile_id.as_deref(), who[2].display_name()), (Some("7"), "Participant"));
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Occupant {
    /// imMail's profile id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
    /// The name shown in the meeting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Occupant {
    /// The name, else `Participant`.
    pub fn display_name(&self) -> &str {
        match &self.name {
            Some(name) if !name.trim().is_empty() => name,
            _ => "Participant",
        }
    }
}

impl Occupant {
    /// Reads an occupant from a parsed answer: an object, or a bare name.
    pub(crate) fn read(value: &Value, at: &At) -> Read<Self> {
        match value {
            Value::String(name) => Ok(Self {
                profile_id: None,
                name: Some(name.clone()),
            }),
            Value::Object(members) => Ok(Self {
                profile_id: optional(members, at, &["profile_id", "_id", "id"], text)?,
                name: optional(members, at, &["name", "display_name"], text)?,
            }),
            _ => Err(at.wrong_type("an object or a name", value)),
        }
    }
}

impl<'de> Deserialize<'de> for Occupant {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer, Self::read)
    }
}

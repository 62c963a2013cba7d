//! [`Occupant`]: someone who was in a session.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::drift::{first_text, Text};

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

/// Every name an occupant's members go by.
#[derive(Deserialize)]
struct Wire {
    profile_id: Option<Text>,
    #[serde(rename = "_id")]
    underscore_id: Option<Text>,
    id: Option<Text>,
    name: Option<Text>,
    display_name: Option<Text>,
}

impl<'de> Deserialize<'de> for Occupant {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OccupantVisitor)
    }
}

struct OccupantVisitor;

impl<'de> Visitor<'de> for OccupantVisitor {
    type Value = Occupant;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object or a name")
    }

    fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Occupant, E> {
        Ok(Occupant {
            profile_id: None,
            name: Some(name.to_owned()),
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Occupant, A::Error> {
        let wire = Wire::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        Ok(Occupant {
            profile_id: first_text([wire.profile_id, wire.underscore_id, wire.id]),
            name: first_text([wire.name, wire.display_name]),
        })
    }
}

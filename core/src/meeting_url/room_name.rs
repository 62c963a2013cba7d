//! [`RoomName`]: the last part of a meeting URL.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::MeetingUrlError;
use crate::limits::MAX_ROOM_NAME_LEN;

/// A validated room name: 1 to [`MAX_ROOM_NAME_LEN`] characters of `A-Z a-z 0-9 - _`.
///
/// Serialized as its text, and deserialized through [`RoomName::parse`], so a JSON
/// answer naming a room (such as [`RoomCreated`](crate::RoomCreated)) is checked as it
/// is read.
///
/// # Usage
/// ```
/// use immail_meet_core::RoomName;
/// assert_eq!(RoomName::parse("75769f9a-1f49").unwrap().as_str(), "75769f9a-1f49");
/// assert!(RoomName::parse("../admin").is_err());
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RoomName(String);

impl RoomName {
    /// Checks `name` and wraps it.
    pub fn parse(name: &str) -> Result<Self, MeetingUrlError> {
        let ok = !name.is_empty()
            && name.len() <= MAX_ROOM_NAME_LEN
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok {
            Ok(Self(name.to_owned()))
        } else {
            Err(MeetingUrlError::InvalidRoomName)
        }
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RoomName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for RoomName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for RoomName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

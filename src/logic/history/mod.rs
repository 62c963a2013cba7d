//! Meeting history: a room's sessions (status, duration, occupants, recording files) and
//! a session's chat messages, as the history APIs send them.
//!
//! One tolerant reading path serves the browser and the server alike: the text is
//! parsed by the platform (`JSON.parse` in the browser, so no JSON parser lands in the
//! wasm bundle; `serde_json` natively) into a small tree that the models read. The
//! models' serde `Deserialize` goes through the same path, and their `Serialize` writes
//! the seed's shape, so the reference server emits exactly what the components read.
//!
//! | module | holds |
//! | --- | --- |
//! | [`session_list`] | [`SessionList`] (one page of a room's sessions), [`Paging`] |
//! | [`session`] | [`Session`], [`SessionStatus`], [`Occupant`], [`VideoRoom`] |
//! | [`recording_file`] | [`RecordingFile`] |
//! | [`message`] | [`Message`], [`MessageList`] |
//! | [`timestamp`] | [`Timestamp`]: ISO 8601 text or Unix time, as milliseconds |
//! | [`human`] | [`human_duration`], [`human_size`] |
//! | [`error`] | [`HistoryError`] |

pub mod error;
mod fields;
pub mod human;
pub mod message;
pub mod recording_file;
pub mod session;
pub mod session_list;
pub mod timestamp;

pub use error::HistoryError;
pub use human::{human_duration, human_size};
pub use message::{messages_path, Message, MessageList};
pub use recording_file::RecordingFile;
pub use session::{Occupant, Session, SessionStatus, VideoRoom};
pub use session_list::{sessions_path, Paging, SessionList, MAX_PER_PAGE};
pub use timestamp::Timestamp;

use serde::{Deserialize, Deserializer};

use super::json::Json;

/// `<api_base>/<segment>/<segment>...`, each segment percent-encoded (ids are opaque:
/// a `/`, `?` or `#` in one stays inside its segment).
pub(crate) fn api_path(api_base: &str, segments: &[&str]) -> String {
    let mut path = api_base.trim_end_matches('/').to_owned();
    for segment in segments {
        path.push('/');
        // form_urlencoded writes a space as `+`, which a path would keep as a plus; it
        // encodes a real `+` as `%2B`, so every `+` in its output is a space.
        for piece in form_urlencoded::byte_serialize(segment.as_bytes()) {
            path.push_str(&piece.replace('+', "%20"));
        }
    }
    path
}

/// Deserializes through the parsed-JSON tree and the tolerant reader `read`.
fn deserialize_with<'de, D, T>(
    deserializer: D,
    read: fn(&Json) -> Result<T, HistoryError>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let tree = Json::deserialize(deserializer)?;
    read(&tree).map_err(serde::de::Error::custom)
}

//! Meeting history: a room's sessions (status, duration, occupants, recording files) and
//! a session's chat messages, as the history APIs send them.
//!
//! The models are read from `serde_json`'s `Value`, tolerantly where a real API drifts:
//! members under other names, ids as numbers, counts as numeric strings, times as ISO
//! text or Unix seconds or milliseconds, `null` lists, unknown statuses, a bare list.
//! Each model has one reader (its `read`), which its serde `Deserialize` and the list
//! types' `from_json` share; `from_json` gives a typed [`HistoryError`] naming the
//! place. Their `Serialize` writes the seed's shape, so the reference server emits
//! exactly what the components read.
//!
//! | file | holds |
//! | --- | --- |
//! | `session_list.rs` | [`SessionList`] (one page of a room's sessions), [`Paging`] |
//! | `session.rs` | [`Session`] |
//! | `session_status.rs`, `occupant.rs`, `video_room.rs` | [`SessionStatus`], [`Occupant`], [`VideoRoom`] |
//! | `recording_file.rs` | [`RecordingFile`] |
//! | `message.rs` | [`Message`], [`MessageList`] |
//! | `timestamp.rs` | [`Timestamp`]: ISO 8601 text or Unix time, as milliseconds |
//! | `human.rs` | [`human_duration`], [`human_size`] |
//! | `error.rs` | [`HistoryError`] |

mod error;
mod human;
mod message;
mod occupant;
mod recording_file;
mod session;
mod session_list;
mod session_status;
mod timestamp;
mod video_room;

pub use error::HistoryError;
pub use human::{human_duration, human_size};
pub use message::{Message, MessageList};
pub use occupant::Occupant;
pub use recording_file::RecordingFile;
pub use session::Session;
pub use session_list::{Paging, SessionList};
pub use session_status::SessionStatus;
pub use timestamp::Timestamp;
pub use video_room::VideoRoom;

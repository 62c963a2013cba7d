//! The models the API shares with the browser — the grant contract, the history models,
//! paging, the meeting URL checks — and the API's own small JSON types.
//!
//! Every use of the core crate (immail-meet-core) is here: the rest of the server reads these names
//! from `crate::models`.

use serde::{Deserialize, Serialize};

pub use immail_meet_core::GRANT_CONTRACT_VERSION;
pub use immail_meet_core::{
    CreateRoom, GrantRequest, GrantResponse, Jwt, MeetingHost, Message, MessageList, Occupant,
    Paging, RecordingFile, RoomName, Session, SessionList, SessionStatus, Timestamp, VideoRoom,
};

/// The answer of `GET /config`: what the browser needs to know about this backend.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicConfig {
    /// `sandbox` or `immail`.
    pub mode: String,
    /// Where meetings live: the app adds this to its allowed hosts.
    pub meeting_base: String,
    /// The grant contract version served.
    pub grant_contract: u32,
}

/// The answer of `POST /rooms`: never a JWT.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomCreated {
    /// The VIDEO ROOM ID.
    pub id: String,
    /// The room name (what grant URLs use).
    pub name: String,
    /// The topic.
    pub topic: String,
    /// The meeting URL.
    pub meeting_url: String,
    /// Start, if scheduled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_at: Option<String>,
    /// Length in minutes, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
}

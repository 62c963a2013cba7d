//! The pure core: everything between a grant and an iframe `src` that needs no DOM.
//!
//! Each module holds one concept and is tested natively (and again in the browser):
//!
//! | module | holds |
//! | --- | --- |
//! | [`meeting_url`] | which meeting URLs may reach an iframe ([`AllowedHosts`], [`MeetingUrl`]) |
//! | [`jwt`] | the participant token as a secret, its shape and its unverified claims |
//! | [`options`] | the options imMail documents, with imMail's defaults |
//! | [`query`] | the iframe `src`: meeting URL + percent-encoded query |
//! | [`grant`] | the grant contract: the backend's answer and its validation |
//! | [`error`] | [`MeetError`], the one error a `<MeetEmbed>` can show |
//! | [`public_config`] | the reference server's `GET /api/meet/config` answer |
//! | [`room_created`] | the reference server's `POST /api/meet/rooms` answer |
//! | [`history`] | a room's sessions and recordings, a session's messages |

pub mod error;
pub mod grant;
pub mod history;
pub(crate) mod json;
pub mod jwt;
pub mod meeting_url;
pub mod options;
pub mod public_config;
pub mod query;
pub mod room_created;

pub use error::{GrantFetchError, MeetError};
pub use grant::{Grant, GrantError, GrantResponse, GrantRules};
pub use history::{
    human_duration, human_size, messages_path, sessions_path, HistoryError, Message, MessageList,
    Occupant, Paging, RecordingFile, Session, SessionList, SessionStatus, Timestamp, VideoRoom,
};
pub use jwt::{Jwt, JwtClaims, JwtError};
pub use meeting_url::{AllowedHosts, MeetingHost, MeetingUrl, MeetingUrlError, RoomName};
pub use options::{MeetOptions, OptionsError};
pub use public_config::PublicConfig;
pub use query::MeetingSrc;
pub use room_created::RoomCreated;

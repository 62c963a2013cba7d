//! The reference server's JSON API, as types both sides share: the server writes them,
//! the browser reads them (and the other way round for request bodies), from one
//! definition. Also the API's paths.
//!
//! | route | body | answer |
//! | --- | --- | --- |
//! | `GET /api/meet/config` | | [`PublicConfig`] |
//! | `POST /api/meet/rooms` | [`CreateRoom`] | `201` [`RoomCreated`] |
//! | `POST /api/meet/rooms/{room}/grant` | [`GrantRequest`] | [`GrantResponse`](crate::GrantResponse) |
//! | `GET /api/meet/rooms/{room}/sessions` | | [`SessionList`](crate::SessionList) |
//! | `GET /api/meet/sessions/{session}/messages` | | [`MessageList`](crate::MessageList) |
//! | `GET /api/meet/recordings/{file}` | | the file |
//! | any error | | [`ErrorBody`] with its status |

mod config;
mod error_body;
mod paths;
mod read_answer;
mod rooms;

pub use config::{PublicConfig, ServiceMode};
pub use error_body::{ErrorBody, ErrorDetail};
pub use paths::{
    config_path, grant_path, messages_path, recording_path, room_sessions_path, rooms_path,
    sessions_path, DEFAULT_API_BASE,
};
pub use rooms::{CreateRoom, GrantRequest, RoomCreated};

//! [`Endpoint`]: the imMail calls the fake answers.

use std::fmt;

/// One of the imMail API calls the reference server makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Endpoint {
    /// `POST /auth/token`: API key + email domain -> service token.
    AuthToken,
    /// `POST /v2/videoconference/schedule`: creates a meeting room.
    Schedule,
    /// `POST /v2/videoconference/token`: a participant JWT for a room.
    Token,
    /// `GET` a room's sessions (the server's default history path; not public).
    Sessions,
    /// `GET` a session's chat messages (default path; not public).
    Messages,
    /// `GET` a recording file's bytes (default path; not public).
    Recording,
}

impl Endpoint {
    /// Every endpoint, in a fixed order.
    pub const ALL: [Endpoint; 6] = [
        Self::AuthToken,
        Self::Schedule,
        Self::Token,
        Self::Sessions,
        Self::Messages,
        Self::Recording,
    ];

    /// The request path (an axum route: `{...}` is a path parameter).
    pub fn path(self) -> &'static str {
        match self {
            Self::AuthToken => "/auth/token",
            Self::Schedule => "/v2/videoconference/schedule",
            Self::Token => "/v2/videoconference/token",
            Self::Sessions => "/v2/videoconference/room/{room_id}/sessions",
            Self::Messages => "/v2/videoconference/session/{session_id}/messages",
            Self::Recording => "/v2/videoconference/recording/{file_id}/download",
        }
    }

    /// `GET` or `POST`.
    pub fn method(self) -> &'static str {
        match self {
            Self::AuthToken | Self::Schedule | Self::Token => "POST",
            Self::Sessions | Self::Messages | Self::Recording => "GET",
        }
    }

    /// A short name, used as the key in `GET /_fake/stats`.
    pub fn key(self) -> &'static str {
        match self {
            Self::AuthToken => "auth_token",
            Self::Schedule => "schedule",
            Self::Token => "token",
            Self::Sessions => "sessions",
            Self::Messages => "messages",
            Self::Recording => "recording",
        }
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method(), self.path())
    }
}

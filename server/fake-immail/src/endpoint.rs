//! [`Endpoint`]: the imMail calls the fake answers.

use std::fmt;

/// One of the three imMail API calls the reference server makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Endpoint {
    /// `POST /auth/token`: API key + email domain -> service token.
    AuthToken,
    /// `POST /v2/videoconference/schedule`: creates a meeting room.
    Schedule,
    /// `POST /v2/videoconference/token`: a participant JWT for a room.
    Token,
}

impl Endpoint {
    /// Every endpoint, in a fixed order.
    pub const ALL: [Endpoint; 3] = [Self::AuthToken, Self::Schedule, Self::Token];

    /// The request path.
    pub fn path(self) -> &'static str {
        match self {
            Self::AuthToken => "/auth/token",
            Self::Schedule => "/v2/videoconference/schedule",
            Self::Token => "/v2/videoconference/token",
        }
    }

    /// A short name, used as the key in `GET /_fake/stats`.
    pub fn key(self) -> &'static str {
        match self {
            Self::AuthToken => "auth_token",
            Self::Schedule => "schedule",
            Self::Token => "token",
        }
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "POST {}", self.path())
    }
}

//! The imMail side, behind one trait: [`Upstream`]. The sandbox is one implementation;
//! the real imMail API is another.

pub mod immail;
pub mod sandbox;

use async_trait::async_trait;
use immail_meet::Jwt;

/// A room to create (schedule).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRoom {
    /// What the meeting is about.
    pub topic: String,
    /// Start, in imMail's `YYYY-MM-DD HH:MM` form.
    pub start_at: Option<String>,
    /// Length in minutes.
    pub duration_minutes: Option<u32>,
}

/// A room as the upstream knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpstreamRoom {
    /// The VIDEO ROOM ID (`_id`).
    pub id: String,
    /// The meeting name: the last segment of the meeting URL.
    pub name: String,
    /// The topic.
    pub topic: String,
}

/// A participant JWT and when it expires (seconds since the Unix epoch, if known).
#[derive(Clone, Debug)]
pub struct IssuedToken {
    /// The token (redacted in logs).
    pub jwt: Jwt,
    /// Its expiry.
    pub expires_at: Option<i64>,
}

/// Why the upstream failed. `Failed` carries a description for the server log only;
/// it never holds a key, a token or an upstream body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpstreamError {
    /// Cannot connect.
    Unavailable,
    /// No answer in time.
    Timeout,
    /// An error answer or an unreadable one.
    Failed(String),
}

/// What the customer backend needs from imMail.
#[async_trait]
pub trait Upstream: Send + Sync + 'static {
    /// `sandbox` or `immail`.
    fn mode(&self) -> &'static str;

    /// The meeting URL base; a room's URL is this plus its name.
    fn meeting_base(&self) -> &str;

    /// Creates (schedules) a room.
    async fn create_room(&self, room: &NewRoom) -> Result<UpstreamRoom, UpstreamError>;

    /// A participant JWT for `room`, with the role the server decided.
    async fn participant_token(
        &self,
        room: &UpstreamRoom,
        display_name: &str,
        moderator: bool,
        ttl_secs: u64,
    ) -> Result<IssuedToken, UpstreamError>;
}

//! The imMail side, behind one trait: [`Upstream`]. The sandbox is one implementation;
//! the real imMail API is another.

pub mod immail;
pub mod sandbox;

use crate::models::{Jwt, MessageList, Paging, SessionList};
use async_trait::async_trait;
use axum::body::Bytes;
use futures::stream::BoxStream;

use crate::range::{ByteRange, RangeRequest};

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
    /// The upstream does not know this session or file.
    NotFound,
    /// The asked byte range lies outside the file, which has this many bytes.
    RangeNotSatisfiable(u64),
}

/// A recording download as asked for: which file, which bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordingRequest<'a> {
    /// The room whose session list held the file.
    pub room: &'a UpstreamRoom,
    /// The file id (`_id` of a recording file).
    pub file_id: &'a str,
    /// The `Range` header, read.
    pub range: RangeRequest,
    /// The `If-Range` header: serve the range only if the file still has this ETag
    /// (else the whole file).
    pub if_range: Option<&'a str>,
}

/// A recording's bytes as a stream, never held whole in memory.
pub type ByteStream = BoxStream<'static, Result<Bytes, std::io::Error>>;

/// A recording download: the whole file or one range of it, streamed.
pub struct RecordingStream {
    /// The file's full length in bytes.
    pub length: u64,
    /// The part the body holds (`206`), or `None` for the whole file (`200`).
    pub range: Option<ByteRange>,
    /// Its media type, if the upstream says.
    pub content_type: Option<String>,
    /// A strong validator (`"..."`), if the upstream gives one: lets a download resume
    /// with `If-Range`.
    pub etag: Option<String>,
    /// The bytes: exactly `range.len()` (or `length`) of them.
    pub body: ByteStream,
}

impl std::fmt::Debug for RecordingStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordingStream")
            .field("length", &self.length)
            .field("range", &self.range)
            .field("etag", &self.etag)
            .finish_non_exhaustive()
    }
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

    /// One page of a room's sessions (the seed's session list), paging passed through.
    async fn list_sessions(
        &self,
        room: &UpstreamRoom,
        paging: Paging,
    ) -> Result<SessionList, UpstreamError>;

    /// The chat messages of one session of `room`.
    async fn session_messages(
        &self,
        room: &UpstreamRoom,
        session_id: &str,
    ) -> Result<MessageList, UpstreamError>;

    /// A recording file (or one range of it) as a byte stream. A range outside the
    /// file is [`UpstreamError::RangeNotSatisfiable`].
    async fn recording(
        &self,
        request: &RecordingRequest<'_>,
    ) -> Result<RecordingStream, UpstreamError>;
}

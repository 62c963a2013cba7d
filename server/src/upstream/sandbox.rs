//! The sandbox upstream: plays imMail locally. Participant JWTs are signed HS256 with
//! a key from the store. Each room comes with a made-up history ([`history`]), made
//! from its id when asked for: sessions, chat messages, and recording files whose bytes
//! are made on the fly ([`recording`]).

pub mod history;
pub mod recording;

use async_trait::async_trait;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use super::{
    IssuedToken, NewRoom, RecordingRequest, RecordingStream, Upstream, UpstreamError, UpstreamRoom,
};
use crate::clock::now_secs;
use crate::models::{Jwt, MessageList, Paging, SessionList, SessionStatus};
use crate::range::{RangeRequest, RangeSpec};

/// The name of the sandbox's token key in the store.
pub const KEY_NAME: &str = "sandbox-tokens";

/// The claims of a sandbox participant JWT.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SandboxClaims {
    /// The room name.
    pub room: String,
    /// `moderator` or `guest`.
    pub role: String,
    /// Same as `role == "moderator"`.
    pub moderator: bool,
    /// The participant's display name.
    pub name: String,
    /// Expiry, seconds since the Unix epoch.
    pub exp: i64,
    /// Issued at.
    pub iat: i64,
    /// Always `immail-meet-sandbox`.
    pub iss: String,
}

/// The sandbox: HS256 tokens, and rooms that hold nothing in memory.
///
/// A room's id is made like imMail's (24 hex digits, the first 8 its creation time), and
/// its history is made from the id whenever it is asked for, so the sandbox keeps no
/// state per room: every instance on a store serves every room, and memory does not
/// grow with rooms. With the key from the store ([`KEY_NAME`]), every instance and
/// every restart sign and verify the same tokens.
pub struct Sandbox {
    base: String,
    key: [u8; 32],
}

impl Sandbox {
    /// A sandbox whose meetings live under `base` (e.g.
    /// `http://127.0.0.1:8788/sandbox/meet/`), signing with `key`.
    pub fn new(base: String, key: [u8; 32]) -> Self {
        Self { base, key }
    }

    /// The strong ETag of a sandbox recording.
    fn etag(seed: u32, length: u64) -> String {
        format!("\"sandbox-{seed}-{length}\"")
    }

    /// Checks a token's signature, expiry and room; gives its claims.
    pub fn verify(&self, token: &str, room: &str) -> Result<SandboxClaims, String> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&["immail-meet-sandbox"]);
        validation.leeway = 0;
        let data = jsonwebtoken::decode::<SandboxClaims>(
            token,
            &DecodingKey::from_secret(&self.key),
            &validation,
        )
        .map_err(|e| format!("invalid token: {e}"))?;
        if data.claims.room != room {
            return Err("the token is for another room".into());
        }
        Ok(data.claims)
    }

    /// The made-up history of a room, as of its creation (read from its id).
    fn history(room: &UpstreamRoom) -> history::RoomHistory {
        let created_secs = room
            .id
            .get(..8)
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .unwrap_or(0);
        history::generate(room, i64::from(created_secs) * 1000)
    }
}

#[async_trait]
impl Upstream for Sandbox {
    fn mode(&self) -> &'static str {
        "sandbox"
    }

    fn meeting_base(&self) -> &str {
        &self.base
    }

    async fn create_room(&self, room: &NewRoom) -> Result<UpstreamRoom, UpstreamError> {
        let created = now_secs() as u32;
        Ok(UpstreamRoom {
            id: format!("{created:08x}{}", hex::encode(crate::random::bytes::<8>())),
            name: crate::random::token(16),
            topic: room.topic.clone(),
        })
    }
    async fn participant_token(
        &self,
        room: &UpstreamRoom,
        display_name: &str,
        moderator: bool,
        ttl_secs: u64,
    ) -> Result<IssuedToken, UpstreamError> {
        let now = now_secs();
        let exp = now + i64::try_from(ttl_secs).unwrap_or(i64::MAX / 2);
        let claims = SandboxClaims {
            room: room.name.clone(),
            role: if moderator { "moderator" } else { "guest" }.into(),
            moderator,
            name: display_name.into(),
            exp,
            iat: now,
            iss: "immail-meet-sandbox".into(),
        };
        let token = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(&self.key),
        )
        .map_err(|e| UpstreamError::Failed(format!("signing failed: {e}")))?;
        Ok(IssuedToken {
            jwt: Jwt::new(token),
            expires_at: Some(exp),
        })
    }

    async fn list_sessions(
        &self,
        room: &UpstreamRoom,
        paging: Paging,
    ) -> Result<SessionList, UpstreamError> {
        let sessions = Self::history(room).sessions;
        let count =
            |status: SessionStatus| sessions.iter().filter(|s| s.status == status).count() as u64;
        let skip = (paging.page as usize - 1).saturating_mul(paging.per_page as usize);
        Ok(SessionList {
            total_completed: Some(count(SessionStatus::Completed)),
            total_in_progress: Some(count(SessionStatus::InProgress)),
            total_row: Some(sessions.len() as u64),
            data: sessions
                .iter()
                .skip(skip)
                .take(paging.per_page as usize)
                .cloned()
                .collect(),
        })
    }

    async fn session_messages(
        &self,
        room: &UpstreamRoom,
        session_id: &str,
    ) -> Result<MessageList, UpstreamError> {
        let (_, messages) = Self::history(room)
            .chats
            .into_iter()
            .find(|(id, _)| id == session_id)
            .ok_or(UpstreamError::NotFound)?;
        Ok(MessageList { data: messages })
    }

    /// Made on the fly: the whole file or one range, never held in memory.
    async fn recording(
        &self,
        request: &RecordingRequest<'_>,
    ) -> Result<RecordingStream, UpstreamError> {
        let length = Self::history(request.room)
            .sessions
            .iter()
            .flat_map(|s| &s.recording_files)
            .find(|file| file.id == request.file_id)
            .ok_or(UpstreamError::NotFound)?
            .size
            .unwrap_or_default();
        let seed = recording::seed_of(request.file_id);
        let etag = Self::etag(seed, length);
        // A changed file (another ETag) is sent whole, as RFC 9110 asks of If-Range.
        let range = match request.range {
            RangeRequest::One(_) | RangeRequest::Invalid
                if request.if_range.is_some_and(|tag| tag != etag) =>
            {
                RangeRequest::Whole
            }
            other => other,
        };
        let part = range
            .resolve(length)
            .map_err(UpstreamError::RangeNotSatisfiable)?;
        // What is sent: the part, else the whole file (nothing at all if it is empty).
        let body = match part.or_else(|| RangeSpec::From(0).resolve(length)) {
            Some(bytes) => recording::stream_range(seed, bytes),
            None => Box::pin(futures::stream::empty()) as super::ByteStream,
        };
        Ok(RecordingStream {
            length,
            range: part,
            content_type: Some("application/octet-stream".into()),
            etag: Some(etag),
            body,
        })
    }
}

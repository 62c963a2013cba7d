//! The sandbox upstream: plays imMail locally. Rooms live in memory and participant
//! JWTs are signed HS256 with a random key made at start-up. Each room comes with a
//! made-up history ([`history`]): sessions, chat messages, and recording files whose
//! bytes are made on the fly ([`recording`]).

pub mod history;
pub mod recording;

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use immail_meet_core::Jwt;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use immail_meet_core::{Message, MessageList, Paging, Session, SessionList, SessionStatus};

use super::{
    IssuedToken, NewRoom, RecordingRequest, RecordingStream, Upstream, UpstreamError, UpstreamRoom,
};
use crate::range::{RangeRequest, RangeSpec};

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

/// The sandbox: in-memory rooms, HS256 tokens with a per-process key.
pub struct Sandbox {
    base: String,
    key: [u8; 32],
    rooms: Mutex<HashMap<String, UpstreamRoom>>,
    history: Mutex<Histories>,
}

/// Every room's made-up history.
#[derive(Default)]
struct Histories {
    /// Sessions by room id, newest first.
    sessions: HashMap<String, Vec<Session>>,
    /// Chat messages by session id.
    chats: HashMap<String, Vec<Message>>,
    /// Recording sizes by file id.
    files: HashMap<String, u64>,
}

impl Sandbox {
    /// A sandbox whose meetings live under `base` (e.g.
    /// `http://127.0.0.1:8788/sandbox/meet/`).
    pub fn new(base: String) -> Self {
        let mut key = [0_u8; 32];
        getrandom::fill(&mut key).expect("the OS random source works");
        Self {
            base,
            key,
            rooms: Mutex::new(HashMap::new()),
            history: Mutex::default(),
        }
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

    /// Whether the sandbox created this room.
    pub fn has_room(&self, name: &str) -> bool {
        self.rooms.lock().expect("rooms lock").contains_key(name)
    }
}

/// Seconds since the Unix epoch.
pub fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// `n` random characters of `a-z0-9`.
pub fn random_token(n: usize) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut bytes = vec![0_u8; n];
    getrandom::fill(&mut bytes).expect("the OS random source works");
    bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect()
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
        let mut id = [0_u8; 12];
        getrandom::fill(&mut id).expect("the OS random source works");
        let created = UpstreamRoom {
            id: id.iter().map(|b| format!("{b:02x}")).collect(),
            name: random_token(16),
            topic: room.topic.clone(),
        };
        self.rooms
            .lock()
            .expect("rooms lock")
            .insert(created.name.clone(), created.clone());
        let made_up = history::generate(&created, now_secs() * 1000);
        let mut histories = self.history.lock().expect("history lock");
        for file in made_up.sessions.iter().flat_map(|s| &s.recording_files) {
            histories
                .files
                .insert(file.id.clone(), file.size.unwrap_or_default());
        }
        histories.chats.extend(made_up.chats);
        histories
            .sessions
            .insert(created.id.clone(), made_up.sessions);
        Ok(created)
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
        let histories = self.history.lock().expect("history lock");
        let sessions = histories
            .sessions
            .get(&room.id)
            .ok_or(UpstreamError::NotFound)?;
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

    async fn session_messages(&self, session_id: &str) -> Result<MessageList, UpstreamError> {
        let histories = self.history.lock().expect("history lock");
        let messages = histories
            .chats
            .get(session_id)
            .ok_or(UpstreamError::NotFound)?;
        Ok(MessageList {
            data: messages.clone(),
        })
    }

    /// Made on the fly: the whole file or one range, never held in memory.
    async fn recording(
        &self,
        request: &RecordingRequest<'_>,
    ) -> Result<RecordingStream, UpstreamError> {
        let length = *self
            .history
            .lock()
            .expect("history lock")
            .files
            .get(request.file_id)
            .ok_or(UpstreamError::NotFound)?;
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

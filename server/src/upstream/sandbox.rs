//! The sandbox upstream: plays imMail locally. Rooms live in memory and participant
//! JWTs are signed HS256 with a random key made at start-up.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use immail_meet::Jwt;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use super::{IssuedToken, NewRoom, Upstream, UpstreamError, UpstreamRoom};

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
        }
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
}

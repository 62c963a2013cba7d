//! Minting the fake's tokens: service tokens (JWT or opaque) and participant JWTs.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::json;

/// Signs the fake's JWTs with a random per-process key.
pub(crate) struct Minter {
    key: EncodingKey,
}

impl Minter {
    pub(crate) fn new() -> Self {
        let mut secret = [0_u8; 32];
        getrandom::fill(&mut secret).expect("the OS random source works");
        Self {
            key: EncodingKey::from_secret(&secret),
        }
    }

    /// A signed JWT with these claims plus `iat`, a random `jti` and `exp` = now + `ttl`.
    /// Gives the token and its `exp`.
    pub(crate) fn jwt(&self, mut claims: serde_json::Value, ttl: Duration) -> (String, i64) {
        let now = now_secs();
        let exp = now + i64::try_from(ttl.as_secs()).unwrap_or(i64::MAX / 2);
        claims["iat"] = json!(now);
        claims["exp"] = json!(exp);
        claims["jti"] = json!(random_hex(16));
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.key)
            .expect("HS256 signing of a JSON object works");
        (token, exp)
    }
}

/// Seconds since the Unix epoch.
pub(crate) fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// `n` random lower-case hex digits: room ids (an imMail `_id` has 24), room names, token
/// ids.
pub(crate) fn random_hex(n: usize) -> String {
    let mut bytes = vec![0_u8; n.div_ceil(2)];
    getrandom::fill(&mut bytes).expect("the OS random source works");
    let mut hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    hex.truncate(n);
    hex
}

//! The participant token: a secret, checked for shape and peeked at, never verified.
//!
//! Only imMail can verify the token's signature. This crate checks that it looks like a
//! JWT (three base64url parts whose first two decode to JSON objects) and reads two
//! claims without trusting them: `exp`, so an already-expired grant is fetched again
//! instead of loaded, and a moderator claim, for display only.

mod claims;
mod error;

use std::fmt;

use base64::Engine as _;
use serde_json::Value;

pub use claims::JwtClaims;
pub use error::JwtError;

use crate::limits::MAX_JWT_LEN;
use crate::read;

/// A participant JWT. Its `Debug` and `Display` never show the token.
///
/// # Usage
/// ```
/// use immail_meet_core::Jwt;
/// let jwt = Jwt::new("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDB9.c2ln");
/// assert_eq!(format!("{jwt:?}"), "Jwt(<redacted>)");
/// assert_eq!(jwt.to_string(), "<redacted JWT>");
/// assert_eq!(jwt.claims().unwrap().expires_at, Some(4102444800.0));
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Jwt(String);

impl Jwt {
    /// Wraps a token. Nothing is checked until [`Jwt::claims`].
    pub fn new(token: impl Into<String>) -> Self {
        Self(token.into())
    }

    /// The token itself. Only the iframe `src` should ever receive it.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// Checks the token's shape and reads its unverified claims.
    pub fn claims(&self) -> Result<JwtClaims, JwtError> {
        let token = self.0.as_str();
        if token.is_empty() {
            return Err(JwtError::Empty);
        }
        if token.len() > MAX_JWT_LEN {
            return Err(JwtError::TooLong);
        }
        let parts: Vec<&str> = token.split('.').collect();
        let [header, payload, _signature] = parts[..] else {
            return Err(JwtError::NotThreeParts);
        };
        if parts.iter().any(|part| part.is_empty()) {
            return Err(JwtError::NotThreeParts);
        }
        let base64url = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.');
        if !token.bytes().all(base64url) {
            return Err(JwtError::NotBase64Url);
        }
        let header = decode(header)?;
        if !matches!(read::parse(&header), Ok(Value::Object(_))) {
            return Err(JwtError::NotJsonObject);
        }
        JwtClaims::from_payload(&decode(payload)?)
    }
}

/// One unpadded base64url part, decoded.
fn decode(part: &str) -> Result<Vec<u8>, JwtError> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|_| JwtError::NotBase64Url)
}

impl fmt::Debug for Jwt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Jwt(<redacted>)")
    }
}

impl fmt::Display for Jwt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted JWT>")
    }
}

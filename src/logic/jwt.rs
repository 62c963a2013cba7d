//! The participant token: a secret, checked for shape and peeked at, never verified.
//!
//! Only imMail can verify the token's signature. This crate checks that it looks like a
//! JWT (three base64url parts whose first two decode to JSON objects) and reads two
//! claims without trusting them: `exp`, so an already-expired grant is fetched again
//! instead of loaded, and a moderator claim, for display only.

use std::fmt;

use super::json::{self, Json};

/// Longest token accepted, in bytes.
pub const MAX_JWT_LEN: usize = 8 * 1024;

/// A participant JWT. Its `Debug` and `Display` never show the token.
///
/// # Usage
/// ```
/// use immail_meet::Jwt;
/// let jwt = Jwt::new("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDB9.c2ln");
/// assert_eq!(format!("{jwt:?}"), "Jwt(<redacted>)");
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
        if parts.len() != 3 || parts.iter().any(|p| p.is_empty()) {
            return Err(JwtError::NotThreeParts);
        }
        if !token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        {
            return Err(JwtError::NotBase64Url);
        }
        decode_object(parts[0])?;
        let payload = decode_object(parts[1])?;
        Ok(JwtClaims::from_payload(&payload))
    }
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

fn decode_object(part: &str) -> Result<Json, JwtError> {
    // Unpadded base64 never leaves exactly one character over.
    if part.len() % 4 == 1 {
        return Err(JwtError::NotBase64Url);
    }
    let text = base64url::decode_utf8(part).ok_or(JwtError::NotBase64Url)?;
    match json::parse(&text) {
        Ok(object @ Json::Object(_)) => Ok(object),
        _ => Err(JwtError::NotJsonObject),
    }
}

/// The claims this crate reads from a token, unverified.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JwtClaims {
    /// `exp`: when the token expires, in seconds since the Unix epoch.
    pub expires_at: Option<f64>,
    /// A moderator claim, if the token carries one: `moderator` (boolean),
    /// `role` (`"moderator"`/`"guest"`), or Jitsi's `context.user.moderator`
    /// (boolean or `"true"`/`"false"`). For display only: the server decides.
    pub moderator: Option<bool>,
}

impl JwtClaims {
    fn from_payload(payload: &Json) -> Self {
        let expires_at = match payload.get("exp") {
            Some(Json::Number(n)) if n.is_finite() => Some(*n),
            _ => None,
        };
        let role = match payload.get("role") {
            Some(Json::String(r)) if r.eq_ignore_ascii_case("moderator") => Some(true),
            Some(Json::String(r)) if r.eq_ignore_ascii_case("guest") => Some(false),
            _ => None,
        };
        let jitsi = payload
            .get("context")
            .and_then(|c| c.get("user"))
            .and_then(|u| u.get("moderator"));
        let moderator = match (payload.get("moderator"), jitsi) {
            (Some(Json::Bool(b)), _) => Some(*b),
            (_, Some(Json::Bool(b))) => Some(*b),
            (_, Some(Json::String(s))) if s == "true" => Some(true),
            (_, Some(Json::String(s))) if s == "false" => Some(false),
            _ => role,
        };
        Self {
            expires_at,
            moderator,
        }
    }
}

/// Why a token was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JwtError {
    /// No token at all.
    Empty,
    /// Longer than [`MAX_JWT_LEN`].
    TooLong,
    /// Not three non-empty parts separated by dots.
    NotThreeParts,
    /// A part is not unpadded base64url.
    NotBase64Url,
    /// The header or payload does not decode to a JSON object.
    NotJsonObject,
}

impl fmt::Display for JwtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "the participant token is empty",
            Self::TooLong => "the participant token is too long",
            Self::NotThreeParts => "the participant token is not a JWT (three dot-separated parts)",
            Self::NotBase64Url => "the participant token is not base64url-encoded",
            Self::NotJsonObject => "the participant token's header or payload is not a JSON object",
        })
    }
}

impl std::error::Error for JwtError {}

/// Unpadded base64url to UTF-8 text, with the platform's decoder: `atob` and
/// `TextDecoder` in the browser (no decoder in the wasm bundle), the `base64` crate
/// natively. `None` for bad base64 or bad UTF-8. Callers pass only `A-Z a-z 0-9 - _`.
#[cfg(target_arch = "wasm32")]
mod base64url {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(catch, js_name = atob)]
        fn atob(data: &str) -> Result<String, JsValue>;
    }

    pub(super) fn decode_utf8(part: &str) -> Option<String> {
        let mut standard: String = part
            .chars()
            .map(|c| match c {
                '-' => '+',
                '_' => '/',
                c => c,
            })
            .collect();
        while standard.len() % 4 != 0 {
            standard.push('=');
        }
        // `atob` gives one char per byte; bytes above 0x7F are re-read as UTF-8.
        let bytes: Vec<u8> = atob(&standard).ok()?.chars().map(|c| c as u8).collect();
        String::from_utf8(bytes).ok()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod base64url {
    use base64::Engine as _;

    pub(super) fn decode_utf8(part: &str) -> Option<String> {
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(part)
            .ok()?;
        String::from_utf8(bytes).ok()
    }
}

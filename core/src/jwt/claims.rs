//! [`JwtClaims`]: the claims this crate reads from a token's payload, unverified.

use serde_json::Value;

use super::JwtError;
use crate::read;

/// The claims this crate reads from a token, unverified (only imMail can verify them).
///
/// `exp` decides whether a grant is fetched again, so it must be a number when present:
/// a token whose `exp` has another type is refused ([`JwtError::WrongClaimType`]). The
/// moderator claims are for display only and are read where they have a known form,
/// ignored otherwise.
///
/// # Usage
/// ```
/// use immail_meet_core::Jwt;
/// // header {"alg":"HS256"}, payload {"exp":4102444800,"role":"moderator"}
/// let jwt = Jwt::new("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDAsInJvbGUiOiJtb2RlcmF0b3IifQ.c2ln");
/// let claims = jwt.claims().unwrap();
/// assert_eq!(claims.expires_at, Some(4_102_444_800.0));
/// assert_eq!(claims.moderator, Some(true));
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JwtClaims {
    /// `exp`: when the token expires, in seconds since the Unix epoch.
    pub expires_at: Option<f64>,
    /// A moderator claim, if the token carries one: `moderator` (boolean),
    /// `role` (`"moderator"`/`"guest"`, any case), or Jitsi's `context.user.moderator`
    /// (boolean or `"true"`/`"false"`). For display only: the server decides.
    pub moderator: Option<bool>,
}

impl JwtClaims {
    /// Reads the claims from a decoded payload (a JSON object's text).
    pub(super) fn from_payload(payload: &[u8]) -> Result<Self, JwtError> {
        let Ok(Value::Object(claims)) = read::parse(payload) else {
            return Err(JwtError::NotJsonObject);
        };
        let expires_at = match claims.get("exp") {
            None | Some(Value::Null) => None,
            Some(Value::Number(exp)) => exp.as_f64(),
            Some(other) => {
                return Err(JwtError::WrongClaimType {
                    claim: "exp",
                    expected: "a number",
                    found: read::kind(other),
                })
            }
        };
        // Display-only claims: read where they have a known form, ignored otherwise.
        let role = match claims.get("role").and_then(Value::as_str) {
            Some(role) if role.eq_ignore_ascii_case("moderator") => Some(true),
            Some(role) if role.eq_ignore_ascii_case("guest") => Some(false),
            _ => None,
        };
        let jitsi = claims
            .get("context")
            .and_then(|context| context.get("user")?.get("moderator"))
            .and_then(|flag| match flag {
                Value::Bool(flag) => Some(*flag),
                Value::String(text) => text.parse().ok(),
                _ => None,
            });
        Ok(Self {
            expires_at,
            moderator: claims
                .get("moderator")
                .and_then(Value::as_bool)
                .or(jitsi)
                .or(role),
        })
    }
}

//! [`JwtClaims`]: the claims this crate reads from a token's payload, unverified.

use serde::Deserialize;

use super::JwtError;
use crate::read::{self, Lenient, Object, Problem};

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

/// A token payload as far as it is read.
#[derive(Deserialize)]
struct Payload {
    #[serde(default)]
    exp: Option<f64>,
    #[serde(default)]
    moderator: Lenient<bool>,
    #[serde(default)]
    role: Lenient<String>,
    #[serde(default)]
    context: Lenient<Context>,
}

/// Jitsi's `context`.
#[derive(Deserialize)]
struct Context {
    #[serde(default)]
    user: Lenient<User>,
}

/// Jitsi's `context.user`.
#[derive(Deserialize)]
struct User {
    #[serde(default)]
    moderator: Lenient<Flag>,
}

/// A boolean, or its text.
#[derive(Deserialize)]
#[serde(untagged)]
enum Flag {
    Bool(bool),
    Text(String),
}

impl JwtClaims {
    /// Reads the claims from a decoded payload (a JSON object's text).
    pub(super) fn from_payload(payload: &[u8]) -> Result<Self, JwtError> {
        let tree = read::parse(payload).map_err(|_| JwtError::NotJsonObject)?;
        let Object(payload): Object<Payload> =
            read::from_value(tree).map_err(|e| match e.problem {
                Problem::WrongType { found, .. } if e.path == "exp" => JwtError::WrongClaimType {
                    claim: "exp",
                    expected: "a number",
                    found,
                },
                _ => JwtError::NotJsonObject,
            })?;
        let role = payload.role.0.and_then(|role| {
            if role.eq_ignore_ascii_case("moderator") {
                Some(true)
            } else if role.eq_ignore_ascii_case("guest") {
                Some(false)
            } else {
                None
            }
        });
        let jitsi = payload
            .context
            .0
            .and_then(|c| c.user.0)
            .and_then(|u| u.moderator.0)
            .and_then(|flag| match flag {
                Flag::Bool(b) => Some(b),
                Flag::Text(t) if t == "true" => Some(true),
                Flag::Text(t) if t == "false" => Some(false),
                Flag::Text(_) => None,
            });
        Ok(Self {
            expires_at: payload.exp,
            moderator: payload.moderator.0.or(jitsi).or(role),
        })
    }
}

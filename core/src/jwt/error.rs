//! [`JwtError`]: why a participant token was refused.

use crate::limits::MAX_JWT_LEN;

/// Why a participant token was refused.
///
/// # Usage
/// ```
/// use immail_meet_core::{Jwt, JwtError};
/// assert_eq!(Jwt::new("a.b").claims(), Err(JwtError::NotThreeParts));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JwtError {
    /// No token at all.
    #[error("the participant token is empty")]
    Empty,
    /// Longer than [`MAX_JWT_LEN`] bytes.
    #[error("the participant token is longer than {MAX_JWT_LEN} bytes")]
    TooLong,
    /// Not three non-empty parts separated by dots.
    #[error("the participant token is not a JWT (three dot-separated parts)")]
    NotThreeParts,
    /// A part is not unpadded base64url.
    #[error("the participant token is not base64url-encoded")]
    NotBase64Url,
    /// The header or payload does not decode to a JSON object.
    #[error("the participant token's header or payload is not a JSON object")]
    NotJsonObject,
    /// A claim this crate relies on has the wrong JSON type, e.g. `"exp": "1000"`: the
    /// token is malformed (it is not taken as a token that never expires).
    #[error("the participant token's \"{claim}\" claim is a {found}, not {expected}")]
    WrongClaimType {
        /// The claim (`exp`).
        claim: &'static str,
        /// What it must be (`a number`).
        expected: &'static str,
        /// The JSON type found.
        found: &'static str,
    },
}

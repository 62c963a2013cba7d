//! [`GrantError`]: why a backend answer is not a usable grant.

use crate::jwt::JwtError;
use crate::limits::GRANT_CONTRACT_VERSION;
use crate::meeting_url::MeetingUrlError;
use crate::read::{with_article, ParseError};

/// Why a backend answer is not a usable grant: a distinct variant for each way the
/// [grant contract](crate#the-grant-contract-v1) can be broken, then for each check.
///
/// # Usage
/// ```
/// use immail_meet_core::{GrantError, GrantResponse};
/// assert_eq!(GrantResponse::from_json("<html>").unwrap_err(), GrantError::NotJson);
/// let error = GrantResponse::from_json(r#"{"jwt": 7}"#).unwrap_err();
/// assert_eq!(error, GrantError::WrongType { field: "jwt", expected: "string", found: "number" });
/// assert_eq!(error.to_string(), "the grant's \"jwt\" is a number, not a string");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GrantError {
    /// The body is not JSON.
    #[error("the grant is not JSON")]
    NotJson,
    /// The body nests deeper than JSON is read (128 levels).
    #[error("the grant is nested too deeply")]
    TooDeep,
    /// The body is JSON but not an object.
    #[error("the grant is {}, not an object", json_kind(found))]
    NotAnObject {
        /// The JSON type found.
        found: &'static str,
    },
    /// `version` is a number other than [`GRANT_CONTRACT_VERSION`].
    #[error("the grant is not contract version {GRANT_CONTRACT_VERSION}")]
    UnsupportedVersion,
    /// A required member is missing: `jwt`, or `meeting_url` when neither it nor
    /// `room_name` is given.
    #[error("the grant has no \"{0}\"")]
    MissingField(&'static str),
    /// A member has the wrong JSON type.
    #[error(
        "the grant's \"{field}\" is {}, not {}",
        with_article(found),
        with_article(expected)
    )]
    WrongType {
        /// The member.
        field: &'static str,
        /// The JSON type the contract wants (`string`, `boolean`, `number`).
        expected: &'static str,
        /// The JSON type found.
        found: &'static str,
    },
    /// Both `meeting_url` and `room_name` are given.
    #[error("the grant has both \"meeting_url\" and \"room_name\"")]
    Ambiguous,
    /// The meeting URL or room name was refused.
    #[error(transparent)]
    MeetingUrl(#[from] MeetingUrlError),
    /// The token is not a well-formed JWT.
    #[error(transparent)]
    Jwt(#[from] JwtError),
    /// `expires_at` is not an RFC 3339 UTC time (`2026-11-25T17:00:00Z`).
    #[error("the grant's \"expires_at\" is not an RFC 3339 UTC time")]
    BadExpiresAt,
    /// The grant (or its token) has already expired, or expires within
    /// [`EXPIRY_MARGIN_SECS`](crate::EXPIRY_MARGIN_SECS).
    #[error("the grant has already expired")]
    Expired,
}

/// `a JSON array`, `a JSON string`...
fn json_kind(found: &str) -> String {
    format!("a JSON {found}")
}

impl From<ParseError> for GrantError {
    fn from(error: ParseError) -> Self {
        match error {
            ParseError::NotJson => Self::NotJson,
            ParseError::TooDeep => Self::TooDeep,
        }
    }
}

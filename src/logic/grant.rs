//! The grant contract (v1): what the customer's backend answers, and its validation.
//!
//! ```json
//! { "meeting_url": "https://web.immail.ca/meet/19wda8xxxs8eas8q",
//!   "jwt": "<participant JWT>",
//!   "moderator": true,
//!   "expires_at": "2026-11-25T17:00:00Z" }
//! ```
//!
//! `room_name` may stand instead of `meeting_url`; `moderator`, `expires_at` and
//! `version` (must be `1` when present) are optional; unknown members are ignored.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::history::Timestamp;
use super::json::{self, Json, JsonError};
use super::jwt::{Jwt, JwtError};
use super::meeting_url::{AllowedHosts, MeetingHost, MeetingUrl, MeetingUrlError, RoomName};

/// The contract version this crate speaks.
pub const GRANT_CONTRACT_VERSION: u32 = 1;
/// A grant expiring within this many seconds counts as expired.
pub const EXPIRY_MARGIN_SECS: f64 = 10.0;

/// The backend's answer, as sent. The reference server serializes this very type.
///
/// # Usage
/// ```
/// use immail_meet::GrantResponse;
/// let answer = GrantResponse::from_json(
///     r#"{"room_name": "abc", "jwt": "a.b.c", "moderator": false}"#,
/// ).unwrap();
/// assert_eq!(answer.room_name.as_deref(), Some("abc"));
/// assert!(GrantResponse::from_json(r#"{"jwt": 42}"#).is_err());
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GrantResponse {
    /// The full meeting URL (`https://web.immail.ca/meet/<room>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_url: Option<String>,
    /// Or just the room name, placed under the configured meeting base.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_name: Option<String>,
    /// The participant JWT.
    pub jwt: Jwt,
    /// Whether the server made this participant a moderator (display only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moderator: Option<bool>,
    /// When the grant stops being usable, RFC 3339 (`2026-11-25T17:00:00Z`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
}

impl GrantResponse {
    /// Reads an answer from JSON text, with a distinct error for each way it can be wrong.
    pub fn from_json(text: &str) -> Result<Self, GrantError> {
        let value = json::parse(text).map_err(|e| match e {
            JsonError::Syntax => GrantError::NotJson,
            JsonError::TooDeep => GrantError::TooDeep,
        })?;
        if !matches!(value, Json::Object(_)) {
            return Err(GrantError::NotAnObject {
                found: value.kind(),
            });
        }
        match value.get("version") {
            None | Some(Json::Null) => {}
            Some(Json::Number(n)) if *n == f64::from(GRANT_CONTRACT_VERSION) => {}
            Some(_) => return Err(GrantError::UnsupportedVersion),
        }
        let jwt = string_field(&value, "jwt")?.ok_or(GrantError::MissingField("jwt"))?;
        let moderator = match value.get("moderator") {
            None | Some(Json::Null) => None,
            Some(Json::Bool(b)) => Some(*b),
            Some(other) => {
                return Err(GrantError::WrongType {
                    field: "moderator",
                    expected: "boolean",
                    found: other.kind(),
                })
            }
        };
        Ok(Self {
            meeting_url: string_field(&value, "meeting_url")?,
            room_name: string_field(&value, "room_name")?,
            jwt: Jwt::new(jwt),
            moderator,
            expires_at: string_field(&value, "expires_at")?,
        })
    }
}

fn string_field(object: &Json, field: &'static str) -> Result<Option<String>, GrantError> {
    match object.get(field) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(GrantError::WrongType {
            field,
            expected: "string",
            found: other.kind(),
        }),
    }
}

/// What a grant is checked against.
#[derive(Clone, Debug, PartialEq)]
pub struct GrantRules {
    /// Meeting bases a `meeting_url` may point to.
    pub allowed_hosts: AllowedHosts,
    /// The base a bare `room_name` is placed under; it must be allowed too.
    pub meeting_base: MeetingHost,
}

impl Default for GrantRules {
    /// imMail's host only, rooms under `https://web.immail.ca/meet/`.
    fn default() -> Self {
        Self {
            allowed_hosts: AllowedHosts::default(),
            meeting_base: MeetingHost::default(),
        }
    }
}

/// A grant that passed every check: allowed meeting URL, JWT-shaped token, not expired.
#[derive(Clone, Debug, PartialEq)]
pub struct Grant {
    /// The validated meeting URL.
    pub meeting_url: MeetingUrl,
    /// The participant token.
    pub jwt: Jwt,
    /// The role, from the answer or else from the token (display only).
    pub moderator: Option<bool>,
    /// When the grant expires (the sooner of `expires_at` and the token's `exp`), in
    /// seconds since the Unix epoch.
    pub expires_at: Option<f64>,
}

impl Grant {
    /// Validates an answer at time `now` (seconds since the Unix epoch).
    ///
    /// # Usage
    /// ```
    /// use immail_meet::{Grant, GrantError, GrantResponse, GrantRules, Jwt};
    /// let answer = GrantResponse {
    ///     meeting_url: Some("javascript:alert(1)".into()),
    ///     jwt: Jwt::new("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"),
    ///     ..Default::default()
    /// };
    /// let refused = Grant::validate(answer, &GrantRules::default(), 0.0);
    /// assert!(matches!(refused, Err(GrantError::MeetingUrl(_))));
    /// ```
    pub fn validate(
        answer: GrantResponse,
        rules: &GrantRules,
        now: f64,
    ) -> Result<Self, GrantError> {
        let meeting_url = match (&answer.meeting_url, &answer.room_name) {
            (Some(url), None) => rules.allowed_hosts.check(url)?,
            (None, Some(room)) => {
                let url = rules.meeting_base.meeting_url(RoomName::parse(room)?);
                if !rules.allowed_hosts.allows(url.base()) {
                    return Err(rules.meeting_base.not_allowed().into());
                }
                url
            }
            (Some(_), Some(_)) => return Err(GrantError::Ambiguous),
            (None, None) => return Err(GrantError::MissingField("meeting_url")),
        };
        let claims = answer.jwt.claims()?;
        let stated = match &answer.expires_at {
            Some(text) => Some(parse_timestamp(text).ok_or(GrantError::BadExpiresAt)?),
            None => None,
        };
        let expires_at = match (stated, claims.expires_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if expires_at.is_some_and(|at| at <= now + EXPIRY_MARGIN_SECS) {
            return Err(GrantError::Expired);
        }
        Ok(Self {
            meeting_url,
            jwt: answer.jwt,
            moderator: answer.moderator.or(claims.moderator),
            expires_at,
        })
    }
}

/// RFC 3339 in UTC (`YYYY-MM-DDTHH:MM:SS[.fraction]Z`), as seconds since the Unix
/// epoch. The history's [`Timestamp`] reader, held to the contract's strict form (it
/// also reads offsets, dates alone and spaces for `T`).
fn parse_timestamp(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let strict = b.len() >= 20
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && (b.len() == 20 || b[19] == b'.')
        && b.last() == Some(&b'Z');
    let time = Timestamp::parse(text).filter(|_| strict)?;
    Some(time.unix_millis() as f64 / 1000.0)
}

/// Why a backend answer is not a usable grant.
#[derive(Clone, Debug, PartialEq)]
pub enum GrantError {
    /// The body is not JSON.
    NotJson,
    /// The body nests deeper than any grant does.
    TooDeep,
    /// The body is JSON but not an object.
    NotAnObject {
        /// The JSON type found.
        found: &'static str,
    },
    /// `version` is present and not [`GRANT_CONTRACT_VERSION`].
    UnsupportedVersion,
    /// A required member is missing (`jwt`, or `meeting_url`/`room_name`).
    MissingField(&'static str),
    /// A member has the wrong JSON type.
    WrongType {
        /// The member.
        field: &'static str,
        /// The type the contract wants.
        expected: &'static str,
        /// The type found.
        found: &'static str,
    },
    /// Both `meeting_url` and `room_name` are given.
    Ambiguous,
    /// The meeting URL or room name was refused.
    MeetingUrl(MeetingUrlError),
    /// The token is not JWT-shaped.
    Jwt(JwtError),
    /// `expires_at` is not an RFC 3339 UTC timestamp.
    BadExpiresAt,
    /// The grant (or its token) has already expired.
    Expired,
}

impl fmt::Display for GrantError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson => f.write_str("the grant is not JSON"),
            Self::TooDeep => f.write_str("the grant is nested too deeply"),
            Self::NotAnObject { found } => write!(f, "the grant is a JSON {found}, not an object"),
            Self::UnsupportedVersion => write!(
                f,
                "the grant is not contract version {GRANT_CONTRACT_VERSION}"
            ),
            Self::MissingField(field) => write!(f, "the grant has no \"{field}\""),
            Self::WrongType {
                field,
                expected,
                found,
            } => {
                write!(f, "the grant's \"{field}\" is a {found}, not a {expected}")
            }
            Self::Ambiguous => f.write_str("the grant has both \"meeting_url\" and \"room_name\""),
            Self::MeetingUrl(e) => e.fmt(f),
            Self::Jwt(e) => e.fmt(f),
            Self::BadExpiresAt => {
                f.write_str("the grant's \"expires_at\" is not an RFC 3339 UTC time")
            }
            Self::Expired => f.write_str("the grant has already expired"),
        }
    }
}

impl std::error::Error for GrantError {}

impl From<MeetingUrlError> for GrantError {
    fn from(e: MeetingUrlError) -> Self {
        Self::MeetingUrl(e)
    }
}

impl From<JwtError> for GrantError {
    fn from(e: JwtError) -> Self {
        Self::Jwt(e)
    }
}

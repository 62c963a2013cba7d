//! [`GrantResponse`]: the backend's answer, and the one reader of the grant contract.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::GrantError;
use crate::history::Timestamp;
use crate::jwt::Jwt;
use crate::limits::GRANT_CONTRACT_VERSION;
use crate::read;

/// The backend's answer, as sent: the Rust type of the
/// [grant contract (v1)](crate#the-grant-contract-v1). The reference server serializes
/// this very type.
///
/// [`GrantResponse::from_json`] is the one reader of the contract, with a distinct
/// [`GrantError`] for each way an answer breaks it; the serde `Deserialize` accepts
/// exactly what it accepts (it is implemented with it; its error is the
/// [`GrantError`]'s text).
///
/// # Usage
/// ```
/// use immail_meet_core::{GrantError, GrantResponse};
/// let answer = GrantResponse::from_json(
///     r#"{"room_name": "abc", "jwt": "a.b.c", "moderator": false, "version": 1}"#,
/// ).unwrap();
/// assert_eq!(answer.room_name.as_deref(), Some("abc"));
/// assert_eq!(GrantResponse::from_json(r#"{"jwt": 42}"#).unwrap_err().to_string(),
///            "the grant's \"jwt\" is a number, not a string");
/// let both = r#"{"room_name": "abc", "meeting_url": "https://web.immail.ca/meet/abc", "jwt": "a.b.c"}"#;
/// assert_eq!(GrantResponse::from_json(both), Err(GrantError::Ambiguous));
/// assert!(serde_json::from_str::<GrantResponse>(both).is_err());
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct GrantResponse {
    /// The full meeting URL (`https://web.immail.ca/meet/<room>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting_url: Option<String>,
    /// Or just the room name, placed under the configured meeting base.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room_name: Option<String>,
    /// The participant JWT.
    pub jwt: Jwt,
    /// Whether the server made this participant a moderator (display only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moderator: Option<bool>,
    /// When the grant stops being usable, RFC 3339 in UTC (`2026-11-25T17:00:00Z`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
}

/// Where a grant's meeting is: exactly one of the two members.
pub(super) enum Place<'a> {
    /// A full meeting URL.
    Url(&'a str),
    /// A room name under the meeting base.
    Room(&'a str),
}

impl GrantResponse {
    /// Reads an answer from JSON text (or UTF-8 bytes) by the contract's rules: a JSON
    /// object; `version` absent or `1`; `jwt` a string; exactly one of `meeting_url`
    /// and `room_name`, strings; `moderator` a boolean; `expires_at` an RFC 3339 UTC
    /// time; `null` counts as absent; unknown members are ignored. Each rule broken is
    /// its own [`GrantError`].
    pub fn from_json(json: impl AsRef<[u8]>) -> Result<Self, GrantError> {
        Self::from_value(read::parse(json.as_ref())?)
    }

    /// The contract's rules, member by member, on parsed JSON.
    fn from_value(answer: Value) -> Result<Self, GrantError> {
        let Value::Object(members) = answer else {
            return Err(GrantError::NotAnObject {
                found: read::kind(&answer),
            });
        };
        // `null` counts as absent; any other JSON type than the contract's is refused.
        let member = |name: &'static str, expected: &'static str| match members.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(value) if read::kind(value) == expected => Ok(Some(value)),
            Some(value) => Err(GrantError::WrongType {
                field: name,
                expected,
                found: read::kind(value),
            }),
        };
        let text = |name| {
            member(name, "string").map(|text| text.and_then(Value::as_str).map(str::to_owned))
        };
        let version = member("version", "number")?.and_then(Value::as_f64);
        if version.is_some_and(|version| version != f64::from(GRANT_CONTRACT_VERSION)) {
            return Err(GrantError::UnsupportedVersion);
        }
        let answer = Self {
            meeting_url: text("meeting_url")?,
            room_name: text("room_name")?,
            jwt: Jwt::new(text("jwt")?.ok_or(GrantError::MissingField("jwt"))?),
            moderator: member("moderator", "boolean")?.and_then(Value::as_bool),
            expires_at: text("expires_at")?,
        };
        answer.check()?;
        Ok(answer)
    }

    /// Checks the rules of the contract that the type itself does not hold: exactly
    /// one of `meeting_url` and `room_name`, and `expires_at` an RFC 3339 UTC time.
    /// (Run by [`GrantResponse::from_json`] and again by
    /// [`GrantRules::validate`](crate::GrantRules::validate), for answers built in Rust.)
    ///
    /// # Usage
    /// ```
    /// use immail_meet_core::{GrantError, GrantResponse, Jwt};
    /// let answer = GrantResponse { jwt: Jwt::new("a.b.c"), ..Default::default() };
    /// assert_eq!(answer.check(), Err(GrantError::MissingField("meeting_url")));
    /// ```
    pub fn check(&self) -> Result<(), GrantError> {
        self.place()?;
        self.stated_expiry()?;
        Ok(())
    }

    /// The meeting's place.
    pub(super) fn place(&self) -> Result<Place<'_>, GrantError> {
        match (&self.meeting_url, &self.room_name) {
            (Some(url), None) => Ok(Place::Url(url)),
            (None, Some(room)) => Ok(Place::Room(room)),
            (Some(_), Some(_)) => Err(GrantError::Ambiguous),
            (None, None) => Err(GrantError::MissingField("meeting_url")),
        }
    }

    /// `expires_at` in seconds since the Unix epoch, if stated.
    pub(super) fn stated_expiry(&self) -> Result<Option<f64>, GrantError> {
        self.expires_at
            .as_deref()
            .map(|text| rfc3339_utc(text).ok_or(GrantError::BadExpiresAt))
            .transpose()
    }
}

impl<'de> Deserialize<'de> for GrantResponse {
    /// Exactly what [`GrantResponse::from_json`] accepts.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let answer = Value::deserialize(deserializer)?;
        Self::from_value(answer).map_err(serde::de::Error::custom)
    }
}

/// RFC 3339 in UTC (`YYYY-MM-DDTHH:MM:SS[.fraction]Z`), as seconds since the Unix
/// epoch: the history's [`Timestamp`] reader, held to the contract's strict form (it
/// also reads offsets, dates alone and spaces for `T`).
fn rfc3339_utc(text: &str) -> Option<f64> {
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

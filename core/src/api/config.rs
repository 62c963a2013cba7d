//! [`PublicConfig`]: the answer of `GET /api/meet/config`.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::read_answer::{deserialize_answer, read_answer};
use crate::limits::GRANT_CONTRACT_VERSION;
use crate::meeting_url::{AllowedHosts, MeetingHost};
use crate::read::value::{
    object, optional, parsed, required, small_count, text, At, Problem, Read,
};
use crate::FetchError;

/// What the browser needs to know about the backend: `GET /api/meet/config`.
///
/// ```json
/// {"mode": "sandbox", "meeting_base": "http://127.0.0.1:8788/sandbox/meet/", "grant_contract": 1}
/// ```
///
/// `meeting_base` is checked as it is read (it is a [`MeetingHost`]). In sandbox mode the
/// backend's meetings live on its own sandbox origin, which an app must allow beside
/// imMail's host: [`PublicConfig::allowed_hosts`] is that list, and bare room names go
/// under `meeting_base`. A missing `grant_contract` means 1.
///
/// # Usage
/// ```
/// use immail_meet_core::{GrantRules, PublicConfig, ServiceMode};
/// let config = PublicConfig::from_json(
///     r#"{"mode": "sandbox", "meeting_base": "http://127.0.0.1:8788/sandbox/meet/", "grant_contract": 1}"#,
/// ).unwrap();
/// assert_eq!(config.mode, ServiceMode::Sandbox);
/// assert!(config.is_sandbox());
/// let hosts = config.allowed_hosts();
/// assert!(hosts.check("http://127.0.0.1:8788/sandbox/meet/abc").is_ok());
/// assert!(hosts.check("https://web.immail.ca/meet/abc").is_ok());
/// let rules = GrantRules::new(hosts, config.meeting_base).unwrap();
/// # let _ = rules;
/// let refused = PublicConfig::from_json(r#"{"mode": "sandbox"}"#).unwrap_err();
/// assert_eq!(refused.to_string(), "the meeting service's answer cannot be read: it has no \"meeting_base\"");
/// ```
///
/// # Server-Side Rendering
/// Pure data: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicConfig {
    /// Whether meetings are the built-in sandbox or imMail's.
    pub mode: ServiceMode,
    /// Where meetings live.
    pub meeting_base: MeetingHost,
    /// The grant contract version served ([`GRANT_CONTRACT_VERSION`]).
    pub grant_contract: u32,
}

impl PublicConfig {
    /// Reads the answer; one that is not JSON, or lacks a `mode` or a valid
    /// `meeting_base`, is a [`FetchError::Unreadable`] naming the member.
    pub fn from_json(json: impl AsRef<[u8]>) -> Result<Self, FetchError> {
        read_answer(json.as_ref(), Self::read)
    }

    /// Reads the answer from a parsed `Value`.
    fn read(value: &Value, at: &At) -> Read<Self> {
        let members = object(value, at, "an object")?;
        let mode = |value: &Value, at: &At| match text(value, at)?.as_str() {
            "sandbox" => Ok(ServiceMode::Sandbox),
            "immail" => Ok(ServiceMode::Immail),
            _ => Err(at.invalid(Problem::BadValue {
                expected: "\"sandbox\" or \"immail\"",
            })),
        };
        Ok(Self {
            mode: required(members, at, &["mode"], mode)?,
            meeting_base: required(members, at, &["meeting_base"], |value, at| {
                parsed(value, at, MeetingHost::parse)
            })?,
            grant_contract: optional(members, at, &["grant_contract"], small_count)?
                .unwrap_or(GRANT_CONTRACT_VERSION),
        })
    }

    /// Whether the backend plays imMail itself (no imMail account behind it).
    pub fn is_sandbox(&self) -> bool {
        self.mode == ServiceMode::Sandbox
    }

    /// imMail's host ([`AllowedHosts::default`]) plus the backend's meeting base: what
    /// grants from this backend may point to.
    pub fn allowed_hosts(&self) -> AllowedHosts {
        AllowedHosts::default().with_host(self.meeting_base.clone())
    }
}

impl<'de> Deserialize<'de> for PublicConfig {
    /// Exactly what [`PublicConfig::from_json`] accepts.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_answer(deserializer, Self::read)
    }
}

/// Where the backend's meetings happen.
///
/// # Usage
/// ```
/// use immail_meet_core::ServiceMode;
/// assert_eq!(serde_json::to_string(&ServiceMode::Immail).unwrap(), r#""immail""#);
/// assert_eq!(ServiceMode::Sandbox.label(), "Sandbox mode — no imMail account needed");
/// ```
///
/// # Server-Side Rendering
/// Pure data: works the same on the server and in the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServiceMode {
    /// The backend plays imMail locally: no account needed.
    Sandbox,
    /// The backend talks to imMail with its API key.
    Immail,
}

impl ServiceMode {
    /// A label for a badge.
    pub fn label(self) -> &'static str {
        match self {
            Self::Sandbox => "Sandbox mode — no imMail account needed",
            Self::Immail => "Connected to imMail",
        }
    }
}

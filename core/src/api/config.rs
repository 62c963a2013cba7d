//! [`PublicConfig`]: the answer of `GET /api/meet/config`.

use serde::{Deserialize, Serialize};

use crate::meeting_url::MeetingHost;

/// What the browser needs to know about the backend: `GET /api/meet/config`.
///
/// `meeting_base` is checked as it is read (it is a [`MeetingHost`]); the app adds it to
/// its allowed hosts and places bare room names under it.
///
/// # Usage
/// ```
/// use immail_meet_core::{AllowedHosts, GrantRules, PublicConfig, ServiceMode};
/// let config: PublicConfig = serde_json::from_str(
///     r#"{"mode": "sandbox", "meeting_base": "http://127.0.0.1:8788/sandbox/meet/", "grant_contract": 1}"#,
/// ).unwrap();
/// assert_eq!(config.mode, ServiceMode::Sandbox);
/// let allowed = AllowedHosts::default().with_host(config.meeting_base.clone());
/// let rules = GrantRules::new(allowed, config.meeting_base).unwrap();
/// # let _ = rules;
/// ```
///
/// # Server-Side Rendering
/// Pure data: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicConfig {
    /// Whether meetings are the built-in sandbox or imMail's.
    pub mode: ServiceMode,
    /// Where meetings live.
    pub meeting_base: MeetingHost,
    /// The grant contract version served ([`GRANT_CONTRACT_VERSION`](crate::GRANT_CONTRACT_VERSION)).
    pub grant_contract: u32,
}

/// Where the backend's meetings happen.
///
/// # Usage
/// ```
/// use immail_meet_core::ServiceMode;
/// assert_eq!(serde_json::to_string(&ServiceMode::Immail).unwrap(), r#""immail""#);
/// assert_eq!(ServiceMode::Sandbox.label(), "Sandbox mode — no imMail account needed");
/// ```
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

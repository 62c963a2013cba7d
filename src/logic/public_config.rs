//! [`PublicConfig`]: what the reference server tells the browser about itself
//! (`GET /api/meet/config`), and the allowed hosts that follow from it.

use super::error::GrantFetchError;
use super::json::{self, Json};
use super::meeting_url::{AllowedHosts, MeetingHost};

/// The reference server's public configuration, the answer of `GET /api/meet/config`:
///
/// ```json
/// {"mode": "sandbox", "meeting_base": "http://127.0.0.1:8788/sandbox/meet/", "grant_contract": 1}
/// ```
///
/// In sandbox mode its meetings live on the server's own sandbox origin, which an app
/// must allow beside imMail's host: [`PublicConfig::allowed_hosts`] is that list.
/// In the browser, [`server_allowed_hosts`](crate::server_allowed_hosts) reads it for
/// a `<MeetEmbed allowed_hosts>`, and [`fetch_public_config`](crate::fetch_public_config)
/// fetches it.
///
/// # Usage
/// ```
/// use immail_meet::PublicConfig;
/// let config = PublicConfig::from_json(
///     r#"{"mode": "sandbox", "meeting_base": "http://127.0.0.1:8788/sandbox/meet/", "grant_contract": 1}"#,
/// ).unwrap();
/// assert!(config.is_sandbox());
/// let hosts = config.allowed_hosts();
/// assert!(hosts.check("http://127.0.0.1:8788/sandbox/meet/abc").is_ok());
/// assert!(hosts.check("https://web.immail.ca/meet/abc").is_ok());
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicConfig {
    /// `sandbox` or `immail`.
    pub mode: String,
    /// Where the server's meetings live.
    pub meeting_base: MeetingHost,
    /// The grant contract version the server speaks.
    pub grant_contract: u32,
}

impl PublicConfig {
    /// Reads the answer; an answer without a `mode` or a well-formed `meeting_base` is
    /// [`GrantFetchError::Unreadable`]. A missing `grant_contract` means 1.
    pub fn from_json(text: &str) -> Result<Self, GrantFetchError> {
        let unreadable = |why: &str| GrantFetchError::Unreadable(why.to_owned());
        let value = json::parse(text).map_err(|_| unreadable("it is not JSON"))?;
        let mode = value
            .str("mode")
            .ok_or_else(|| unreadable("it has no \"mode\""))?;
        let base = value
            .str("meeting_base")
            .ok_or_else(|| unreadable("it has no \"meeting_base\""))?;
        let meeting_base = MeetingHost::parse(base)
            .map_err(|e| GrantFetchError::Unreadable(format!("its \"meeting_base\": {e}")))?;
        let grant_contract = match value.get("grant_contract") {
            Some(Json::Number(n))
                if n.fract() == 0.0 && (1.0..=f64::from(u32::MAX)).contains(n) =>
            {
                *n as u32
            }
            None => 1,
            Some(_) => return Err(unreadable("its \"grant_contract\" is not a version number")),
        };
        Ok(Self {
            mode: mode.to_owned(),
            meeting_base,
            grant_contract,
        })
    }

    /// Whether the server plays imMail itself (no imMail account behind it).
    pub fn is_sandbox(&self) -> bool {
        self.mode == "sandbox"
    }

    /// imMail's host ([`AllowedHosts::default`]) plus the server's meeting base.
    pub fn allowed_hosts(&self) -> AllowedHosts {
        AllowedHosts::default().with_host(self.meeting_base.clone())
    }
}

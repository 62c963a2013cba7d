//! [`AllowedHosts`]: the meeting bases a grant's meeting URL may point to.

use super::{MeetingHost, MeetingUrl, MeetingUrlError};

/// The meeting bases a grant's meeting URL may point to. The default allows only
/// `https://web.immail.ca/meet/`.
///
/// # Usage
/// ```
/// use immail_meet_core::AllowedHosts;
/// let hosts = AllowedHosts::default()
///     .with("http://127.0.0.1:8787/sandbox/meet/")
///     .unwrap();
/// assert!(hosts.check("https://web.immail.ca/meet/abc").is_ok());
/// assert!(hosts.check("http://127.0.0.1:8787/sandbox/meet/abc").is_ok());
/// assert!(hosts.check("https://web.immail.ca.evil.com/meet/abc").is_err());
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllowedHosts(Vec<MeetingHost>);

impl Default for AllowedHosts {
    /// Only `https://web.immail.ca/meet/`.
    fn default() -> Self {
        Self(vec![MeetingHost::default()])
    }
}

impl AllowedHosts {
    /// An allow-list of exactly these entries (see [`MeetingHost::parse`] for their form).
    pub fn new<I, S>(entries: I) -> Result<Self, MeetingUrlError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut hosts = Self(Vec::new());
        for entry in entries {
            hosts = hosts.with(entry.as_ref())?;
        }
        Ok(hosts)
    }

    /// This list plus one more entry, parsed by [`MeetingHost::parse`].
    pub fn with(self, entry: &str) -> Result<Self, MeetingUrlError> {
        Ok(self.with_host(MeetingHost::parse(entry)?))
    }

    /// This list plus one more base (once: a base already listed is not repeated).
    pub fn with_host(mut self, host: MeetingHost) -> Self {
        if !self.0.contains(&host) {
            self.0.push(host);
        }
        self
    }

    /// The entries, in order.
    pub fn hosts(&self) -> &[MeetingHost] {
        &self.0
    }

    /// Validates an untrusted meeting URL against this list (see [`MeetingUrl::parse`]).
    pub fn check(&self, url: &str) -> Result<MeetingUrl, MeetingUrlError> {
        MeetingUrl::parse(url, self)
    }

    /// Whether `base` is on this list.
    pub fn allows(&self, base: &MeetingHost) -> bool {
        self.0.contains(base)
    }
}

impl From<MeetingHost> for AllowedHosts {
    fn from(host: MeetingHost) -> Self {
        Self(vec![host])
    }
}

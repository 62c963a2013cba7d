//! [`MeetingHost`]: one allowed meeting base (scheme, host, port, path).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::syntax::{check_characters, is_https, is_loopback, split_authority};
use super::{MeetingUrl, MeetingUrlError, RoomName};

/// The host every imMail meeting lives on.
pub const IMMAIL_HOST: &str = "web.immail.ca";
/// The path below which imMail serves meetings.
pub const IMMAIL_MEET_PATH: &str = "/meet/";

/// One allowed meeting base: scheme, host, optional port and the path under which
/// rooms live, e.g. `https://web.immail.ca/meet/`. Always held in canonical form: scheme
/// and host in lower case, no port when it is the scheme's default.
///
/// Serialized as its text (`"https://web.immail.ca/meet/"`) and deserialized through
/// [`MeetingHost::parse`], so a JSON answer naming a base (such as the reference
/// server's `/api/meet/config`) is checked as it is read.
///
/// # Usage
/// ```
/// use immail_meet_core::MeetingHost;
/// // A bare host means https and imMail's `/meet/` path.
/// let host = MeetingHost::parse("meet.example.com").unwrap();
/// assert_eq!(host.to_string(), "https://meet.example.com/meet/");
/// // Plain http only for loopback, e.g. the reference server's sandbox.
/// let sandbox = MeetingHost::parse("http://127.0.0.1:8787/sandbox/meet/").unwrap();
/// assert_eq!(sandbox.port(), Some(8787));
/// assert!(MeetingHost::parse("http://example.com/meet/").is_err());
/// // What a browser reads as the same address is the same base.
/// assert_eq!(MeetingHost::parse("HTTPS://Web.Immail.CA:443/meet/").unwrap(), MeetingHost::default());
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MeetingHost {
    https: bool,
    host: String,
    port: Option<u16>,
    path: String,
}

impl Default for MeetingHost {
    /// `https://web.immail.ca/meet/`.
    fn default() -> Self {
        Self {
            https: true,
            host: IMMAIL_HOST.to_owned(),
            port: None,
            path: IMMAIL_MEET_PATH.to_owned(),
        }
    }
}

impl MeetingHost {
    /// Parses an allow-list entry: either a bare host (`web.immail.ca`,
    /// `meet.example.com:8443`), meaning `https` and the path `/meet/`, or a full base
    /// (`https://host[:port]/path/` or, for a loopback host only, `http://...`). The
    /// path must start and end with `/` and hold only `A-Z a-z 0-9 - _ /`.
    pub fn parse(entry: &str) -> Result<Self, MeetingUrlError> {
        check_characters(entry)?;
        let (https, rest, default_path) = match entry.split_once("://") {
            Some((scheme, rest)) => (is_https(scheme)?, rest, "/"),
            None => (true, entry, IMMAIL_MEET_PATH),
        };
        let (authority, path) = match rest.find('/') {
            Some(slash) => rest.split_at(slash),
            None => (rest, default_path),
        };
        let (host, port) = split_authority(authority, https)?;
        if !https && !is_loopback(&host) {
            return Err(MeetingUrlError::HttpNotLoopback(host));
        }
        if !is_base_path(path) {
            return Err(MeetingUrlError::PathNotAllowed);
        }
        Ok(Self {
            https,
            host,
            port,
            path: path.to_owned(),
        })
    }

    /// `true` for `https`, `false` for a loopback `http` sandbox.
    pub fn is_https(&self) -> bool {
        self.https
    }

    /// The host name or address, in lower case.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port, if it is not the scheme's default.
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// The path under which rooms live, starting and ending with `/`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The meeting URL of `room` under this base.
    pub fn meeting_url(&self, room: RoomName) -> MeetingUrl {
        MeetingUrl::new(self.clone(), room)
    }

    /// The error for this base when a list does not allow it: it names the host and
    /// this base as the entry to add.
    ///
    /// # Usage
    /// ```
    /// use immail_meet_core::MeetingHost;
    /// let sandbox = MeetingHost::parse("http://127.0.0.1:8788/sandbox/meet/").unwrap();
    /// assert_eq!(
    ///     sandbox.not_allowed().to_string(),
    ///     "the meeting host \"127.0.0.1:8788\" is not allowed; add \"http://127.0.0.1:8788/sandbox/meet/\" to <MeetEmbed allowed_hosts>",
    /// );
    /// ```
    pub fn not_allowed(&self) -> MeetingUrlError {
        MeetingUrlError::HostNotAllowed {
            host: shown_host(&self.host, self.port),
            entry: Some(self.clone()),
        }
    }

    /// A base for a URL's canonical parts, if `path` (the URL's folder, with its
    /// slashes) has the form of one.
    pub(super) fn from_parts(
        https: bool,
        host: &str,
        port: Option<u16>,
        path: &str,
    ) -> Option<Self> {
        is_base_path(path).then(|| Self {
            https,
            host: host.to_owned(),
            port,
            path: path.to_owned(),
        })
    }

    /// Whether this base has this (canonical) scheme, host and port.
    pub(super) fn has_origin(&self, https: bool, host: &str, port: Option<u16>) -> bool {
        self.https == https && self.host == host && self.port == port
    }
}

/// A base's path: it starts and ends with `/`, has no empty segment, and holds only
/// `A-Z a-z 0-9 - _ /`.
fn is_base_path(path: &str) -> bool {
    path.starts_with('/')
        && path.ends_with('/')
        && !path.as_bytes().windows(2).any(|pair| pair == b"//")
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_'))
}

/// A host as errors show it: `host` or `host:port`.
pub(super) fn shown_host(host: &str, port: Option<u16>) -> String {
    match port {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    }
}

impl fmt::Display for MeetingHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.https { "https://" } else { "http://" })?;
        f.write_str(&self.host)?;
        if let Some(port) = self.port {
            write!(f, ":{port}")?;
        }
        f.write_str(&self.path)
    }
}

impl FromStr for MeetingHost {
    type Err = MeetingUrlError;

    fn from_str(entry: &str) -> Result<Self, Self::Err> {
        Self::parse(entry)
    }
}

impl Serialize for MeetingHost {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for MeetingHost {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

//! Which meeting URLs may reach an iframe.
//!
//! A meeting URL comes from a backend answer, so it is untrusted input that ends up as a
//! frame's `src`. It is accepted only when it is, byte for byte, one of the allowed
//! meeting bases followed by a valid room name:
//!
//! ```text
//! https://web.immail.ca/meet/19wda8xxxs8eas8q
//! \____________________________/\______________/
//!   allowed base (MeetingHost)      RoomName
//! ```
//!
//! The check is a strict whitelist match rather than a general URL parser: anything a
//! browser might read differently (upper case, trailing dots, backslashes, user-info,
//! percent-escapes, white space, non-ASCII look-alikes, extra ports, queries, fragments)
//! simply fails to match and is refused with a [`MeetingUrlError`] saying why. A general
//! parser such as the `url` crate would also bring IDNA tables into the wasm bundle; the
//! native tests use it as an oracle instead, to prove every accepted URL parses to the
//! same scheme, host, port and path in a real URL parser.

use std::fmt;

/// The host every imMail meeting lives on.
pub const IMMAIL_HOST: &str = "web.immail.ca";
/// The path below which imMail serves meetings.
pub const IMMAIL_MEET_PATH: &str = "/meet/";
/// Longest room name accepted.
pub const MAX_ROOM_NAME_LEN: usize = 128;

/// Why a meeting URL, a room name or an allowed-host entry was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeetingUrlError {
    /// The text was empty.
    Empty,
    /// The text holds white space, a control character, a backslash or non-ASCII text.
    InvalidCharacter,
    /// A relative URL (`/meet/x`, `meet/x`): a grant must name the full meeting URL.
    Relative,
    /// A protocol-relative URL (`//host/...`).
    ProtocolRelative,
    /// A scheme other than `https` (or `http` for an allowed loopback host), such as
    /// `javascript:`, `data:` or `blob:`.
    SchemeNotAllowed(String),
    /// Plain `http` where only `https` is allowed: on a host that is not loopback, or
    /// on one the list allows with `https`.
    InsecureScheme,
    /// `user:password@` before the host.
    HasUserInfo,
    /// The host (with its port, if any) is not on the allow-list.
    HostNotAllowed {
        /// The host, with its port if any (`127.0.0.1:8788`).
        host: String,
        /// The allow-list entry that would accept the URL, when the URL has the form
        /// of one (`http://127.0.0.1:8788/sandbox/meet/`): what to add if the host is
        /// yours.
        entry: Option<MeetingHost>,
    },
    /// The host part is not a well-formed lower-case host name or loopback address.
    MalformedHost(String),
    /// The path is not the allowed meeting path followed by a room name.
    PathNotAllowed,
    /// The URL carries a query of its own; options are added by this crate only.
    HasQuery,
    /// The URL carries a fragment.
    HasFragment,
    /// The room name is empty, too long, or has characters outside `A-Z a-z 0-9 - _`.
    InvalidRoomName,
    /// An allowed-host entry asks for plain `http` on a host that is not loopback.
    HttpNotLoopback(String),
}

impl fmt::Display for MeetingUrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the meeting URL is empty"),
            Self::InvalidCharacter => f.write_str(
                "the meeting URL contains white space, a control character, a backslash or non-ASCII text",
            ),
            Self::Relative => f.write_str("the meeting URL is relative; an absolute https URL is required"),
            Self::ProtocolRelative => {
                f.write_str("the meeting URL is protocol-relative (//host); an absolute https URL is required")
            }
            Self::SchemeNotAllowed(s) => write!(f, "the meeting URL scheme \"{s}\" is not allowed; only https is"),
            Self::InsecureScheme => f.write_str(
                "the meeting URL uses plain http, which only a loopback sandbox in <MeetEmbed allowed_hosts> may use",
            ),
            Self::HasUserInfo => f.write_str("the meeting URL contains user credentials (user@host)"),
            Self::HostNotAllowed { host, entry: Some(entry) } => write!(
                f,
                "the meeting host \"{host}\" is not allowed; add \"{entry}\" to <MeetEmbed allowed_hosts>"
            ),
            Self::HostNotAllowed { host, entry: None } => {
                write!(f, "the meeting host \"{host}\" is not in <MeetEmbed allowed_hosts>")
            }
            Self::MalformedHost(h) => write!(f, "\"{h}\" is not a well-formed lower-case host name"),
            Self::PathNotAllowed => f.write_str("the meeting URL path is not an allowed meeting path"),
            Self::HasQuery => f.write_str("the meeting URL carries a query string of its own"),
            Self::HasFragment => f.write_str("the meeting URL carries a fragment (#...)"),
            Self::InvalidRoomName => f.write_str(
                "the room name must be 1 to 128 characters of letters, digits, '-' and '_'",
            ),
            Self::HttpNotLoopback(h) => {
                write!(f, "plain http is only allowed for loopback hosts, not \"{h}\"")
            }
        }
    }
}

impl std::error::Error for MeetingUrlError {}

/// A validated room name: 1 to 128 characters of `A-Z a-z 0-9 - _`.
///
/// # Usage
/// ```
/// use immail_meet::RoomName;
/// assert_eq!(RoomName::parse("75769f9a-1f49").unwrap().as_str(), "75769f9a-1f49");
/// assert!(RoomName::parse("../admin").is_err());
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RoomName(String);

impl RoomName {
    /// Checks `name` and wraps it.
    pub fn parse(name: &str) -> Result<Self, MeetingUrlError> {
        let ok = !name.is_empty()
            && name.len() <= MAX_ROOM_NAME_LEN
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok {
            Ok(Self(name.to_owned()))
        } else {
            Err(MeetingUrlError::InvalidRoomName)
        }
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RoomName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One allowed meeting base: scheme, host, optional port and the path under which
/// rooms live, e.g. `https://web.immail.ca/meet/`.
///
/// # Usage
/// ```
/// use immail_meet::MeetingHost;
/// // A bare host means https and imMail's `/meet/` path.
/// let host = MeetingHost::parse("meet.example.com").unwrap();
/// assert_eq!(host.to_string(), "https://meet.example.com/meet/");
/// // Plain http only for loopback, e.g. the reference server's sandbox.
/// let sandbox = MeetingHost::parse("http://127.0.0.1:8787/sandbox/meet/").unwrap();
/// assert_eq!(sandbox.port(), Some(8787));
/// assert!(MeetingHost::parse("http://example.com/meet/").is_err());
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
    /// path must start and end with `/`. Upper-case letters in the host are lowered:
    /// the entry is the developer's configuration, not untrusted input.
    pub fn parse(entry: &str) -> Result<Self, MeetingUrlError> {
        check_characters(entry)?;
        let (https, rest) = if let Some(rest) = entry.strip_prefix("https://") {
            (true, rest)
        } else if let Some(rest) = entry.strip_prefix("http://") {
            (false, rest)
        } else if let Some(end) = find(entry, "://") {
            let scheme = entry.get(..end).unwrap_or_default();
            return Err(MeetingUrlError::SchemeNotAllowed(scheme.to_owned()));
        } else {
            (true, entry)
        };
        let (authority, path) = match rest.find('/') {
            Some(i) => (
                rest.get(..i).unwrap_or_default(),
                rest.get(i..).unwrap_or_default(),
            ),
            None if find(entry, "://").is_some() => (rest, "/"),
            None => (rest, IMMAIL_MEET_PATH),
        };
        let authority = authority.to_ascii_lowercase();
        let (host, port) = split_authority(&authority)?;
        if !https && !is_loopback(host) {
            return Err(MeetingUrlError::HttpNotLoopback(host.to_owned()));
        }
        if !is_base_path(path) {
            return Err(MeetingUrlError::PathNotAllowed);
        }
        Ok(Self {
            https,
            host: host.to_owned(),
            port,
            path: path.to_owned(),
        })
    }

    /// `true` for `https`, `false` for a loopback `http` sandbox.
    pub fn is_https(&self) -> bool {
        self.https
    }

    /// The lower-case host name or address.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The explicit port, if any.
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// The path under which rooms live, starting and ending with `/`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The meeting URL of `room` under this base.
    pub fn meeting_url(&self, room: RoomName) -> MeetingUrl {
        MeetingUrl {
            base: self.clone(),
            room,
        }
    }

    /// The error for this base when a list does not allow it: it names the host and
    /// this base as the entry to add.
    pub fn not_allowed(&self) -> MeetingUrlError {
        let host = match self.port {
            Some(port) => format!("{}:{port}", self.host),
            None => self.host.clone(),
        };
        MeetingUrlError::HostNotAllowed {
            host,
            entry: Some(self.clone()),
        }
    }

    fn origin_matches(&self, https: bool, host: &str, port: Option<u16>) -> bool {
        self.https == https && self.host == host && self.port == port
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

/// The meeting bases a grant's meeting URL may point to. The default allows only
/// `https://web.immail.ca/meet/`.
///
/// # Usage
/// ```
/// use immail_meet::AllowedHosts;
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
        entries
            .into_iter()
            .map(|e| MeetingHost::parse(e.as_ref()))
            .collect::<Result<_, _>>()
            .map(Self)
    }

    /// This list plus one more entry.
    pub fn with(self, entry: &str) -> Result<Self, MeetingUrlError> {
        Ok(self.with_host(MeetingHost::parse(entry)?))
    }

    /// This list plus one more base (e.g. a server's
    /// [`PublicConfig::meeting_base`](super::PublicConfig)).
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

    /// Validates an untrusted meeting URL against this list.
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

/// A meeting URL that passed [`AllowedHosts::check`]: an allowed base plus a room name.
///
/// Its text is rebuilt from the validated parts, so it is exactly the checked input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingUrl {
    base: MeetingHost,
    room: RoomName,
}

impl MeetingUrl {
    /// Validates `url` against `allowed`. See the module docs for the rules.
    pub fn parse(url: &str, allowed: &AllowedHosts) -> Result<Self, MeetingUrlError> {
        check_characters(url)?;
        if url.starts_with("//") {
            return Err(MeetingUrlError::ProtocolRelative);
        }
        let Some((scheme, rest)) = url.split_once(':').filter(|(scheme, _)| is_scheme(scheme))
        else {
            return Err(MeetingUrlError::Relative);
        };
        let https = match scheme {
            "https" => true,
            "http" => false,
            other => return Err(MeetingUrlError::SchemeNotAllowed(other.to_owned())),
        };
        let Some(rest) = rest.strip_prefix("//") else {
            return Err(MeetingUrlError::Relative);
        };
        match (rest.find('?'), rest.find('#')) {
            (Some(q), Some(h)) if h < q => return Err(MeetingUrlError::HasFragment),
            (Some(_), _) => return Err(MeetingUrlError::HasQuery),
            (None, Some(_)) => return Err(MeetingUrlError::HasFragment),
            (None, None) => {}
        }
        let (authority, path) = match rest.split_once('/') {
            Some((authority, path)) => (authority, path),
            None => (rest, ""),
        };
        if authority.contains('@') {
            return Err(MeetingUrlError::HasUserInfo);
        }
        let (host, port) = split_authority(authority)?;
        let Some(base) = allowed
            .0
            .iter()
            .find(|b| b.origin_matches(https, host, port))
        else {
            let https_allowed = allowed.0.iter().any(|b| b.origin_matches(true, host, port));
            if https_allowed || !(https || is_loopback(host)) {
                return Err(MeetingUrlError::InsecureScheme);
            }
            // The entry that would allow it: the URL up to the room name.
            let folder = path
                .rfind('/')
                .and_then(|end| path.get(..=end))
                .unwrap_or_default();
            let path = format!("/{folder}");
            let entry = is_base_path(&path).then(|| MeetingHost {
                https,
                host: host.to_owned(),
                port,
                path,
            });
            return Err(MeetingUrlError::HostNotAllowed {
                host: authority.to_owned(),
                entry,
            });
        };
        // `path` lacks its leading '/', which `base.path` has.
        let room = base
            .path
            .strip_prefix('/')
            .and_then(|prefix| path.strip_prefix(prefix));
        match room {
            Some(room) if !room.contains('/') => Ok(Self {
                base: base.clone(),
                room: RoomName::parse(room)?,
            }),
            _ => Err(MeetingUrlError::PathNotAllowed),
        }
    }

    /// The base the URL matched.
    pub fn base(&self) -> &MeetingHost {
        &self.base
    }

    /// The room name.
    pub fn room(&self) -> &RoomName {
        &self.room
    }
}

impl fmt::Display for MeetingUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.base, self.room)
    }
}

/// Where `needle` (not empty) first occurs in `text`. Byte windows rather than
/// `str::find` with a string pattern: that searcher, with the panic messages it brings,
/// costs the wasm bundle about 3 KB gzip (measured on the demo page).
fn find(text: &str, needle: &str) -> Option<usize> {
    text.as_bytes()
        .windows(needle.len())
        .position(|window| window == needle.as_bytes())
}

/// A meeting base's path: starts and ends with `/`, only `A-Z a-z 0-9 - _ /`, no
/// empty segment.
fn is_base_path(path: &str) -> bool {
    path.starts_with('/')
        && path.ends_with('/')
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_'))
        && find(path, "//").is_none()
}

/// Printable ASCII only, and no backslash (which browsers read as `/` in http URLs).
fn check_characters(text: &str) -> Result<(), MeetingUrlError> {
    if text.is_empty() {
        return Err(MeetingUrlError::Empty);
    }
    if text.bytes().all(|b| b.is_ascii_graphic() && b != b'\\') {
        Ok(())
    } else {
        Err(MeetingUrlError::InvalidCharacter)
    }
}

/// A URL scheme: a letter, then letters, digits, `+`, `-` or `.`.
fn is_scheme(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// Splits `host[:port]` (or `[::1]:port`) and checks both parts strictly.
fn split_authority(authority: &str) -> Result<(&str, Option<u16>), MeetingUrlError> {
    let malformed = || MeetingUrlError::MalformedHost(authority.to_owned());
    let (host, port) = match authority.strip_prefix("[::1]") {
        Some("") => ("[::1]", None),
        Some(rest) => ("[::1]", Some(rest.strip_prefix(':').ok_or_else(malformed)?)),
        None => match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    let port = match port {
        None => None,
        Some(p) => {
            let valid = !p.is_empty()
                && p.len() <= 5
                && !p.starts_with('0')
                && p.bytes().all(|b| b.is_ascii_digit());
            Some(
                p.parse::<u16>()
                    .ok()
                    .filter(|_| valid)
                    .ok_or_else(malformed)?,
            )
        }
    };
    if host == "[::1]" || is_dns_name(host) {
        Ok((host, port))
    } else {
        Err(malformed())
    }
}

/// A lower-case DNS name (or dotted IPv4): labels of `a-z 0-9 -`, no empty label, no
/// label starting or ending with `-`, no trailing dot.
fn is_dns_name(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

/// `localhost`, `127.x.y.z` or `[::1]`.
fn is_loopback(host: &str) -> bool {
    if host == "localhost" || host == "[::1]" {
        return true;
    }
    let octets: Vec<&str> = host.split('.').collect();
    octets.len() == 4
        && octets[0] == "127"
        && octets.iter().all(|o| {
            !o.is_empty()
                && o.len() <= 3
                && o.bytes().all(|b| b.is_ascii_digit())
                && o.parse::<u8>().is_ok()
        })
}

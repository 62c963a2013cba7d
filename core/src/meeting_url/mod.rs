//! Which meeting URLs may reach an iframe.
//!
//! A meeting URL comes from a backend answer, so it is untrusted input that ends up as a
//! frame's `src`. It is accepted only when it is one of the allowed meeting bases
//! followed by a valid room name:
//!
//! ```text
//! https://web.immail.ca/meet/19wda8xxxs8eas8q
//! \__________________________/\______________/
//!   allowed base (MeetingHost)      RoomName
//! ```
//!
//! What every browser reads as the same address is the same address: the letter case
//! of the scheme and the host, and the scheme's default port (`:443` for https, `:80`
//! for http), are normalised, and the canonical form ([`MeetingUrl`]'s `Display`) is
//! what reaches the iframe. Everything else a browser might read differently (trailing
//! dots, backslashes, user-info, percent-escapes, white space, non-ASCII look-alikes,
//! other ports, numeric hosts not written as four decimal octets, queries, fragments,
//! the path's letter case) fails to match and is refused with a [`MeetingUrlError`]
//! saying why. The check is a strict whitelist match, not a general URL parser (which
//! would bring IDNA tables into a wasm bundle); the tests run ~300,000 URL variants
//! through it and through the `url` crate and prove that whatever is accepted means the
//! same scheme, host, port and path to a real URL parser.
//!
//! | file | holds |
//! | --- | --- |
//! | `allowed_hosts.rs` | [`AllowedHosts`] |
//! | `meeting_host.rs` | [`MeetingHost`] (one allowed base) |
//! | `room_name.rs` | [`RoomName`] |
//! | `syntax.rs` | the shared lexical rules (characters, scheme, host, port) |
//! | `error.rs` | [`MeetingUrlError`] |

mod allowed_hosts;
mod error;
mod meeting_host;
mod room_name;
mod syntax;

use std::fmt;

pub use allowed_hosts::AllowedHosts;
pub use error::MeetingUrlError;
use meeting_host::shown_host;
pub use meeting_host::{MeetingHost, IMMAIL_HOST, IMMAIL_MEET_PATH};
pub use room_name::RoomName;
use syntax::{check_characters, is_https, is_loopback, is_scheme, split_authority};

/// A meeting URL that passed [`AllowedHosts::check`]: an allowed base plus a room name.
///
/// Its text (`Display`) is rebuilt from the validated parts, in canonical form.
///
/// # Usage
/// ```
/// use immail_meet_core::AllowedHosts;
/// let url = AllowedHosts::default().check("HTTPS://Web.Immail.CA:443/meet/Abc").unwrap();
/// assert_eq!(url.to_string(), "https://web.immail.ca/meet/Abc");
/// assert_eq!(url.room().as_str(), "Abc");
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingUrl {
    base: MeetingHost,
    room: RoomName,
}

impl MeetingUrl {
    pub(crate) fn new(base: MeetingHost, room: RoomName) -> Self {
        Self { base, room }
    }

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
        let https = is_https(scheme)?;
        let Some(rest) = rest.strip_prefix("//") else {
            return Err(MeetingUrlError::Relative);
        };
        match (rest.find('?'), rest.find('#')) {
            (Some(q), Some(h)) if h < q => return Err(MeetingUrlError::HasFragment),
            (Some(_), _) => return Err(MeetingUrlError::HasQuery),
            (None, Some(_)) => return Err(MeetingUrlError::HasFragment),
            (None, None) => {}
        }
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        if authority.contains('@') {
            return Err(MeetingUrlError::HasUserInfo);
        }
        let (host, port) = split_authority(authority, https)?;
        let Some(base) = allowed
            .hosts()
            .iter()
            .find(|b| b.has_origin(https, &host, port))
        else {
            // Plain http is for a loopback sandbox only, and never for a host the list
            // allows with https.
            let https_listed = allowed
                .hosts()
                .iter()
                .any(|b| b.has_origin(true, &host, port));
            if !https && (https_listed || !is_loopback(&host)) {
                return Err(MeetingUrlError::InsecureScheme);
            }
            // The entry that would allow it: the URL up to its last `/`.
            let folder = path.rfind('/').and_then(|end| path.get(..=end));
            let folder = folder.unwrap_or_default();
            return Err(MeetingUrlError::HostNotAllowed {
                entry: MeetingHost::from_parts(https, &host, port, &format!("/{folder}")),
                host: shown_host(&host, port),
            });
        };
        // `path` lacks its leading '/', which the base's path has.
        let room = base
            .path()
            .strip_prefix('/')
            .and_then(|prefix| path.strip_prefix(prefix))
            .filter(|room| !room.contains('/'))
            .ok_or(MeetingUrlError::PathNotAllowed)?;
        Ok(Self::new(base.clone(), RoomName::parse(room)?))
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
    /// The canonical text: the base, then the room name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.base, self.room)
    }
}

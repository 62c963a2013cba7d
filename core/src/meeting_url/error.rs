//! [`MeetingUrlError`]: why a meeting URL, a room name or an allow-list entry was refused.

use super::MeetingHost;
use crate::limits::MAX_ROOM_NAME_LEN;

/// Why a meeting URL, a room name or an allow-list entry was refused.
///
/// # Usage
/// ```
/// use immail_meet_core::{AllowedHosts, MeetingUrlError};
/// let refused = AllowedHosts::default().check("javascript:alert(1)").unwrap_err();
/// assert_eq!(refused, MeetingUrlError::SchemeNotAllowed("javascript".into()));
/// assert_eq!(refused.to_string(), "the meeting URL scheme \"javascript\" is not allowed; only https is");
///
/// // A host that is not listed names the entry that would allow it.
/// let refused = AllowedHosts::default().check("http://127.0.0.1:8788/sandbox/meet/abc").unwrap_err();
/// assert_eq!(
///     refused.to_string(),
///     "the meeting host \"127.0.0.1:8788\" is not allowed; add \"http://127.0.0.1:8788/sandbox/meet/\" to <MeetEmbed allowed_hosts>",
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MeetingUrlError {
    /// The text was empty.
    #[error("the meeting URL is empty")]
    Empty,
    /// The text holds white space, a control character, a backslash or non-ASCII text.
    #[error(
        "the meeting URL contains white space, a control character, a backslash or non-ASCII text"
    )]
    InvalidCharacter,
    /// A relative URL (`/meet/x`, `meet/x`): a grant must name the full meeting URL.
    #[error("the meeting URL is relative; an absolute https URL is required")]
    Relative,
    /// A protocol-relative URL (`//host/...`).
    #[error("the meeting URL is protocol-relative (//host); an absolute https URL is required")]
    ProtocolRelative,
    /// A scheme other than `https` (or `http` for an allowed loopback host), such as
    /// `javascript:`, `data:` or `blob:` (in lower case).
    #[error("the meeting URL scheme \"{0}\" is not allowed; only https is")]
    SchemeNotAllowed(String),
    /// Plain `http` where only `https` is allowed: on a host that is not loopback, or
    /// on one the list allows with `https`.
    #[error(
        "the meeting URL uses plain http, which only a loopback sandbox in <MeetEmbed allowed_hosts> may use"
    )]
    InsecureScheme,
    /// `user:password@` before the host.
    #[error("the meeting URL contains user credentials (user@host)")]
    HasUserInfo,
    /// The host (with its port, if any) is not on the allow-list. A loopback `http`
    /// URL that is not listed is this error too (not [`InsecureScheme`]): a local
    /// sandbox is allowed by adding it.
    ///
    /// [`InsecureScheme`]: MeetingUrlError::InsecureScheme
    #[error("{}", host_not_allowed(host, entry.as_ref()))]
    HostNotAllowed {
        /// The host, with its port if any, in canonical form (`127.0.0.1:8788`).
        host: String,
        /// The allow-list entry that would accept the URL, when the URL has the form
        /// of one (`http://127.0.0.1:8788/sandbox/meet/`): what to add if the host is
        /// yours.
        entry: Option<MeetingHost>,
    },
    /// The host part is not a well-formed host name or loopback address.
    #[error("\"{0}\" is not a well-formed host name")]
    MalformedHost(String),
    /// The path is not the allowed meeting path followed by a room name.
    #[error("the meeting URL path is not an allowed meeting path")]
    PathNotAllowed,
    /// The URL carries a query of its own; options are added by this crate only.
    #[error("the meeting URL carries a query string of its own")]
    HasQuery,
    /// The URL carries a fragment.
    #[error("the meeting URL carries a fragment (#...)")]
    HasFragment,
    /// The room name is empty, too long, or has characters outside `A-Z a-z 0-9 - _`.
    #[error(
        "the room name must be 1 to {MAX_ROOM_NAME_LEN} characters of letters, digits, '-' and '_'"
    )]
    InvalidRoomName,
    /// An allowed-host entry asks for plain `http` on a host that is not loopback.
    #[error("plain http is only allowed for loopback hosts, not \"{0}\"")]
    HttpNotLoopback(String),
}

fn host_not_allowed(host: &str, entry: Option<&MeetingHost>) -> String {
    match entry {
        Some(entry) => format!(
            "the meeting host \"{host}\" is not allowed; add \"{entry}\" to <MeetEmbed allowed_hosts>"
        ),
        None => format!("the meeting host \"{host}\" is not in <MeetEmbed allowed_hosts>"),
    }
}

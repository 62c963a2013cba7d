//! [`MeetError`]: everything that can stop a `<MeetEmbed>` from joining, as one type
//! with a readable message.

use std::fmt;

use super::grant::GrantError;
use super::options::OptionsError;

/// Longest server-provided message kept in an error (longer ones are cut).
pub const MAX_SERVER_MESSAGE_CHARS: usize = 200;

/// Why fetching a grant failed before there was an answer to validate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GrantFetchError {
    /// The request never got an answer (offline, DNS, CORS, connection refused).
    Network,
    /// No answer within the time-out, in milliseconds.
    Timeout(u32),
    /// The backend answered with a non-2xx status. `code` and `message` come from
    /// its `{"error": {"code", "message"}}` body when it has one.
    Status {
        /// The HTTP status.
        status: u16,
        /// The error code from the body, if any.
        code: Option<String>,
        /// The error message from the body, if any (at most 200 characters).
        message: Option<String>,
    },
    /// The answer is larger than the limit, in bytes.
    TooLarge(u32),
    /// A custom grant source failed; its message.
    Source(String),
    /// The answer arrived but is not what the call expects (a reference server call
    /// such as [`PublicConfig`](super::PublicConfig)); why.
    Unreadable(String),
}

impl GrantFetchError {
    /// A `Status` error from a status and the body the backend sent with it.
    pub fn from_status(status: u16, body: &str) -> Self {
        let (code, message) = error_body(body);
        Self::Status {
            status,
            code,
            message,
        }
    }
}

/// Reads `{"error": {"code": "...", "message": "..."}}`, tolerating anything else.
fn error_body(body: &str) -> (Option<String>, Option<String>) {
    use super::json::{parse, Json};
    let Ok(value) = parse(body) else {
        return (None, None);
    };
    let error = value.get("error");
    let text = |key| match error.and_then(|e| e.get(key)) {
        Some(Json::String(s)) if !s.trim().is_empty() => {
            Some(s.chars().take(MAX_SERVER_MESSAGE_CHARS).collect())
        }
        _ => None,
    };
    (text("code"), text("message"))
}

impl fmt::Display for GrantFetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Network => f.write_str("could not reach the meeting service"),
            Self::Timeout(ms) => write!(
                f,
                "the meeting service did not answer within {} s",
                ms.div_ceil(1000)
            ),
            Self::Status {
                status,
                message: Some(m),
                ..
            } => write!(f, "{m} (HTTP {status})"),
            Self::Status { status, .. } => write!(f, "the meeting service answered HTTP {status}"),
            Self::TooLarge(limit) => write!(
                f,
                "the meeting service's answer is larger than {limit} bytes"
            ),
            Self::Source(m) => f.write_str(m),
            Self::Unreadable(why) => {
                write!(f, "the meeting service's answer cannot be read: {why}")
            }
        }
    }
}

impl std::error::Error for GrantFetchError {}

/// Everything that can keep a `<MeetEmbed>` from joining.
///
/// `Display` gives a sentence fit for the page; match on the variants for details.
#[derive(Clone, Debug, PartialEq)]
pub enum MeetError {
    /// Neither an endpoint nor a grant source was given.
    NoGrantSource,
    /// The grant could not be fetched.
    Fetch(GrantFetchError),
    /// The answer was not a valid grant (refused URL, bad token, expired twice...).
    Grant(GrantError),
    /// The names or extra options were refused.
    Options(OptionsError),
}

impl MeetError {
    /// Whether trying again may help (network trouble, time-outs, server errors,
    /// expiry), as opposed to a configuration or contract error.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Fetch(GrantFetchError::Status { status, .. }) => {
                *status >= 500 || *status == 408 || *status == 429
            }
            Self::Fetch(
                GrantFetchError::Network | GrantFetchError::Timeout(_) | GrantFetchError::Source(_),
            ) => true,
            Self::Grant(GrantError::Expired) => true,
            _ => false,
        }
    }
}

impl fmt::Display for MeetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoGrantSource => f.write_str("no grant endpoint or grant source was configured"),
            Self::Fetch(e) => write!(f, "Could not join: {e}."),
            Self::Grant(e) => write!(f, "Could not join: {e}."),
            Self::Options(e) => write!(f, "Could not join: {e}."),
        }
    }
}

impl std::error::Error for MeetError {}

impl From<GrantFetchError> for MeetError {
    fn from(e: GrantFetchError) -> Self {
        Self::Fetch(e)
    }
}

impl From<GrantError> for MeetError {
    fn from(e: GrantError) -> Self {
        Self::Grant(e)
    }
}

impl From<OptionsError> for MeetError {
    fn from(e: OptionsError) -> Self {
        Self::Options(e)
    }
}

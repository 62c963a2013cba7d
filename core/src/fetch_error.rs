//! [`FetchError`]: why an HTTP call from the browser (a grant, a page of history, the
//! reference server's API) failed before there was an answer to read.

#[cfg(doc)]
use crate::api::ErrorBody;
use crate::limits::MAX_SERVER_MESSAGE_CHARS;
use crate::read;

/// Why an HTTP call failed before there was an answer to read.
///
/// # Usage
/// ```
/// use immail_meet_core::FetchError;
/// let error = FetchError::from_status(404, r#"{"error":{"code":"room_not_found","message":"No such room"}}"#);
/// assert_eq!(error.to_string(), "No such room (HTTP 404)");
/// assert_eq!(FetchError::from_status(502, "<html>").to_string(), "the meeting service answered HTTP 502");
/// ```
///
/// # Server-Side Rendering
/// Pure data: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The request never got an answer (offline, DNS, CORS, connection refused).
    #[error("could not reach the meeting service")]
    Network,
    /// No answer within the time-out, in milliseconds (the request was aborted).
    #[error("the meeting service did not answer within {} s", .0.div_ceil(1000))]
    Timeout(u32),
    /// The service answered with a non-2xx status. `code` and `message` come from its
    /// `{"error": {"code", "message"}}` body ([`ErrorBody`]) when it has one.
    #[error("{}", status_text(*.status, .message.as_deref()))]
    Status {
        /// The HTTP status.
        status: u16,
        /// The error code from the body, if any.
        code: Option<String>,
        /// The error message from the body, if any (at most
        /// [`MAX_SERVER_MESSAGE_CHARS`] characters).
        message: Option<String>,
    },
    /// The answer is larger than the limit, in bytes (reading stopped there).
    #[error("the meeting service's answer is larger than {0} bytes")]
    TooLarge(u32),
    /// The answer came through a redirect, typically to a sign-in page: it is not the
    /// service's answer. `url` is where the request ended up.
    #[error("the request was redirected, probably to a sign-in page: sign in and try again")]
    Redirected {
        /// The URL the answer came from.
        url: String,
    },
    /// A custom source (an app's own function) failed; its message.
    #[error("{0}")]
    Source(String),
    /// A 2xx answer that is not what the call expects (e.g. a [`PublicConfig`] without
    /// its `meeting_base`); why, naming the member.
    ///
    /// [`PublicConfig`]: crate::PublicConfig
    #[error("the meeting service's answer cannot be read: {0}")]
    Unreadable(String),
}

fn status_text(status: u16, message: Option<&str>) -> String {
    match message {
        Some(message) => format!("{message} (HTTP {status})"),
        None => format!("the meeting service answered HTTP {status}"),
    }
}

impl FetchError {
    /// A `Status` error from a status and the body the service sent with it: its
    /// `{"error": {"code", "message"}}`, if it is that, else neither.
    pub fn from_status(status: u16, body: &str) -> Self {
        let body = read::parse(body.as_bytes()).ok();
        let error = body.as_ref().and_then(|body| body.get("error"));
        let text = |member| {
            let text = error?.get(member)?.as_str()?;
            let shown = !text.trim().is_empty();
            shown.then(|| text.chars().take(MAX_SERVER_MESSAGE_CHARS).collect())
        };
        Self::Status {
            status,
            code: text("code"),
            message: text("message"),
        }
    }

    /// Whether trying again may help: no answer, a time-out, a server error (`5xx`,
    /// `408`, `429`) or a custom source's failure; not a redirect or a client error.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Status { status, .. } => *status >= 500 || *status == 408 || *status == 429,
            Self::Network | Self::Timeout(_) | Self::Source(_) => true,
            Self::TooLarge(_) | Self::Redirected { .. } | Self::Unreadable(_) => false,
        }
    }
}

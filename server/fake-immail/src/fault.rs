//! [`Fault`]: what the fake does instead of (or before) answering normally.

use std::time::Duration;

/// Text included in every error or malformed body the fake sends. A test that finds it in
/// one of the server's responses or log lines has caught an upstream body being echoed.
pub const UPSTREAM_BODY_MARKER: &str = "upstream-body-must-not-be-echoed";

/// A fault injected into one call (see `FakeImmail::push_fault`) or every call
/// (`FakeImmail::set_fault`). The request is still counted and checked first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Answer with this status and body instead of the real answer.
    Answer {
        /// HTTP status.
        status: u16,
        /// Raw body, sent as `application/json` whatever it holds.
        body: String,
        /// Wait before answering.
        delay: Duration,
    },
    /// Wait this long, then answer normally (if the client is still there).
    Delay(Duration),
}

impl Fault {
    /// An error status with a JSON body holding [`UPSTREAM_BODY_MARKER`].
    pub fn status(status: u16) -> Self {
        Self::Answer {
            status,
            body: format!(
                r#"{{"statusCode":{status},"message":"fake failure","detail":"{UPSTREAM_BODY_MARKER}"}}"#
            ),
            delay: Duration::ZERO,
        }
    }

    /// A `200 OK` whose body is `body` (malformed JSON, wrong types, ...).
    pub fn ok_body(body: impl Into<String>) -> Self {
        Self::Answer {
            status: 200,
            body: body.into(),
            delay: Duration::ZERO,
        }
    }

    /// The same answer, sent after `ms` milliseconds (a slow failure).
    pub fn after_ms(self, ms: u64) -> Self {
        match self {
            Self::Answer { status, body, .. } => Self::Answer {
                status,
                body,
                delay: Duration::from_millis(ms),
            },
            Self::Delay(delay) => Self::Delay(delay + Duration::from_millis(ms)),
        }
    }

    /// A wait of `ms` milliseconds before the normal answer.
    pub fn delay_ms(ms: u64) -> Self {
        Self::Delay(Duration::from_millis(ms))
    }
}

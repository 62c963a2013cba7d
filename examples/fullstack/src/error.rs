//! [`AppError`]: the one error of this app's server functions, in the browser and on the
//! server.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// Why a server function failed, as the person in front of the page reads it.
///
/// The meeting backend's refusals keep their HTTP status and code (`unauthenticated`,
/// `forbidden`, `room_not_found`, `rate_limited`, …): a server function answers with that
/// status, and so does a page the server renders with it (a guest's history page is a
/// `403`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The meeting backend refused or failed.
    #[error("{message}")]
    Meet {
        /// The HTTP status it answers with.
        status: u16,
        /// Its stable code (`error.code` of the backend's JSON errors).
        code: String,
        /// Its message, safe to show.
        message: String,
    },
    /// What was typed cannot be used (`400`).
    #[error("{0}")]
    Invalid(String),
    /// Calling the server function failed (network, encoding).
    #[error("{0}")]
    ServerFn(String),
}

impl AppError {
    /// The HTTP status of this error.
    pub fn status(&self) -> u16 {
        match self {
            Self::Meet { status, .. } => *status,
            Self::Invalid(_) => 400,
            Self::ServerFn(_) => 500,
        }
    }

    /// Whether signing in would help.
    pub fn needs_sign_in(&self) -> bool {
        matches!(self, Self::Meet { code, .. } if code == "unauthenticated")
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        Self::ServerFn(error.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<immail_meet_server::ApiError> for AppError {
    fn from(error: immail_meet_server::ApiError) -> Self {
        if error.status().is_server_error() {
            // The detail holds no secret (see ApiError); the browser gets the message only.
            tracing::warn!(code = error.code(), detail = ?error, "server function failed");
        }
        Self::Meet {
            status: error.status().as_u16(),
            code: error.code().to_owned(),
            message: error.to_string(),
        }
    }
}

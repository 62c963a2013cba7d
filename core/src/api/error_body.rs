//! [`ErrorBody`]: how the API says what went wrong.

use serde::{Deserialize, Serialize};

/// Every error answer of the API: `{"error": {"code": "room_not_found", "message":
/// "No such meeting room."}}`, with its HTTP status. The message is written for the
/// person in front of the page; clients show it as text.
///
/// # Usage
/// ```
/// use immail_meet_core::{ErrorBody, FetchError};
/// let body = ErrorBody::new("room_not_found", "No such meeting room.");
/// let json = serde_json::to_string(&body).unwrap();
/// assert_eq!(json, r#"{"error":{"code":"room_not_found","message":"No such meeting room."}}"#);
/// // What a client makes of it.
/// assert_eq!(FetchError::from_status(404, &json).to_string(), "No such meeting room. (HTTP 404)");
/// ```
///
/// # Server-Side Rendering
/// Pure data: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// The `error` member of an [`ErrorBody`]. A missing `code` or `message` reads as empty.
///
/// # Usage
/// ```
/// use immail_meet_core::ErrorBody;
/// let body: ErrorBody = serde_json::from_str(r#"{"error": {"message": "Try later."}}"#).unwrap();
/// assert_eq!((body.error.code.as_str(), body.error.message.as_str()), ("", "Try later."));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// A stable, machine-readable code (`room_not_found`, `forbidden`, ...).
    #[serde(default)]
    pub code: String,
    /// A sentence for people.
    #[serde(default)]
    pub message: String,
}

impl ErrorBody {
    /// An error body with this code and message.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            error: ErrorDetail {
                code: code.into(),
                message: message.into(),
            },
        }
    }
}

//! [`Caller`]: who is calling, as the app's [`super::Identity`] decided, and its
//! extractor.

use std::fmt;

use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;

use crate::{ApiError, MeetApi};

/// Longest caller id, in bytes.
pub const MAX_CALLER_ID_BYTES: usize = 256;

/// A caller's stable id: what a room's creator is stored as, and what rate limits are
/// counted by. The app chooses it (`"user:42"`); the visitor cookie's are
/// `"visitor:<hex>"`. Never logged.
///
/// # Usage
/// ```
/// use immail_meet_server::CallerId;
/// assert_eq!(CallerId::new("user:42").unwrap().as_str(), "user:42");
/// assert!(CallerId::new("").is_err());
/// assert_eq!(format!("{:?}", CallerId::new("user:42").unwrap()), "CallerId(<redacted>)");
/// ```
///
/// # Server-Side Rendering
/// Server only.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct CallerId(String);

/// A caller id that is empty, longer than [`MAX_CALLER_ID_BYTES`] or holds control
/// characters.
#[derive(Debug, thiserror::Error)]
#[error("a caller id must be 1 to {MAX_CALLER_ID_BYTES} bytes of text without control characters")]
pub struct InvalidCallerId;

impl CallerId {
    /// Checks an id.
    pub fn new(id: impl Into<String>) -> Result<Self, InvalidCallerId> {
        let id = id.into();
        if id.is_empty() || id.len() > MAX_CALLER_ID_BYTES || id.chars().any(char::is_control) {
            return Err(InvalidCallerId);
        }
        Ok(Self(id))
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for CallerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CallerId(<redacted>)")
    }
}

/// Who is calling: an identified caller (an id, and the name the app knows them by), or
/// an anonymous one, who may join a meeting as a guest if the identity allows it but
/// can neither create rooms nor moderate.
///
/// In a handler of your own app it is an extractor (its rejection is an [`ApiError`]),
/// as long as your state holds a [`MeetApi`] (`FromRef`).
///
/// # Usage
/// ```
/// use immail_meet_server::Caller;
/// let alice = Caller::identified("user:42").unwrap().with_display_name("Alice Martin");
/// assert_eq!(alice.id().unwrap().as_str(), "user:42");
/// assert_eq!(alice.display_name(), Some("Alice Martin"));
/// assert!(Caller::anonymous().id().is_none());
/// ```
///
/// # Server-Side Rendering
/// Server only. A Leptos `#[server]` function builds the `Caller` from its own session
/// (or extracts it) and passes it to [`MeetApi::grant`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    id: Option<CallerId>,
    display_name: Option<String>,
}

impl Caller {
    /// A caller the app identified.
    pub fn identified(id: impl Into<String>) -> Result<Self, InvalidCallerId> {
        Ok(Self::from_id(CallerId::new(id)?))
    }

    /// A caller with a checked id.
    pub fn from_id(id: CallerId) -> Self {
        Self {
            id: Some(id),
            display_name: None,
        }
    }

    /// A caller nobody identified.
    pub fn anonymous() -> Self {
        Self {
            id: None,
            display_name: None,
        }
    }

    /// The name grants use when the request names nobody (e.g. the signed-in user's).
    pub fn with_display_name(mut self, name: impl Into<String>) -> Self {
        self.display_name = Some(name.into());
        self
    }

    /// The id, unless anonymous.
    pub fn id(&self) -> Option<&CallerId> {
        self.id.as_ref()
    }

    /// The app's name for the caller.
    pub fn display_name(&self) -> Option<&str> {
        self.display_name.as_deref()
    }
}

impl<S> FromRequestParts<S> for Caller
where
    MeetApi: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let api = MeetApi::from_ref(state);
        api.identity().caller(parts).await
    }
}

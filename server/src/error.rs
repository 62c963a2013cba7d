//! [`ApiError`]: every error the API answers, as `{"error": {"code", "message"}}`.

use std::time::Duration;

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::store::StoreError;
use crate::upstream::UpstreamError;

/// An API error: the one error type of every route, every [`crate::MeetApi`] operation,
/// every extractor's rejection and every [`crate::Identity`] decision.
///
/// Messages are written for the person in front of the page and never carry a secret
/// (API key, service token, JWT, visitor id) or an upstream body.
///
/// # Usage
/// ```
/// use axum::response::IntoResponse;
/// use immail_meet_server::ApiError;
/// let answer = ApiError::Unauthenticated.into_response();
/// assert_eq!(answer.status(), 401);
/// assert_eq!(ApiError::RoomNotFound.code(), "room_not_found");
/// ```
///
/// # Server-Side Rendering
/// Server only. In a Leptos `#[server]` function, turn it into your server function's
/// error with its `Display` text (the same message the JSON answer carries).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// No such route.
    #[error("No such endpoint.")]
    NotFound,
    /// No room by that name.
    #[error("No such meeting room.")]
    RoomNotFound,
    /// The route exists, not with this method.
    #[error("This endpoint does not take that method.")]
    MethodNotAllowed,
    /// The body is larger than the API reads.
    #[error("The request body is too large.")]
    TooLarge,
    /// A body that is not `application/json` on a route that changes state.
    #[error("Send the body as application/json.")]
    UnsupportedMediaType,
    /// The request body or query is not what the endpoint takes.
    #[error("{0}")]
    BadRequest(String),
    /// A state-changing request from another origin that is not allowed.
    #[error("Requests from another site are refused.")]
    CrossOrigin,
    /// The app's identity needs a signed-in caller.
    #[error("Sign in first.")]
    Unauthenticated,
    /// The caller may not create rooms.
    #[error("You may not create meeting rooms.")]
    MayNotCreateRooms,
    /// The caller may not join this room.
    #[error("You may not join this meeting.")]
    MayNotJoin,
    /// The caller may not read this room's history.
    #[error("Only the room's moderator can see its sessions, messages and recordings.")]
    Forbidden,
    /// No session by that id among those listed.
    #[error("No such session: list the room's sessions first.")]
    SessionNotFound,
    /// No recording by that id among those listed.
    #[error("No such recording: list the room's sessions first.")]
    RecordingNotFound,
    /// The caller went over a rate limit; it may try again after this long.
    #[error("Too many requests: try again in {} s.", retry_after_secs(*.retry_after))]
    RateLimited {
        /// How long to wait.
        retry_after: Duration,
    },
    /// The request took longer than the route's time limit.
    #[error("The request took too long.")]
    Timeout,
    /// The store (database) failed.
    #[error("The room store cannot be reached right now.")]
    Store(#[from] StoreError),
    /// The upstream (imMail or the sandbox) failed.
    #[error("{}", upstream_message(.0))]
    Upstream(UpstreamError),
}

fn retry_after_secs(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}

fn upstream_message(error: &UpstreamError) -> &'static str {
    match error {
        UpstreamError::RangeNotSatisfiable(_) => "The requested range is not part of the file.",
        UpstreamError::NotFound => "The meeting service does not know it.",
        UpstreamError::Unavailable => "The meeting service cannot be reached right now.",
        UpstreamError::Timeout => "The meeting service did not answer in time.",
        UpstreamError::Failed(_) => "The meeting service returned an error.",
    }
}

impl ApiError {
    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        use UpstreamError as U;
        match self {
            Self::NotFound
            | Self::RoomNotFound
            | Self::SessionNotFound
            | Self::RecordingNotFound
            | Self::Upstream(U::NotFound) => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::CrossOrigin | Self::MayNotCreateRooms | Self::MayNotJoin | Self::Forbidden => {
                StatusCode::FORBIDDEN
            }
            Self::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Timeout | Self::Store(_) | Self::Upstream(U::Unavailable) => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            Self::Upstream(U::RangeNotSatisfiable(_)) => StatusCode::RANGE_NOT_SATISFIABLE,
            Self::Upstream(U::Timeout) => StatusCode::GATEWAY_TIMEOUT,
            Self::Upstream(U::Failed(_)) => StatusCode::BAD_GATEWAY,
        }
    }

    /// The stable machine-readable code (`error.code` of the JSON answer).
    pub fn code(&self) -> &'static str {
        use UpstreamError as U;
        match self {
            Self::NotFound | Self::Upstream(U::NotFound) => "not_found",
            Self::RoomNotFound => "room_not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::TooLarge => "too_large",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::BadRequest(_) => "bad_request",
            Self::CrossOrigin => "cross_origin_request",
            Self::Unauthenticated => "unauthenticated",
            Self::MayNotCreateRooms | Self::MayNotJoin | Self::Forbidden => "forbidden",
            Self::SessionNotFound => "session_not_found",
            Self::RecordingNotFound => "recording_not_found",
            Self::RateLimited { .. } => "rate_limited",
            Self::Timeout => "timeout",
            Self::Store(_) => "store_unavailable",
            Self::Upstream(U::RangeNotSatisfiable(_)) => "range_not_satisfiable",
            Self::Upstream(U::Unavailable) => "upstream_unavailable",
            Self::Upstream(U::Timeout) => "upstream_timeout",
            Self::Upstream(U::Failed(_)) => "upstream_error",
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            // The detail (a store or upstream failure) is logged — it holds no secret: see
            // StoreError and UpstreamError — and never sent to the browser.
            tracing::warn!(code = self.code(), detail = ?self, "request failed");
        }
        let body = json!({ "error": { "code": self.code(), "message": self.to_string() } });
        let mut response = (status, Json(body)).into_response();
        let extra = match &self {
            Self::Upstream(UpstreamError::RangeNotSatisfiable(length)) => {
                Some((header::CONTENT_RANGE, format!("bytes */{length}")))
            }
            Self::RateLimited { retry_after } => Some((
                header::RETRY_AFTER,
                retry_after_secs(*retry_after).to_string(),
            )),
            _ => None,
        };
        if let Some((name, value)) = extra {
            if let Ok(value) = HeaderValue::from_str(&value) {
                response.headers_mut().insert(name, value);
            }
        }
        response
    }
}

impl From<JsonRejection> for ApiError {
    /// `415` without a JSON content type, `413` past the body limit, `400` otherwise
    /// (with serde's description of what is wrong).
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::MissingJsonContentType(_) => Self::UnsupportedMediaType,
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => Self::TooLarge,
            JsonRejection::JsonDataError(e) => {
                Self::BadRequest(format!("The JSON body is not valid: {}.", e.body_text()))
            }
            JsonRejection::JsonSyntaxError(_) => {
                Self::BadRequest("The body is not valid JSON.".into())
            }
            _ => Self::BadRequest("The request body could not be read.".into()),
        }
    }
}

impl From<UpstreamError> for ApiError {
    fn from(e: UpstreamError) -> Self {
        Self::Upstream(e)
    }
}

impl From<QueryRejection> for ApiError {
    fn from(_: QueryRejection) -> Self {
        Self::BadRequest("page and per_page must be whole numbers.".into())
    }
}

impl From<PathRejection> for ApiError {
    fn from(_: PathRejection) -> Self {
        Self::NotFound
    }
}

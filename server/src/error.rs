//! [`AppError`]: every error the API answers, as `{"error": {"code", "message"}}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// An API error. Messages are written for the person in front of the page and never
/// carry a secret (API key, service token, JWT) or an upstream body.
#[derive(Debug)]
pub enum AppError {
    /// No such route.
    NotFound,
    /// No room by that name.
    RoomNotFound,
    /// The route exists, not with this method.
    MethodNotAllowed,
    /// The body is larger than the API reads.
    TooLarge,
    /// The request body is not what the endpoint takes.
    BadRequest(String),
    /// The caller is not the room's moderator.
    Forbidden,
    /// No session by that id among those listed.
    SessionNotFound,
    /// No recording by that id among those listed.
    RecordingNotFound,
    /// The upstream (imMail or the sandbox) failed.
    Upstream(crate::upstream::UpstreamError),
}

impl AppError {
    fn parts(&self) -> (StatusCode, &'static str, String) {
        use crate::upstream::UpstreamError as U;
        match self {
            Self::NotFound => (
                StatusCode::NOT_FOUND,
                "not_found",
                "No such endpoint.".into(),
            ),
            Self::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "This endpoint does not take that method.".into(),
            ),
            Self::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                "The request body is too large.".into(),
            ),
            Self::RoomNotFound => (
                StatusCode::NOT_FOUND,
                "room_not_found",
                "No such meeting room.".into(),
            ),
            Self::BadRequest(message) => (StatusCode::BAD_REQUEST, "bad_request", message.clone()),
            Self::Forbidden => (
                StatusCode::FORBIDDEN,
                "forbidden",
                "Only the room's moderator can see its sessions, messages and recordings.".into(),
            ),
            Self::SessionNotFound => (
                StatusCode::NOT_FOUND,
                "session_not_found",
                "No such session: list the room's sessions first.".into(),
            ),
            Self::RecordingNotFound => (
                StatusCode::NOT_FOUND,
                "recording_not_found",
                "No such recording: list the room's sessions first.".into(),
            ),
            Self::Upstream(U::RangeNotSatisfiable(_)) => (
                StatusCode::RANGE_NOT_SATISFIABLE,
                "range_not_satisfiable",
                "The requested range is not part of the file.".into(),
            ),
            Self::Upstream(U::NotFound) => (
                StatusCode::NOT_FOUND,
                "not_found",
                "The meeting service does not know it.".into(),
            ),
            Self::Upstream(U::Unavailable) => (
                StatusCode::SERVICE_UNAVAILABLE,
                "upstream_unavailable",
                "The meeting service cannot be reached right now.".into(),
            ),
            Self::Upstream(U::Timeout) => (
                StatusCode::GATEWAY_TIMEOUT,
                "upstream_timeout",
                "The meeting service did not answer in time.".into(),
            ),
            Self::Upstream(U::Failed(_)) => (
                StatusCode::BAD_GATEWAY,
                "upstream_error",
                "The meeting service returned an error.".into(),
            ),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, code, message) = self.parts();
        if status.is_server_error() {
            // The detail of an upstream failure is logged (it holds no secret: see
            // UpstreamError) and never sent to the browser.
            tracing::warn!(code, detail = ?self, "request failed");
        }
        let mut response = (
            status,
            Json(json!({ "error": { "code": code, "message": message } })),
        )
            .into_response();
        if let Self::Upstream(crate::upstream::UpstreamError::RangeNotSatisfiable(length)) = self {
            if let Ok(value) = HeaderValue::from_str(&format!("bytes */{length}")) {
                response.headers_mut().insert(header::CONTENT_RANGE, value);
            }
        }
        response
    }
}

impl From<crate::upstream::UpstreamError> for AppError {
    fn from(e: crate::upstream::UpstreamError) -> Self {
        Self::Upstream(e)
    }
}

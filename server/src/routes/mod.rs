//! The HTTP contract: API routes (on `--listen`) and sandbox pages (on `--sandbox-listen`).

pub mod config;
pub mod history;
pub mod recordings;
pub mod rooms;
pub mod sandbox_page;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// A request body as read by axum (within [`crate::MAX_BODY_BYTES`]).
pub(crate) type Body = Result<Bytes, BytesRejection>;

/// Reads a JSON body; an empty body is `T::default()` when `empty_ok`.
pub(crate) fn json_body<T: DeserializeOwned + Default>(
    body: Body,
    empty_ok: bool,
) -> Result<T, AppError> {
    let body = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge,
        _ => AppError::BadRequest("The request body could not be read.".into()),
    })?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return if empty_ok {
            Ok(T::default())
        } else {
            Err(AppError::BadRequest("A JSON body is required.".into()))
        };
    }
    serde_json::from_slice(&body)
        .map_err(|e| AppError::BadRequest(format!("The JSON body is not valid: {e}.")))
}

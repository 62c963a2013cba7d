//! What a server function needs from the request it answers: the app's state, the
//! caller, and a way to answer with an error's HTTP status.

use axum::http::request::Parts;
use axum::http::StatusCode;
use immail_meet_server::Caller;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use super::AppState;
use crate::error::AppError;

/// The app's state and the request's head, as leptos_axum provides them to server
/// functions and to pages rendered on the server.
pub fn request() -> Result<(AppState, Parts), AppError> {
    match (use_context::<AppState>(), use_context::<Parts>()) {
        (Some(state), Some(parts)) => Ok((state, parts)),
        _ => Err(AppError::ServerFn("no request to answer".into())),
    }
}

/// The app's state and the caller, as the meeting backend's identity (this app's
/// sign-in) decides it: a `401` without a sign-in.
pub async fn caller() -> Result<(AppState, Caller), AppError> {
    let (state, mut parts) = request()?;
    let caller = state.meet.identity().caller(&mut parts).await;
    Ok((state, caller.map_err(failed)?))
}

/// `error` as the answer: its status is set on the response (the server function's, or
/// that of the page the server renders while calling it).
pub fn failed(error: impl Into<AppError>) -> AppError {
    let error = error.into();
    if let Some(response) = use_context::<ResponseOptions>() {
        let status = StatusCode::from_u16(error.status());
        response.set_status(status.unwrap_or(StatusCode::INTERNAL_SERVER_ERROR));
    }
    error
}

//! `GET /api/meet/rooms/{room}/sessions` and `GET /api/meet/sessions/{session}/messages`.
//!
//! Only the room's moderator (the session that created it) may read its history: a
//! room's sessions, and the chat of each. The chat rule is the same as for sessions
//! and recordings because the server cannot tell which sessions a guest attended (imMail
//! lists occupants by imMail profile, not by this server's sessions): letting every
//! guest read every session's chat would show them conversations they never joined.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::{Extension, Json};
use immail_meet_core::Paging;
use serde::Deserialize;

use crate::error::AppError;
use crate::session::SessionId;
use crate::state::AppState;
use crate::upstream::UpstreamError;

/// The paging query of `GET .../sessions`: `page` from 1 (default 1), `per_page` 1 to
/// 100 (default 20); out-of-range values are clamped.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    /// The page, from 1.
    pub page: Option<u32>,
    /// Sessions per page.
    pub per_page: Option<u32>,
}

/// `GET /api/meet/rooms/{room}/sessions?page=&per_page=`: one page of the room's
/// sessions, the seed's JSON shape, for its moderator only.
pub async fn sessions(
    State(state): State<AppState>,
    Extension(caller): Extension<SessionId>,
    Path(room_name): Path<String>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Result<impl IntoResponse, AppError> {
    let Query(query) = query
        .map_err(|_| AppError::BadRequest("page and per_page must be whole numbers.".into()))?;
    let record = state.moderated_room(&room_name, &caller)?;
    let defaults = Paging::default();
    let paging = Paging::new(
        query.page.unwrap_or(defaults.page),
        query.per_page.unwrap_or(defaults.per_page),
    );
    let list = state
        .upstream
        .list_sessions(&record.room, paging)
        .await
        .map_err(|e| match e {
            UpstreamError::NotFound => AppError::RoomNotFound,
            other => other.into(),
        })?;
    state
        .history
        .write()
        .expect("history lock")
        .remember(&room_name, &list);
    tracing::info!(room = %room_name, page = paging.page, sessions = list.data.len(), "sessions listed");
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(list)))
}

/// `GET /api/meet/sessions/{session}/messages`: the chat of a session listed before,
/// for the moderator of its room only.
pub async fn messages(
    State(state): State<AppState>,
    Extension(caller): Extension<SessionId>,
    Path(session_id): Path<String>,
) -> Result<impl IntoResponse, AppError> {
    let room = state
        .history
        .read()
        .expect("history lock")
        .room_of_session(&session_id)
        .map(str::to_owned)
        .ok_or(AppError::SessionNotFound)?;
    state.moderated_room(&room, &caller)?;
    let list = state
        .upstream
        .session_messages(&session_id)
        .await
        .map_err(|e| match e {
            UpstreamError::NotFound => AppError::SessionNotFound,
            other => other.into(),
        })?;
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(list)))
}

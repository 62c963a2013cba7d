//! `POST /rooms` and `POST /rooms/{room}/grant`.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;

use super::{JsonBody, JsonOrEmpty, PathParam};
use crate::models::{CreateRoom, GrantRequest};
use crate::{ApiError, Caller, MeetApi};

/// `POST /rooms`: [`MeetApi::create_room`], answered `201`.
pub async fn create(
    State(api): State<MeetApi>,
    caller: Caller,
    JsonBody(request): JsonBody<CreateRoom>,
) -> Result<impl IntoResponse, ApiError> {
    let created = api.create_room(&caller, request).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// `POST /rooms/{room}/grant`: [`MeetApi::grant`], never cached.
pub async fn grant(
    State(api): State<MeetApi>,
    caller: Caller,
    PathParam(room): PathParam<String>,
    JsonOrEmpty(request): JsonOrEmpty<GrantRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let grant = api
        .grant(&caller, &room, request.display_name.as_deref())
        .await?;
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(grant)))
}

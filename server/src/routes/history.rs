//! `GET /rooms/{room}/sessions` and `GET /sessions/{session}/messages`.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::Json;
use serde::Deserialize;

use super::{PathParam, QueryParams};
use crate::models::Paging;
use crate::{ApiError, Caller, MeetApi};

/// The paging query of `GET .../sessions`: `page` from 1 (default 1), `per_page` 1 to
/// 100 (default 20); out-of-range values are clamped.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    /// The page, from 1.
    pub page: Option<u32>,
    /// Sessions per page.
    pub per_page: Option<u32>,
}

/// `GET /rooms/{room}/sessions?page=&per_page=`: [`MeetApi::sessions`], in the seed's
/// JSON shape.
pub async fn sessions(
    State(api): State<MeetApi>,
    caller: Caller,
    PathParam(room): PathParam<String>,
    QueryParams(query): QueryParams<PageQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let defaults = Paging::default();
    let paging = Paging::new(
        query.page.unwrap_or(defaults.page),
        query.per_page.unwrap_or(defaults.per_page),
    );
    let list = api.sessions(&caller, &room, paging).await?;
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(list)))
}

/// `GET /sessions/{session}/messages`: [`MeetApi::messages`].
pub async fn messages(
    State(api): State<MeetApi>,
    caller: Caller,
    PathParam(session): PathParam<String>,
) -> Result<impl IntoResponse, ApiError> {
    let list = api.messages(&caller, &session).await?;
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(list)))
}

//! `GET /healthz` (the process answers) and `GET /readyz` (it can serve: the store
//! answers, the upstream settings were checked at start).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use serde_json::json;

use crate::MeetApi;

/// `GET /healthz`: `200 {"status": "ok"}` while the process serves requests.
pub async fn healthz() -> impl IntoResponse {
    Json(json!({ "status": "ok" }))
}

/// `GET /readyz`: `200` with the mode when the store answers, else `503` (the cause is
/// logged, not shown).
pub async fn readyz(State(api): State<MeetApi>) -> impl IntoResponse {
    let mode = api.upstream().mode();
    match api.ready().await {
        Ok(()) => (
            StatusCode::OK,
            Json(json!({ "status": "ready", "store": "ok", "upstream": mode })),
        ),
        Err(e) => {
            tracing::warn!("not ready: {e}");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "store": "unavailable", "upstream": mode })),
            )
        }
    }
}

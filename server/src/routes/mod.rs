//! The HTTP routes of [`MeetApi`]: thin handlers over its operations.
//!
//! | route | what |
//! | --- | --- |
//! | `GET /config` | mode and meeting base, for the app's allowed hosts |
//! | `POST /rooms` | schedule a room; the caller becomes its creator |
//! | `POST /rooms/{room}/grant` | a grant for the caller (role decided here) |
//! | `GET /rooms/{room}/sessions` | the room's sessions, a page (history readers only) |
//! | `GET /sessions/{session}/messages` | a session's chat (history readers only) |
//! | `GET /recordings/{file}` | a recording, streamed, with ranges (history readers only) |

mod extract;
mod history;
mod recordings;
mod rooms;
pub mod sandbox_page;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use tower_cookies::CookieManagerLayer;

pub use extract::{JsonBody, JsonOrEmpty, PathParam, QueryParams};

use crate::cross_origin::{refuse_cross_origin, AllowedOrigins};
use crate::models::PublicConfig;
use crate::{ApiError, MeetApi};

/// Largest request body the API reads.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

impl MeetApi {
    /// The routes (table in [`crate::routes`]), with no prefix and no fallback: `nest`
    /// them where you want them (e.g. `Router::new().nest("/api/meet", api.router())`) or
    /// `merge` them.
    ///
    /// The router holds its state already, so it fits a router of any state type
    /// (`Router<AppState>` as well as `Router`).
    ///
    /// Around them: CORS for the allowed origins only; a 16 KiB body limit; the
    /// cross-origin guard on state-changing requests ([`crate::cross_origin`]); the
    /// visitor cookie; the route time limit on every route but downloads; JSON errors
    /// for a wrong method.
    pub fn router<S>(&self) -> Router<S>
    where
        S: Clone + Send + Sync + 'static,
    {
        let timed = Router::new()
            .route("/config", get(config))
            .route("/rooms", post(rooms::create))
            .route("/rooms/{room}/grant", post(rooms::grant))
            .route("/rooms/{room}/sessions", get(history::sessions))
            .route("/sessions/{session}/messages", get(history::messages))
            .route_layer(from_fn_with_state(self.clone(), time_limit));
        let downloads = Router::new().route("/recordings/{file}", get(recordings::download));
        timed
            .merge(downloads)
            .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
            .layer(CookieManagerLayer::new())
            .layer(from_fn_with_state(self.clone(), refuse_cross_origin))
            .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
            .layer(cors(self.allowed_origins()))
            .with_state(self.clone())
    }
}

/// `GET /config`.
async fn config(State(api): State<MeetApi>) -> Json<PublicConfig> {
    Json(api.config())
}

/// Middleware: the route time limit ([`crate::Limits::request_timeout`]).
async fn time_limit(State(api): State<MeetApi>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(api.limits().request_timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::Timeout.into_response(),
    }
}

/// CORS for the allowed origins only (none by default), with credentials so the
/// visitor cookie travels.
fn cors(origins: &AllowedOrigins) -> tower_http::cors::CorsLayer {
    use axum::http::{header, Method};
    tower_http::cors::CorsLayer::new()
        .allow_origin(origins.values().to_vec())
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::CONTENT_TYPE, header::ACCEPT])
        .allow_credentials(true)
}

//! The reference customer backend for immail-meet.
//!
//! It holds the imMail credentials (never the browser), decides every participant's role
//! from a server-issued session cookie, and answers `<MeetEmbed>`'s grant contract. With
//! no credentials it runs a sandbox that plays imMail locally.
//!
//! | route | what |
//! | --- | --- |
//! | `GET /api/meet/config` | mode and meeting base, for the app's allowed hosts |
//! | `POST /api/meet/rooms` | schedule a room; the caller becomes its moderator |
//! | `POST /api/meet/rooms/{room}/grant` | a grant for the caller (role decided here) |
//! | `GET /api/meet/rooms/{room}/sessions` | the room's sessions, a page (moderator only) |
//! | `GET /api/meet/sessions/{session}/messages` | a session's chat (moderator only) |
//! | `GET /api/meet/recordings/{file}` | a recording, streamed, with ranges (moderator only) |
//! | `GET /sandbox/meet/{room}` | sandbox mode only, on its own origin: the sandbox meeting page |

pub mod config;
pub mod content_disposition;
pub mod error;
pub mod history_index;
pub mod range;
pub mod routes;
pub mod session;
pub mod state;
pub mod upstream;

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

use crate::config::{Config, Mode};
use crate::state::AppState;
use crate::upstream::immail::Immail;
use crate::upstream::sandbox::Sandbox;

/// Largest request body the API reads.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// The API routes, under `/api/meet`. With `--static-dir`, every other path serves
/// the built demo from that folder.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/config", get(routes::config::show))
        .route("/rooms", post(routes::rooms::create))
        .route("/rooms/{room}/grant", post(routes::rooms::grant))
        .route("/rooms/{room}/sessions", get(routes::history::sessions))
        .route(
            "/sessions/{session}/messages",
            get(routes::history::messages),
        )
        .route("/recordings/{file}", get(routes::recordings::download))
        .fallback(|| async { error::AppError::NotFound })
        .method_not_allowed_fallback(|| async { error::AppError::MethodNotAllowed })
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            session::ensure_session,
        ))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(cors(&state.config.allowed_origins))
        .with_state(state.clone());
    let router = Router::new().nest("/api/meet", api);
    match &state.config.static_dir {
        Some(dir) => router.fallback_service(tower_http::services::ServeDir::new(dir)),
        None => router.fallback(|| async { error::AppError::NotFound }),
    }
}

/// CORS for the configured origins only (none by default), with credentials so the
/// session cookie travels.
fn cors(origins: &[String]) -> tower_http::cors::CorsLayer {
    use axum::http::{header, HeaderValue, Method};
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o.trim_end_matches('/')).ok())
        .collect();
    tower_http::cors::CorsLayer::new()
        .allow_origin(origins)
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::CONTENT_TYPE, header::ACCEPT])
        .allow_credentials(true)
}

/// Everything a running server needs: the API router, and the sandbox router when in
/// sandbox mode.
pub struct App {
    /// Shared state.
    pub state: AppState,
    /// The API.
    pub api: Router,
    /// The sandbox meeting pages (sandbox mode only).
    pub sandbox: Option<Router>,
    /// The sandbox upstream itself (sandbox mode only), e.g. to verify its tokens.
    pub sandbox_upstream: Option<Arc<Sandbox>>,
}

/// Builds the app for a configuration. In imMail mode the settings are checked first: an
/// incomplete or invalid configuration is an error that says what to set.
pub fn app(config: Config) -> Result<App, String> {
    match config.effective_mode() {
        Mode::Sandbox | Mode::Auto => {
            let base = format!("http://{}/sandbox/meet/", config.sandbox_listen);
            let sandbox = Arc::new(Sandbox::new(base));
            let state = AppState::new(config, sandbox.clone());
            Ok(App {
                api: router(state.clone()),
                sandbox: Some(routes::sandbox_page::router(sandbox.clone())),
                sandbox_upstream: Some(sandbox),
                state,
            })
        }
        Mode::Immail => {
            let settings = config
                .immail
                .settings()
                .map_err(|e| format!("imMail mode: {e}"))?;
            let immail = Arc::new(Immail::new(&settings)?);
            tracing::info!(
                "IMMAIL MODE: imMail API at {}, email domain {}, meetings at {}",
                settings.api_url,
                settings.email_domain,
                settings.meeting_base
            );
            let state = AppState::new(config, immail);
            Ok(App {
                api: router(state.clone()),
                sandbox: None,
                sandbox_upstream: None,
                state,
            })
        }
    }
}

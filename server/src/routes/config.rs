//! `GET /api/meet/config`: what the browser needs to know about this backend.

use axum::extract::State;
use axum::Json;
use serde::Serialize;

use crate::state::AppState;

/// The answer of `GET /api/meet/config`.
#[derive(Debug, Serialize)]
pub struct PublicConfig {
    /// `sandbox` or `immail`.
    pub mode: &'static str,
    /// Where meetings live: the app adds this to its allowed hosts.
    pub meeting_base: String,
    /// The grant contract version served.
    pub grant_contract: u32,
}

/// `GET /api/meet/config`.
pub async fn show(State(state): State<AppState>) -> Json<PublicConfig> {
    Json(PublicConfig {
        mode: state.upstream.mode(),
        meeting_base: state.upstream.meeting_base().to_owned(),
        grant_contract: immail_meet_core::GRANT_CONTRACT_VERSION,
    })
}

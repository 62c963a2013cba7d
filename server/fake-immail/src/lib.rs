//! A fake imMail API on loopback, for `immail-meet-server`'s tests and its upstream
//! benchmark (`scripts/bench-upstream.sh` runs the `immail-fake` binary).
//!
//! It answers the three calls the server makes, as imMail's public examples show them,
//! and the three history calls at the server's default (assumed) paths:
//!
//! | call | request | answer |
//! | --- | --- | --- |
//! | `POST /auth/token` | `X-AUTH-TOKEN: <key>`, `{"email_domain"}` | `{"token": <service token>}` |
//! | `POST /v2/videoconference/schedule` | `Authorization: Bearer <service token>`, `{"topic", "start_at"?, "duration"?}` | `201` the room: `{"_id", "name", "topic", ...}` |
//! | `POST /v2/videoconference/token` | bearer, `{"room_name", "moderator"}` | `{"token": <participant JWT>}` |
//! | `GET /v2/videoconference/room/{room_id}/sessions?page=&limit=` | bearer, `Accept: application/json` | the seed's session list (three sessions per room) |
//! | `GET /v2/videoconference/session/{session_id}/messages` | bearer, `Accept: application/json` | `{"messages": [{"id", "from": {"name"}, "message", "timestamp"}]}` |
//! | `GET /v2/videoconference/recording/{file_id}/download` | bearer, `Accept: */*`, `Range`/`If-Range` | the bytes; `206`/`416` for ranges (unless [`FakeOptions::ranges`] is off) |
//!
//! Every request is checked strictly: JSON content type, exactly the documented members
//! with their types, the API key only on `/auth/token`, a bearer token everywhere else.
//! A request that fails a check is a *violation*: recorded (see
//! [`FakeImmail::violations`]) and answered `400`. A wrong key or domain, and a revoked
//! or expired service token, are answered `401` like the real API would.
//!
//! Faults are injected per call ([`FakeImmail::push_fault`]) or for every call
//! ([`FakeImmail::set_fault`]): error statuses, malformed bodies, slow answers.
//! [`FakeImmail::revoke_service_tokens`] rotates the credentials under the server.
//!
//! # Usage
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use immail_fake::{Endpoint, FakeImmail, FakeOptions, Fault};
//! let fake = FakeImmail::start(FakeOptions::default()).await?;
//! fake.push_fault(Endpoint::Token, Fault::status(500));
//! // ... point the server at fake.url() ...
//! assert_eq!(fake.calls(Endpoint::AuthToken), 0);
//! assert!(fake.violations().is_empty());
//! # Ok(()) }
//! ```

mod checks;
mod endpoint;
mod fault;
mod history;
mod options;
mod routes;
mod state;
mod tokens;

use std::net::SocketAddr;
use std::sync::Arc;

pub use checks::API_KEY_HEADER;
pub use endpoint::Endpoint;
pub use fault::{Fault, UPSTREAM_BODY_MARKER};
pub use history::RECORDING_SIZES;
pub use options::{FakeOptions, ServiceTokenStyle};
pub use state::FakeRoom;

use state::FakeState;

/// A running fake imMail API. Dropping it stops the server.
pub struct FakeImmail {
    addr: SocketAddr,
    state: Arc<FakeState>,
    server: tokio::task::JoinHandle<()>,
}

impl FakeImmail {
    /// Starts a fake on a free loopback port.
    pub async fn start(options: FakeOptions) -> std::io::Result<Self> {
        Self::bind(SocketAddr::from(([127, 0, 0, 1], 0)), options).await
    }

    /// Starts a fake on `addr`.
    pub async fn bind(addr: SocketAddr, options: FakeOptions) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(FakeState::new(options));
        let app = routes::router(state.clone());
        let server = tokio::spawn(async move {
            // Serving only ends when the task is aborted.
            let _ = axum::serve(listener, app).await;
        });
        Ok(Self {
            addr,
            state,
            server,
        })
    }

    /// The API base URL, e.g. `http://127.0.0.1:40123`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Its options.
    pub fn options(&self) -> &FakeOptions {
        &self.state.options
    }

    /// How many requests reached `endpoint` (checked or not, faulted or not).
    pub fn calls(&self, endpoint: Endpoint) -> usize {
        self.state.calls(endpoint)
    }

    /// The JSON bodies `endpoint` received, in order (a body that is not JSON is
    /// recorded as a JSON string).
    pub fn bodies(&self, endpoint: Endpoint) -> Vec<serde_json::Value> {
        self.state.bodies(endpoint)
    }

    /// Every request that was not what the real API expects, described.
    pub fn violations(&self) -> Vec<String> {
        self.state.violations()
    }

    /// Panics with the violations, if there are any.
    pub fn assert_no_violations(&self) {
        let violations = self.violations();
        assert!(
            violations.is_empty(),
            "requests imMail would refuse: {violations:#?}"
        );
    }

    /// Injects a fault into the next call of `endpoint` (faults queue up, one per call).
    pub fn push_fault(&self, endpoint: Endpoint, fault: Fault) {
        self.state.push_fault(endpoint, fault);
    }

    /// Injects a fault into every call of `endpoint` (after any queued ones), or stops
    /// doing so with `None`.
    pub fn set_fault(&self, endpoint: Endpoint, fault: Option<Fault>) {
        self.state.set_fault(endpoint, fault);
    }

    /// Revokes every service token issued so far: their next use is answered `401`.
    pub fn revoke_service_tokens(&self) {
        self.state.revoke_service_tokens();
    }

    /// Every service token issued so far.
    pub fn service_tokens(&self) -> Vec<String> {
        self.state.issued_service_tokens()
    }

    /// Every participant JWT issued so far.
    pub fn participant_tokens(&self) -> Vec<String> {
        self.state.participant_tokens()
    }

    /// Schedules a room directly, as if another backend had (no call counted).
    pub fn add_room(&self, topic: &str) -> FakeRoom {
        self.state.add_room(topic)
    }

    /// The sessions made up for a room (by VIDEO ROOM ID), as the fake sends them.
    pub fn sessions_of(&self, room_id: &str) -> Vec<serde_json::Value> {
        self.state.sessions_of(room_id).unwrap_or_default()
    }

    /// A recording's bytes.
    pub fn recording(&self, file_id: &str) -> Option<Vec<u8>> {
        self.state.recording(file_id)
    }

    /// The ETag the fake gives a recording.
    pub fn etag(file_id: &str) -> String {
        format!("\"fake-{file_id}\"")
    }
}

impl Drop for FakeImmail {
    fn drop(&mut self) {
        self.server.abort();
    }
}

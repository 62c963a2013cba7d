//! [`MeetApi`]: the backend as a library — its operations as Rust methods, and as an
//! axum [`Router`](axum::Router) ([`MeetApi::router`]).

pub mod builder;
mod history;
mod room_cache;
mod rooms;

use std::sync::Arc;

pub use builder::{BuildError, MeetApiBuilder};
pub use history::Recording;
pub use room_cache::DEFAULT_ROOM_CACHE;

use crate::cross_origin::AllowedOrigins;
use crate::identity::Identity;
use crate::limits::{CallerLimiter, Limits};
use crate::models::{PublicConfig, GRANT_CONTRACT_VERSION};
use crate::store::{Room, Store, StoreError};
use crate::upstream::{Upstream, UpstreamRoom};
use crate::ApiError;
use room_cache::RoomCache;

/// The meeting backend: rooms, grants with server-decided roles, and room history, on
/// an upstream (imMail or the sandbox), a [`Store`] and the app's [`Identity`]. Cheap to
/// clone (one `Arc`).
///
/// Use it two ways, with the same rules (identity, roles, limits):
/// - as HTTP routes: [`MeetApi::router`] gives an axum `Router` with no prefix and no
///   fallback, to `nest` (e.g. at `/api/meet`) or `merge` into your app;
/// - as Rust calls, e.g. from a Leptos `#[server]` function: [`MeetApi::create_room`],
///   [`MeetApi::grant`], [`MeetApi::sessions`], … with a [`crate::Caller`] your app
///   decided.
///
/// # Usage
/// ```no_run
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// use std::sync::Arc;
/// use immail_meet_server::store::SqlStore;
/// use immail_meet_server::upstream::sandbox::Sandbox;
/// use immail_meet_server::{Caller, Limits, MeetApi};
///
/// let store = SqlStore::connect("sqlite://immail-meet.db").await?;
/// let sandbox = Sandbox::new("http://127.0.0.1:8788/sandbox/meet/".into(), [7; 32]);
/// let api = MeetApi::builder()
///     .upstream(Arc::new(sandbox))
///     .store(Arc::new(store))
///     .limits(Limits::default())
///     .build()
///     .await?;
/// // Routes, in your app:
/// let app: axum::Router = axum::Router::new().nest("/api/meet", api.router());
/// // Or calls, e.g. in a server function:
/// let host = Caller::identified("user:42")?;
/// let room = api
///     .create_room(&host, immail_meet_server::models::CreateRoom { topic: "Stand-up".into(), ..Default::default() })
///     .await?;
/// let grant = api.grant(&host, &room.name, None).await?;
/// assert_eq!(grant.moderator, Some(true));
/// # Ok(()) }
/// ```
///
/// # Server-Side Rendering
/// Server only. Keep one `MeetApi` in your app's state (`FromRef`), so handlers and
/// server functions reach it; `Caller` is then an extractor in your handlers too.
#[derive(Clone)]
pub struct MeetApi {
    inner: Arc<Inner>,
}

struct Inner {
    upstream: Arc<dyn Upstream>,
    store: Arc<dyn Store>,
    identity: Arc<dyn Identity>,
    limits: Limits,
    room_limiter: CallerLimiter,
    grant_limiter: CallerLimiter,
    allowed_origins: AllowedOrigins,
    grant_ttl_secs: u64,
    rooms: RoomCache,
}

impl MeetApi {
    /// A builder: set the upstream and the store, optionally the identity (default: the
    /// visitor cookie), limits and allowed origins.
    pub fn builder() -> MeetApiBuilder {
        MeetApiBuilder::default()
    }

    /// What the browser needs to know: the mode and where meetings live.
    pub fn config(&self) -> PublicConfig {
        PublicConfig {
            mode: self.inner.upstream.mode().to_owned(),
            meeting_base: self.inner.upstream.meeting_base().to_owned(),
            grant_contract: GRANT_CONTRACT_VERSION,
        }
    }

    /// Whether the store answers (for a readiness probe).
    pub async fn ready(&self) -> Result<(), StoreError> {
        self.inner.store.ping().await
    }

    /// The identity deciding callers and their rights.
    pub fn identity(&self) -> &dyn Identity {
        self.inner.identity.as_ref()
    }

    /// The store.
    pub fn store(&self) -> &dyn Store {
        self.inner.store.as_ref()
    }

    /// The upstream (imMail or the sandbox).
    pub fn upstream(&self) -> &dyn Upstream {
        self.inner.upstream.as_ref()
    }

    /// The limits in force.
    pub fn limits(&self) -> Limits {
        self.inner.limits
    }

    /// The origins allowed to call state-changing routes from another origin.
    pub fn allowed_origins(&self) -> &AllowedOrigins {
        &self.inner.allowed_origins
    }

    /// The room `name`: `404` if this backend did not create it.
    async fn room(&self, name: &str) -> Result<Room, ApiError> {
        self.inner
            .rooms
            .room(self.inner.store.as_ref(), name)
            .await?
            .ok_or(ApiError::RoomNotFound)
    }

    /// The meeting URL of a room.
    fn meeting_url(&self, room: &UpstreamRoom) -> String {
        format!("{}{}", self.inner.upstream.meeting_base(), room.name)
    }
}

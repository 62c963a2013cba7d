//! [`MeetApiBuilder`]: puts a [`MeetApi`] together.

use std::sync::Arc;
use std::time::Duration;

use super::room_cache::{RoomCache, DEFAULT_ROOM_CACHE};
use super::{Inner, MeetApi};
use crate::cross_origin::AllowedOrigins;
use crate::identity::{Identity, VisitorIdentity, VisitorOptions};
use crate::limits::{CallerLimiter, Limits};
use crate::store::{Store, StoreError};
use crate::upstream::Upstream;

/// The default lifetime of a sandbox participant grant, seconds.
pub const DEFAULT_GRANT_TTL_SECS: u64 = 300;

/// Why a [`MeetApi`] cannot be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// No upstream was given.
    #[error("no upstream: call .upstream(..) with imMail or the sandbox")]
    NoUpstream,
    /// No store was given.
    #[error("no store: call .store(..), e.g. with SqlStore::connect(\"sqlite://immail-meet.db\")")]
    NoStore,
    /// The store failed while the default identity read its key.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Builds a [`MeetApi`]; see [`MeetApi::builder`].
///
/// # Usage
/// ```no_run
/// # async fn demo(
/// #     upstream: std::sync::Arc<dyn immail_meet_server::upstream::Upstream>,
/// #     store: std::sync::Arc<dyn immail_meet_server::Store>,
/// # ) -> Result<(), immail_meet_server::BuildError> {
/// use immail_meet_server::{Limits, MeetApi, VisitorOptions};
/// let api = MeetApi::builder()
///     .upstream(upstream)
///     .store(store)
///     .visitor_options(VisitorOptions { secure: true, ..VisitorOptions::default() })
///     .allowed_origins(["https://app.example.com"])
///     .limits(Limits { rooms_per_hour: 10, ..Limits::default() })
///     .build()
///     .await?;
/// # Ok(()) }
/// ```
///
/// # Server-Side Rendering
/// Server only.
#[derive(Default)]
#[must_use]
pub struct MeetApiBuilder {
    upstream: Option<Arc<dyn Upstream>>,
    store: Option<Arc<dyn Store>>,
    identity: Option<Arc<dyn Identity>>,
    visitor_options: VisitorOptions,
    limits: Limits,
    allowed_origins: AllowedOrigins,
    grant_ttl_secs: Option<u64>,
    room_cache: Option<usize>,
}

impl MeetApiBuilder {
    /// imMail ([`crate::upstream::immail::Immail`]) or the sandbox.
    pub fn upstream(mut self, upstream: Arc<dyn Upstream>) -> Self {
        self.upstream = Some(upstream);
        self
    }

    /// Where rooms, the history index and keys live.
    pub fn store(mut self, store: Arc<dyn Store>) -> Self {
        self.store = Some(store);
        self
    }

    /// Your app's identity. Default: [`VisitorIdentity`] with the store's key.
    pub fn identity(mut self, identity: Arc<dyn Identity>) -> Self {
        self.identity = Some(identity);
        self
    }

    /// The default identity's cookie settings (ignored with [`Self::identity`]).
    pub fn visitor_options(mut self, options: VisitorOptions) -> Self {
        self.visitor_options = options;
        self
    }

    /// Rate limits and the route time limit. Default: [`Limits::default`].
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Origins (`https://app.example.com`) that may call the routes from another origin:
    /// CORS with credentials, and the exception to the cross-origin guard. None by default.
    pub fn allowed_origins<I, S>(mut self, origins: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.allowed_origins = AllowedOrigins::new(origins);
        self
    }

    /// Lifetime asked for a participant grant (the sandbox honours it; imMail decides
    /// its own). Default 300 s.
    pub fn grant_ttl_secs(mut self, secs: u64) -> Self {
        self.grant_ttl_secs = Some(secs);
        self
    }

    /// How many rooms are kept in memory in front of the store, so that a grant for a
    /// room in use reads nothing from it (rooms never change once stored, so a kept copy
    /// is never stale, even with several instances on one store). Default
    /// [`DEFAULT_ROOM_CACHE`]; `0` reads the store for every lookup.
    pub fn room_cache(mut self, rooms: usize) -> Self {
        self.room_cache = Some(rooms);
        self
    }

    /// The API. Reads (or makes) the visitor key in the store when no identity was set.
    pub async fn build(self) -> Result<MeetApi, BuildError> {
        let upstream = self.upstream.ok_or(BuildError::NoUpstream)?;
        let store = self.store.ok_or(BuildError::NoStore)?;
        let identity = match self.identity {
            Some(identity) => identity,
            None => {
                Arc::new(VisitorIdentity::from_store(store.as_ref(), self.visitor_options).await?)
            }
        };
        let limits = self.limits;
        Ok(MeetApi {
            inner: Arc::new(Inner {
                upstream,
                store,
                identity,
                room_limiter: CallerLimiter::new(limits.rooms_per_hour, Duration::from_secs(3600)),
                grant_limiter: CallerLimiter::new(
                    limits.grants_per_minute,
                    Duration::from_secs(60),
                ),
                limits,
                allowed_origins: self.allowed_origins,
                grant_ttl_secs: self.grant_ttl_secs.unwrap_or(DEFAULT_GRANT_TTL_SECS),
                rooms: RoomCache::new(self.room_cache.unwrap_or(DEFAULT_ROOM_CACHE)),
            }),
        })
    }
}

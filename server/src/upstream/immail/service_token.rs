//! [`ServiceToken`] and [`ServiceTokenCache`]: one `/auth/token` call serves every API
//! call until the token nears expiry, and callers that find no valid token wait for ONE
//! refresh (single flight), never a stampede.

use std::fmt;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::models::Jwt;
use secrecy::{ExposeSecret, SecretString};

use super::settings::ServiceTokenPolicy;
use crate::upstream::UpstreamError;

/// A service token from `/auth/token`. Its `Debug` never shows it; clones share one
/// allocation, wiped when the last clone is dropped.
///
/// # Usage
/// ```
/// use immail_meet_server::upstream::immail::ServiceToken;
/// let token = ServiceToken::new("svc-secret".into());
/// assert_eq!(format!("{token:?}"), "ServiceToken(<redacted>)");
/// assert!(token.same_as(&token.clone()));
/// assert!(!token.same_as(&ServiceToken::new("svc-secret".into())));
/// ```
///
/// # Server-Side Rendering
/// Server only: this type exists only in the backend.
#[derive(Clone)]
pub struct ServiceToken(Arc<SecretString>);

impl ServiceToken {
    /// Wraps a token.
    pub fn new(token: String) -> Self {
        Self(Arc::new(SecretString::from(token)))
    }

    /// Whether both came from the same `/auth/token` answer.
    pub fn same_as(&self, other: &ServiceToken) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// The token itself: for the `Authorization` header only.
    pub(crate) fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// Time left until its `exp` claim, if it is a JWT with one (zero if already past).
    fn time_to_exp(&self) -> Option<Duration> {
        let exp = Jwt::new(self.expose()).claims().ok()?.expires_at?;
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_secs_f64();
        Some(Duration::try_from_secs_f64((exp - now).max(0.0)).unwrap_or(Duration::MAX))
    }
}

impl fmt::Debug for ServiceToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ServiceToken(<redacted>)")
    }
}

/// A cached token and when to stop using it.
struct Cached {
    token: ServiceToken,
    refresh_at: Instant,
}

/// The service-token cache.
///
/// `get` answers from the cache while the token is fresh (a read lock, no waiting). A
/// caller that finds none takes the refresh lock; callers arriving meanwhile queue on it,
/// and when they get it they take the new token, or the error of the refresh that just
/// failed, instead of calling `/auth/token` again. A token is used until its `exp` (or
/// the configured lifetime when it has none) minus the margin, capped at half its
/// lifetime. `invalidate` drops a token imMail answered `401` to.
///
/// # Usage
/// ```
/// # async fn demo() {
/// use std::time::Duration;
/// use immail_meet_server::upstream::immail::{ServiceToken, ServiceTokenCache, ServiceTokenPolicy};
/// let cache = ServiceTokenCache::new(ServiceTokenPolicy::Cached, Duration::from_secs(600), Duration::from_secs(60));
/// let first = cache.get(|| async { Ok(ServiceToken::new("t1".into())) }).await.unwrap();
/// let again = cache.get(|| async { unreachable!("cached") }).await.unwrap();
/// assert!(first.same_as(&again));
/// # }
/// ```
///
/// # Server-Side Rendering
/// Server only: this type exists only in the backend.
pub struct ServiceTokenCache {
    policy: ServiceTokenPolicy,
    fallback_ttl: Duration,
    margin: Duration,
    current: RwLock<Option<Cached>>,
    /// Held while refreshing; holds the error of the last refresh if it failed.
    refresh: tokio::sync::Mutex<Option<UpstreamError>>,
    /// Refreshes finished (successful or not).
    refreshes: AtomicU64,
}

impl ServiceTokenCache {
    /// An empty cache. `fallback_ttl` is the lifetime of a token without `exp`; `margin`
    /// how long before expiry a token is replaced.
    pub fn new(policy: ServiceTokenPolicy, fallback_ttl: Duration, margin: Duration) -> Self {
        Self {
            policy,
            fallback_ttl,
            margin,
            current: RwLock::new(None),
            refresh: tokio::sync::Mutex::new(None),
            refreshes: AtomicU64::new(0),
        }
    }

    /// A valid service token: the cached one, or one from `fetch`, which runs at most
    /// once at a time however many callers wait.
    pub async fn get<F, Fut>(&self, fetch: F) -> Result<ServiceToken, UpstreamError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<ServiceToken, UpstreamError>>,
    {
        if self.policy == ServiceTokenPolicy::FreshPerCall {
            return fetch().await;
        }
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
        let seen = self.refreshes.load(Ordering::Acquire);
        let mut last_failure = self.refresh.lock().await;
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
        if self.refreshes.load(Ordering::Acquire) != seen {
            if let Some(error) = last_failure.as_ref() {
                // A refresh failed while this caller waited: share its outcome.
                return Err(error.clone());
            }
        }
        let outcome = fetch().await;
        match &outcome {
            Ok(token) => {
                let usable = self.usable_for(token);
                tracing::info!(
                    usable_secs = usable.as_secs(),
                    "imMail service token obtained"
                );
                *self.current.write().unwrap_or_else(|e| e.into_inner()) = Some(Cached {
                    token: token.clone(),
                    refresh_at: Instant::now() + usable,
                });
                *last_failure = None;
            }
            Err(error) => *last_failure = Some(error.clone()),
        }
        self.refreshes.fetch_add(1, Ordering::Release);
        outcome
    }

    /// Forgets `token` if it is the cached one (imMail refused it). A newer token that
    /// another caller already fetched is kept.
    pub fn invalidate(&self, token: &ServiceToken) {
        let mut current = self.current.write().unwrap_or_else(|e| e.into_inner());
        if current.as_ref().is_some_and(|c| c.token.same_as(token)) {
            *current = None;
        }
    }

    fn fresh(&self) -> Option<ServiceToken> {
        let current = self.current.read().unwrap_or_else(|e| e.into_inner());
        current
            .as_ref()
            .filter(|c| Instant::now() < c.refresh_at)
            .map(|c| c.token.clone())
    }

    /// How long a new token may be used: its lifetime less the margin (at most half).
    fn usable_for(&self, token: &ServiceToken) -> Duration {
        let lifetime = token.time_to_exp().unwrap_or(self.fallback_ttl);
        lifetime - self.margin.min(lifetime / 2)
    }
}

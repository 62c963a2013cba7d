//! [`Limits`]: how much one caller may ask for, and how long a request may take; and the
//! per-caller rate limiters that apply them.

use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

use crate::identity::Caller;
use crate::ApiError;

/// Per-caller limits and the route time limit.
///
/// Limits are counted per caller id (all anonymous callers share one count) and per
/// process: with several instances behind a load balancer a caller may get up to one
/// quota per instance. A caller over a limit gets `429 rate_limited` with
/// `Retry-After`. `0` turns a limit off.
///
/// # Usage
/// ```
/// use std::time::Duration;
/// use immail_meet_server::Limits;
/// let limits = Limits { grants_per_minute: 120, ..Limits::default() };
/// assert_eq!(Limits::default().rooms_per_hour, 30);
/// assert_eq!(limits.request_timeout, Duration::from_secs(30));
/// ```
///
/// # Server-Side Rendering
/// Server only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Rooms one caller may create per hour (all at once, then one every
    /// `3600 / rooms_per_hour` seconds).
    pub rooms_per_hour: u32,
    /// Grants one caller may get per minute (same shape).
    pub grants_per_minute: u32,
    /// The longest a request may take on every route but recording downloads (its body
    /// read included): past it, `503 timeout`.
    pub request_timeout: Duration,
}

impl Default for Limits {
    /// 30 rooms an hour, 60 grants a minute, 30 s a request.
    fn default() -> Self {
        Self {
            rooms_per_hour: 30,
            grants_per_minute: 60,
            request_timeout: Duration::from_secs(30),
        }
    }
}

impl Limits {
    /// No rate limit (the time limit stays): for benchmarks and tests.
    pub fn unlimited() -> Self {
        Self {
            rooms_per_hour: 0,
            grants_per_minute: 0,
            ..Self::default()
        }
    }
}

type Keyed = RateLimiter<String, DefaultKeyedStateStore<String>, DefaultClock>;

/// One limit, per caller.
pub(crate) struct CallerLimiter {
    limiter: Option<Keyed>,
    checks: AtomicU64,
}

/// After this many checks, callers whose count is back to full are forgotten, so memory
/// follows the callers of the last period, not every caller ever seen.
const FORGET_EVERY: u64 = 4096;

impl CallerLimiter {
    /// `count` per `period` (none when `count` is 0).
    pub(crate) fn new(count: u32, period: Duration) -> Self {
        let limiter = NonZeroU32::new(count).map(|count| {
            let quota = Quota::with_period(period / count.get())
                .expect("a non-zero period")
                .allow_burst(count);
            RateLimiter::keyed(quota)
        });
        Self {
            limiter,
            checks: AtomicU64::new(0),
        }
    }

    /// Counts one request of `caller`, or says how long to wait.
    pub(crate) fn check(&self, caller: &Caller) -> Result<(), ApiError> {
        let Some(limiter) = &self.limiter else {
            return Ok(());
        };
        if self.checks.fetch_add(1, Ordering::Relaxed) % FORGET_EVERY == FORGET_EVERY - 1 {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
        let key = caller.id().map_or("", |id| id.as_str());
        limiter.check_key(&key.to_owned()).map_err(|not_until| {
            let retry_after = not_until.wait_time_from(limiter.clock().now());
            ApiError::RateLimited { retry_after }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_caller_has_its_own_count() {
        let limiter = CallerLimiter::new(2, Duration::from_secs(3600));
        let (alice, bob) = (
            Caller::identified("alice").unwrap(),
            Caller::identified("bob").unwrap(),
        );
        assert!(limiter.check(&alice).is_ok() && limiter.check(&alice).is_ok());
        match limiter.check(&alice) {
            Err(ApiError::RateLimited { retry_after }) => {
                assert!(retry_after > Duration::from_secs(1700), "{retry_after:?}");
                assert!(retry_after <= Duration::from_secs(1800), "{retry_after:?}");
            }
            other => panic!("{other:?}"),
        }
        assert!(limiter.check(&bob).is_ok(), "bob is counted apart");
        let off = CallerLimiter::new(0, Duration::from_secs(1));
        assert!((0..1000).all(|_| off.check(&alice).is_ok()));
    }
}

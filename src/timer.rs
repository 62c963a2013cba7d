//! Time in the browser: a sleep future, a time-out, and the wall clock.

use std::future::Future;
use std::time::Duration;

use futures::channel::oneshot;
use futures::future::{select, Either};

/// Resolves after `ms` milliseconds.
pub(crate) async fn sleep(ms: u32) {
    let (done, wait) = oneshot::channel::<()>();
    leptos::prelude::set_timeout(
        move || {
            let _ = done.send(());
        },
        Duration::from_millis(u64::from(ms)),
    );
    let _ = wait.await;
}

/// `Some(output)` if `future` finishes within `ms` milliseconds, else `None`.
pub(crate) async fn within<T>(ms: u32, future: impl Future<Output = T>) -> Option<T> {
    let future = std::pin::pin!(future);
    let timer = std::pin::pin!(sleep(ms));
    match select(future, timer).await {
        Either::Left((output, _)) => Some(output),
        Either::Right(_) => None,
    }
}

/// Seconds since the Unix epoch, from the browser's clock.
pub(crate) fn now_secs() -> f64 {
    js_sys::Date::now() / 1000.0
}

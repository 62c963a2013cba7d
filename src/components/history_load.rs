//! What `<MeetingHistory>` and `<SessionMessages>` share: loading a history answer
//! whenever its URL changes (dropping answers that arrive late), and the notice shown
//! while loading, on error (with Retry) or when there is nothing to show.

use leptos::prelude::*;

use crate::browser::fetch::fetch_text;
use crate::logic::HistoryError;

/// The backend's history routes live under this path unless told otherwise.
pub const DEFAULT_API_BASE: &str = "/api/meet";
/// How long one history request may take, in milliseconds.
pub const DEFAULT_HISTORY_TIMEOUT_MS: u32 = 15_000;
/// Largest history answer read, in bytes.
pub const MAX_HISTORY_BYTES: u32 = 4 * 1024 * 1024;

/// A history answer being loaded: `None` while in flight.
pub(crate) type LoadState<T> = RwSignal<Option<Result<T, HistoryError>>>;

/// Loads `url()` (tracked: a change loads again) and reads it with `parse`. Bumping the
/// returned counter loads the same URL again (Retry). In server-side rendering nothing
/// loads: the state stays `None`.
pub(crate) fn load_history<T: Send + Sync + 'static>(
    url: impl Fn() -> String + 'static,
    parse: fn(&str) -> Result<T, HistoryError>,
    timeout_ms: u32,
) -> (LoadState<T>, RwSignal<u32>) {
    let state = RwSignal::new(None);
    let attempt = RwSignal::new(0_u32);
    // Bumped by every load: an answer for an older one is dropped. Once the component
    // is gone, the stored value is too, and late answers are dropped as well.
    let generation = StoredValue::new(0_u32);
    Effect::new(move |_| {
        attempt.track();
        let url = url();
        state.set(None);
        let this = generation.get_value().wrapping_add(1);
        generation.set_value(this);
        leptos::task::spawn_local(async move {
            let answer = fetch_text("GET", &url, None, timeout_ms, MAX_HISTORY_BYTES).await;
            let result = answer.map_err(HistoryError::from).and_then(|t| parse(&t));
            if generation.try_get_value() == Some(this) {
                state.set(Some(result));
            }
        });
    });
    (state, attempt)
}

/// `data-state` of a history view: `loading`, `error`, `empty` or `ready`.
pub(crate) fn state_name<T>(state: &Option<Result<T, HistoryError>>, empty: bool) -> &'static str {
    match state {
        None => "loading",
        Some(Err(_)) => "error",
        Some(Ok(_)) if empty => "empty",
        Some(Ok(_)) => "ready",
    }
}

/// A one-line notice: busy (loading), plain (empty), or an error with a Retry button
/// that bumps `retry`.
pub(crate) fn notice(message: String, busy: bool, retry: Option<RwSignal<u32>>) -> AnyView {
    let class = match (busy, retry.is_some()) {
        (true, _) => "immail-meet-notice immail-meet-notice--busy",
        (false, true) => "immail-meet-notice immail-meet-notice--error",
        (false, false) => "immail-meet-notice",
    };
    view! {
        <div class=class role=if retry.is_some() { "alert" } else { "status" }>
            <p class="immail-meet-notice__text">{message}</p>
            {retry.map(|retry| view! {
                <button type="button" class="immail-meet__button" on:click=move |_| retry.update(|n| *n += 1)>
                    "Retry"
                </button>
            })}
        </div>
    }
    .into_any()
}

/// The notice for a state that is not a list to show, or `None` when it is.
pub(crate) fn pending_notice<T>(
    state: &Option<Result<T, HistoryError>>,
    loading: &str,
    failed: &str,
    retry: RwSignal<u32>,
) -> Option<AnyView> {
    match state {
        None => Some(notice(loading.to_owned(), true, None)),
        Some(Err(error)) => {
            let mut message = String::from(failed);
            message.push_str(": ");
            message.push_str(&error.to_string());
            message.push('.');
            Some(notice(message, false, Some(retry)))
        }
        Some(Ok(_)) => None,
    }
}

/// Root classes: `base`, plus the app's own.
pub(crate) fn root_class(base: &str, extra: &str) -> String {
    let mut class = String::from(base);
    if !extra.is_empty() {
        class.push(' ');
        class.push_str(extra);
    }
    class
}

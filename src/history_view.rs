//! What `<MeetingHistory>` and `<SessionMessages>` share: loading a history answer into
//! a [`LocalResource`], and showing it under `<Suspense>` in its root, which says its
//! state in `data-state`: `loading`, `error` (the message and Retry), `empty`, or
//! `ready` (the list).

use gloo_net::http::{Request, RequestBuilder};
use leptos::prelude::*;

use crate::fetch::{fetch, json_request, Limits};
use crate::{HistoryError, MAX_HISTORY_BYTES};

/// How long one history request may take unless told otherwise, in milliseconds.
pub const DEFAULT_HISTORY_TIMEOUT_MS: u32 = 15_000;

/// The words of a history view.
pub(crate) struct Texts {
    /// The root's accessible label.
    pub label: &'static str,
    /// While loading.
    pub loading: &'static str,
    /// When there is nothing to show.
    pub empty: &'static str,
    /// Starts the error sentence (`<failed>: <error>.`).
    pub failed: &'static str,
}

/// `GET url` with `query` (same-origin credentials, within the time-out and at most
/// [`MAX_HISTORY_BYTES`]), read by `read`.
pub(crate) async fn load<T>(
    url: String,
    query: Vec<(&'static str, String)>,
    timeout_ms: u32,
    read: fn(&[u8]) -> Result<T, HistoryError>,
) -> Result<T, HistoryError> {
    let limits = Limits {
        timeout_ms,
        max_bytes: MAX_HISTORY_BYTES,
    };
    // The query goes through gloo-net's own (a query in the URL would gain a `&`).
    let request = json_request(Request::get(&url)).query(query);
    let answer = fetch(request, RequestBuilder::build, limits).await?;
    read(&answer)
}

/// A history view: its root (`<section class aria-label data-state>`) showing what
/// `answer` holds, through `show` (`None` when there is nothing to show: the empty
/// notice). While loading (every time `answer` loads), and in server-side rendering,
/// the loading notice.
///
/// In a full-stack app (`ssr` on the server, `hydrate` in the browser) the `<Suspense>`
/// is drawn once the page runs in the browser, after hydration, and the loading notice
/// until then on both sides: hydrated in place inside a page's own `<Suspense>`
/// (`SsrMode::Async`), it stopped the wasm with Leptos 0.8.23 (the server marks it
/// incomplete, as its `LocalResource` never loads there, and the browser hydrated the
/// pending view instead of the notice: "expected a marker node").
pub(crate) fn history_view<T, V>(
    class: String,
    texts: &'static Texts,
    answer: LocalResource<Result<T, HistoryError>>,
    show: impl Fn(T) -> Option<V> + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let root = move |state: &'static str, content: AnyView| {
        view! {
            <section class=class.clone() aria-label=texts.label data-state=state>
                {content}
            </section>
        }
    };
    let fallback = {
        let root = root.clone();
        move || root("loading", notice(texts.loading, Notice::Busy))
    };
    let suspense = {
        let fallback = fallback.clone();
        move || {
            let root = root.clone();
            let show = show.clone();
            view! {
                <Suspense fallback=fallback.clone()>
                    {move || {
                        let (root, show) = (root.clone(), show.clone());
                        Suspend::new(async move {
                            match answer.await.map(show) {
                                Ok(Some(content)) => root("ready", content.into_any()),
                                Ok(None) => root("empty", notice(texts.empty, Notice::Status)),
                                Err(error) => {
                                    let retry = Callback::new(move |()| answer.refetch());
                                    let text = format!("{}: {error}.", texts.failed);
                                    root("error", notice(text, Notice::Failed(retry)))
                                }
                            }
                        })
                    }}
                </Suspense>
            }
        }
    };
    // Erased: a history view nested in another (a session's chat) would otherwise make
    // a type too deep for the compiler in a full-stack build.
    after_hydration(suspense, fallback).into_any()
}

/// `view`, drawn once the page runs in the browser, after hydration; `loading` until
/// then (what the server renders, and what the browser hydrates).
#[cfg(any(feature = "ssr", feature = "hydrate"))]
fn after_hydration<V, L>(
    view: impl Fn() -> V + Send + Sync + 'static,
    loading: impl Fn() -> L + Send + Sync + 'static,
) -> impl IntoView
where
    V: IntoView + 'static,
    L: IntoView + 'static,
{
    use leptos::either::Either;

    let hydrated = RwSignal::new(false);
    // Effects run in the browser only, once hydration is done.
    Effect::new(move || hydrated.set(true));
    move || {
        if hydrated.get() {
            Either::Left(view())
        } else {
            Either::Right(loading())
        }
    }
}

/// A client-side app: `view` now (there is nothing to hydrate).
#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn after_hydration<V, L>(
    view: impl Fn() -> V + Send + Sync + 'static,
    _loading: impl Fn() -> L + Send + Sync + 'static,
) -> impl IntoView
where
    V: IntoView + 'static,
{
    view()
}

/// What a notice says about the view's state.
enum Notice {
    /// Loading (`role=status`, with a progress look).
    Busy,
    /// Nothing to show (`role=status`).
    Status,
    /// An error, with Retry (`role=alert`).
    Failed(Callback<()>),
}

/// A notice in place of the list: its text, and Retry for an error.
fn notice(text: impl Into<String>, kind: Notice) -> AnyView {
    let (class, role) = match kind {
        Notice::Busy => ("immail-meet-notice immail-meet-notice--busy", "status"),
        Notice::Status => ("immail-meet-notice", "status"),
        Notice::Failed(_) => ("immail-meet-notice immail-meet-notice--error", "alert"),
    };
    let retry = match kind {
        Notice::Failed(retry) => Some(retry),
        _ => None,
    };
    view! {
        <div class=class role=role>
            <p class="immail-meet-notice__text">{text.into()}</p>
            {retry.map(|retry| view! {
                <button type="button" class="immail-meet__button" on:click=move |_| retry.run(())>
                    "Retry"
                </button>
            })}
        </div>
    }
    .into_any()
}

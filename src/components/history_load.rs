//! What `<MeetingHistory>` and `<SessionMessages>` share: loading a history answer
//! whenever its URL changes (dropping answers that arrive late) and drawing it, or the
//! notice that shows loading, an error (with Retry) or an empty history.
//!
//! Both are Leptos components with Leptos state (signals, an effect, a node ref), but
//! draw what they load with a few DOM calls ([`crate::browser::dom`]) and handle clicks
//! with one listener on their root (buttons name their `data-action`): written as
//! `view!` trees, these views cost 10 to 13 KB more of the wasm bundle (gzip,
//! measured). Text is only ever set as text.

use leptos::prelude::*;
use wasm_bindgen::JsCast as _;
use web_sys::{Document, Element};

use crate::browser::dom::{self, attr, child, text_child};
use crate::browser::fetch::fetch_text;
use crate::browser::local_time::local_date_time;
use crate::logic::{HistoryError, Timestamp};

/// The backend's history routes live under this path unless told otherwise.
pub const DEFAULT_API_BASE: &str = "/api/meet";
/// How long one history request may take, in milliseconds.
pub const DEFAULT_HISTORY_TIMEOUT_MS: u32 = 15_000;
/// Largest history answer read, in bytes.
pub const MAX_HISTORY_BYTES: u32 = 4 * 1024 * 1024;

/// The sentences of a history view.
pub(crate) struct Texts {
    /// While loading.
    pub loading: &'static str,
    /// When there is nothing to show.
    pub empty: &'static str,
    /// Starts the error sentence (`<failed>: <error>.`).
    pub failed: &'static str,
}

/// Reads an answer's text and draws it into the root; `Ok(false)` if there is nothing
/// to show.
pub(crate) type Show = dyn Fn(&Document, &Element, &str) -> Result<bool, HistoryError>;

/// Loads `url()` whenever it changes (it is tracked) or `retry` is bumped, and hands
/// the answer to `show` (or shows the empty notice if it drew nothing). Answers to
/// superseded loads are dropped. The root's `data-state` is `loading`, `error`,
/// `empty` or `ready`. In server-side rendering nothing runs: the root keeps its
/// loading notice. Not generic: both components share one copy of this code.
pub(crate) fn load_into(
    root: NodeRef<leptos::html::Section>,
    url: Box<dyn Fn() -> String>,
    show: std::rc::Rc<Show>,
    texts: &'static Texts,
    timeout_ms: u32,
    retry: RwSignal<u32>,
) {
    // Browser only. Natively (server-side rendering) nothing loads, and no effect may
    // be made: in a server build with Leptos' `csr` feature on by mistake it would be
    // spawned, and panic outside a local task set.
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    // Bumped by every load: an answer for an older one is dropped. Once the component
    // is gone, the stored value is too, and late answers are dropped as well.
    let generation = StoredValue::new(0_u32);
    Effect::new(move |_| {
        retry.track();
        let url = url();
        let this = generation.get_value().wrapping_add(1);
        generation.set_value(this);
        if let (Some(root), Some(document)) = (root.get(), dom::document()) {
            notice(&document, &root, "loading", texts.loading);
        }
        let show = show.clone();
        leptos::task::spawn_local(async move {
            let answer = fetch_text("GET", &url, None, timeout_ms, MAX_HISTORY_BYTES).await;
            let (Some(root), Some(document)) = (root.get_untracked(), dom::document()) else {
                return;
            };
            if generation.try_get_value() != Some(this) {
                return;
            }
            dom::clear(&root);
            attr(&root, "data-state", "ready");
            match answer
                .map_err(HistoryError::from)
                .and_then(|text| show(&document, &root, &text))
            {
                Ok(true) => {}
                Ok(false) => {
                    notice(&document, &root, "empty", texts.empty);
                }
                Err(error) => {
                    let message = format!("{}: {error}.", texts.failed);
                    notice(&document, &root, "error", &message);
                }
            }
        });
    });
}

/// Replaces what `root` shows with a notice and sets its `data-state`: `loading` or
/// `empty` (`role=status`), or `error` with a Retry button (`role=alert`).
fn notice(document: &Document, root: &Element, state: &str, text: &str) -> Option<()> {
    dom::clear(root);
    attr(root, "data-state", state);
    let class = match state {
        "loading" => "immail-meet-notice immail-meet-notice--busy",
        "error" => "immail-meet-notice immail-meet-notice--error",
        _ => "immail-meet-notice",
    };
    let notice = child(document, root, "div", class)?;
    let failed = state == "error";
    attr(&notice, "role", if failed { "alert" } else { "status" });
    text_child(document, &notice, "p", "immail-meet-notice__text", text)?;
    if failed {
        action_button(document, &notice, "immail-meet__button", "retry", "Retry")?;
    }
    Some(())
}

/// The root of a history view: a `<section>` with the given classes and accessible
/// label, `data-state="loading"` and the loading notice until the first load draws
/// (all that server-side rendering shows), and the click listener ([`on_action`]). One
/// view type for both components.
pub(crate) fn history_root(
    class: String,
    label: &'static str,
    root: NodeRef<leptos::html::Section>,
    retry: RwSignal<u32>,
    act: std::rc::Rc<Act>,
    loading: &'static str,
) -> impl IntoView {
    view! {
        <section class=class aria-label=label data-state="loading" node_ref=root
            on:click=on_action(retry, act)>
            <div class="immail-meet-notice immail-meet-notice--busy" role="status">
                <p class="immail-meet-notice__text">{loading}</p>
            </div>
        </section>
    }
}

/// What a component does for a `data-action` other than `retry`.
pub(crate) type Act = dyn Fn(&str, Element);

/// A click handler for a history root: the `data-action` of the button clicked (or
/// clicked inside) and that button, to `act` (`retry` is handled here).
/// `act` is a trait object so that both components share one handler type.
fn on_action(
    retry: RwSignal<u32>,
    act: std::rc::Rc<Act>,
) -> impl FnMut(leptos::ev::MouseEvent) + 'static {
    move |event| {
        if let Some((action, button)) = clicked_action(&event) {
            // Handled here: a chat's Retry inside a `<MeetingHistory>` is not the list's.
            event.stop_propagation();
            if action == "retry" {
                retry.update(|n| *n += 1);
            } else {
                act(&action, button);
            }
        }
    }
}

/// Appends `<button type=button data-action=action>label</button>`.
pub(crate) fn action_button(
    document: &Document,
    parent: &Element,
    class: &str,
    action: &str,
    label: &str,
) -> Option<Element> {
    let button = text_child(document, parent, "button", class, label)?;
    attr(&button, "type", "button");
    attr(&button, "data-action", action);
    Some(button)
}

/// The `data-action` button a click landed on (or inside), if any.
fn clicked_action(event: &web_sys::Event) -> Option<(String, Element)> {
    let target: Element = event.target()?.dyn_into().ok()?;
    let button = target.closest("button[data-action]").ok()??;
    if button.has_attribute("disabled") {
        return None;
    }
    Some((button.get_attribute("data-action")?, button))
}

/// Appends `<time datetime="RFC 3339">local date and time</time>`, if there is a time.
pub(crate) fn draw_time(
    document: &Document,
    parent: &Element,
    time: Option<Timestamp>,
    class: &str,
) -> Option<()> {
    if let Some(time) = time {
        let element = text_child(document, parent, "time", class, &local_date_time(time))?;
        attr(&element, "datetime", &time.to_string());
    }
    Some(())
}

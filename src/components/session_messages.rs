//! `<SessionMessages>`: the chat history of one session.

use leptos::prelude::*;

use crate::logic::{messages_path, Message, MessageList};

use super::history_load::{
    load_history, notice, pending_notice, root_class, state_name, DEFAULT_API_BASE,
    DEFAULT_HISTORY_TIMEOUT_MS,
};
use super::meeting_history::time_view;

/// Shows the chat messages of a meeting session: sender, local time and text. The text
/// is rendered as text, never as HTML: `<b>hi</b>` shows those very characters.
///
/// It `GET`s `<api_base>/sessions/<session>/messages` with same-origin credentials and
/// reads the answer tolerantly ([`MessageList`]: the usual field-name variants of
/// sender, text and time are accepted). Loading, an error (with Retry) and an empty
/// chat are shown in place; the root's `data-state` is `loading`, `error`, `empty` or
/// `ready`.
///
/// # Usage
/// ```
/// use immail_meet::SessionMessages;
/// use leptos::prelude::*;
///
/// #[component]
/// fn Chat(session_id: String) -> impl IntoView {
///     view! { <SessionMessages session=session_id api_base="/backend/meet" /> }
/// }
/// ```
///
/// # Server-Side Rendering
/// With the `ssr` feature it renders its loading notice and touches no browser API; the
/// messages are fetched in the browser after hydration.
#[component]
pub fn SessionMessages(
    /// The session's id (`_id` of a [`Session`](crate::Session)). A change loads its
    /// messages.
    #[prop(into)]
    session: Signal<String>,
    /// Where the backend's history routes live (default `/api/meet`).
    #[prop(into, default = DEFAULT_API_BASE.to_owned())]
    api_base: String,
    /// How long the request may take, in milliseconds (default 15 000).
    #[prop(default = DEFAULT_HISTORY_TIMEOUT_MS)]
    timeout_ms: u32,
    /// Extra classes on the root element, set once.
    #[prop(into, optional)]
    class: String,
) -> impl IntoView {
    let (state, retry) = load_history(
        move || messages_path(&api_base, &session.get()),
        MessageList::from_json,
        timeout_ms,
    );
    let body = move || {
        state.with(|state| {
            if let Some(pending) = pending_notice(
                state,
                "Loading messages…",
                "Could not load the messages",
                retry,
            ) {
                return pending;
            }
            match state {
                Some(Ok(list)) if !list.data.is_empty() => {
                    let items = list.data.iter().map(message_item).collect_view();
                    view! { <ol class="immail-meet-messages__list">{items}</ol> }.into_any()
                }
                _ => notice("No messages in this session.".to_owned(), false, None),
            }
        })
    };
    view! {
        <section
            class=root_class("immail-meet-messages", &class)
            aria-label="Chat messages"
            data-state=move || state.with(|s| {
                state_name(s, s.as_ref().is_some_and(|r| r.as_ref().is_ok_and(|l| l.data.is_empty())))
            })
        >
            {body}
        </section>
    }
}

/// One message: sender, time, and the text as a text node.
fn message_item(message: &Message) -> impl IntoView {
    let sender = message
        .sender
        .clone()
        .unwrap_or_else(|| "Unknown".to_owned());
    view! {
        <li class="immail-meet-messages__item">
            <span class="immail-meet-messages__sender">{sender}</span>
            {time_view(message.created_at, "immail-meet-messages__time")}
            <p class="immail-meet-messages__text">{message.text.clone()}</p>
        </li>
    }
}

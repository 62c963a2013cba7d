//! `<SessionMessages>`: the chat history of one session.

use leptos::prelude::*;

use crate::history_view::{history_view, load, Texts, DEFAULT_HISTORY_TIMEOUT_MS};
use crate::local_time::LocalTime;
use crate::{messages_path, Message, MessageList, DEFAULT_API_BASE};

static TEXTS: Texts = Texts {
    label: "Chat messages",
    loading: "Loading messages…",
    empty: "No messages in this session.",
    failed: "Could not load the messages",
};

/// Shows the chat messages of a meeting session: sender, local time and text. The text
/// is rendered as text, never as HTML: `<b>hi</b>` shows those very characters.
///
/// It `GET`s `<api_base>/sessions/<session>/messages` with same-origin credentials and
/// reads the answer tolerantly ([`MessageList`]: the usual field-name variants of
/// sender, text and time are accepted). Loading, an error (with Retry) and an empty
/// chat are shown in place; the root's `data-state` is `loading`, `error`, `empty` or
/// `ready`. When `session` changes, an answer for the session before is dropped.
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
    let messages = LocalResource::new(move || {
        let url = messages_path(&api_base, &session.get());
        load(url, Vec::new(), timeout_ms, |json| {
            MessageList::from_json(json)
        })
    });
    let show = |list: MessageList| {
        (!list.data.is_empty()).then(|| {
            view! {
                <ol class="immail-meet-messages__list">
                    {list.data.into_iter().map(|message| view! { <MessageItem message=message /> }).collect_view()}
                </ol>
            }
        })
    };
    history_view(
        crate::root_class("immail-meet-messages", &class),
        &TEXTS,
        messages,
        show,
    )
}

/// One message: sender, time, and the text as text.
#[component]
fn MessageItem(message: Message) -> impl IntoView {
    let sender = message.sender.unwrap_or_else(|| "Unknown".to_owned());
    view! {
        <li class="immail-meet-messages__item">
            <span class="immail-meet-messages__sender">{sender}</span>
            {message.created_at.map(|time| view! {
                <LocalTime time=time class="immail-meet-messages__time" />
            })}
            <p class="immail-meet-messages__text">{message.text}</p>
        </li>
    }
}

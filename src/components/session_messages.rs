//! `<SessionMessages>`: the chat history of one session.

use leptos::prelude::*;

use web_sys::{Document, Element};

use crate::browser::dom::{child, text_child};
use crate::logic::{messages_path, MessageList};

use super::history_load::{
    draw_time, history_root, load_into, Texts, DEFAULT_API_BASE, DEFAULT_HISTORY_TIMEOUT_MS,
};
use super::root_class;

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
    let root = NodeRef::new();
    let retry = RwSignal::new(0_u32);
    load_into(
        root,
        Box::new(move || messages_path(&api_base, &session.get())),
        std::rc::Rc::new(|document, root, text| {
            Ok(draw(document, root, &MessageList::from_json(text)?) == Some(true))
        }),
        &TEXTS,
        timeout_ms,
        retry,
    );
    history_root(
        root_class("immail-meet-messages", &class),
        "Chat messages",
        root,
        retry,
        std::rc::Rc::new(|_: &str, _| {}),
        TEXTS.loading,
    )
}

static TEXTS: Texts = Texts {
    loading: "Loading messages…",
    empty: "No messages in this session.",
    failed: "Could not load the messages",
};

/// Draws the messages: sender, time, and the text as text.
fn draw(document: &Document, root: &Element, list: &MessageList) -> Option<bool> {
    if list.data.is_empty() {
        return Some(false);
    }
    let items = child(document, root, "ol", "immail-meet-messages__list")?;
    for message in &list.data {
        let item = child(document, &items, "li", "immail-meet-messages__item")?;
        let sender = message.sender.as_deref().unwrap_or("Unknown");
        text_child(
            document,
            &item,
            "span",
            "immail-meet-messages__sender",
            sender,
        )?;
        draw_time(
            document,
            &item,
            message.created_at,
            "immail-meet-messages__time",
        )?;
        text_child(
            document,
            &item,
            "p",
            "immail-meet-messages__text",
            &message.text,
        )?;
    }
    Some(true)
}

//! `<MeetingHistory>`: a room's sessions, with their recordings and chat.

use leptos::prelude::*;

use wasm_bindgen::JsCast as _;
use web_sys::{Document, Element};

use crate::browser::dom::{attr, child, text_child};
use crate::logic::{human_duration, human_size, sessions_path, Paging, Session, SessionList};

use super::history_load::{
    action_button, draw_time, history_root, load_into, Texts, DEFAULT_API_BASE,
    DEFAULT_HISTORY_TIMEOUT_MS,
};
use super::root_class;
use super::session_messages::SessionMessages;

/// Sessions per page unless told otherwise.
pub const DEFAULT_SESSIONS_PER_PAGE: u32 = 10;

/// Lists the sessions of a meeting room, newest first: each with a status badge, its
/// start in the reader's local date and time, its duration, who was there, and its
/// recordings (name, size, a download link); and, with `messages`, a button that shows
/// the session's chat below it ([`SessionMessages`]).
///
/// It `GET`s `<api_base>/rooms/<room>/sessions?page=<n>&per_page=<per_page>` with
/// same-origin credentials (the reference server answers it for the room's moderator
/// only) and reads the answer tolerantly ([`SessionList`]). Loading, an error (with
/// Retry), an empty room, and Previous / Next paging for long lists are shown in place;
/// the root's `data-state` is `loading`, `error`, `empty` or `ready`. Downloads are
/// plain links to `<api_base>/recordings/<file id>`: the browser streams the file to
/// disk, and a broken download can resume (the server supports ranges).
///
/// # Usage
/// ```
/// use immail_meet::MeetingHistory;
/// use leptos::prelude::*;
///
/// #[component]
/// fn RoomHistory(room: String) -> impl IntoView {
///     view! {
///         <h2>"Past sessions"</h2>
///         <MeetingHistory room=room per_page=5 />
///     }
/// }
/// ```
///
/// # Server-Side Rendering
/// With the `ssr` feature it renders its loading notice and touches no browser API; the
/// sessions are fetched in the browser after hydration. Dates are shown in the reader's
/// time zone, which only the browser knows.
#[component]
pub fn MeetingHistory(
    /// The room's name (what the grant endpoint takes). A change loads its first page.
    #[prop(into)]
    room: Signal<String>,
    /// Where the backend's history routes live (default `/api/meet`).
    #[prop(into, default = DEFAULT_API_BASE.to_owned())]
    api_base: String,
    /// Sessions per page (default 10, at most 100).
    #[prop(default = DEFAULT_SESSIONS_PER_PAGE)]
    per_page: u32,
    /// Offer each session's chat (default `true`).
    #[prop(default = true)]
    messages: bool,
    /// How long one request may take, in milliseconds (default 15 000).
    #[prop(default = DEFAULT_HISTORY_TIMEOUT_MS)]
    timeout_ms: u32,
    /// Extra classes on the root element, set once.
    #[prop(into, optional)]
    class: String,
) -> impl IntoView {
    let per_page = crate::logic::Paging::new(1, per_page).per_page;
    let page = RwSignal::new(1_u32);
    let retry = RwSignal::new(0_u32);
    let root = NodeRef::new();
    // The open chat: its button, and the mounted `<SessionMessages>` (dropping the
    // handle unmounts it).
    let open_chat = StoredValue::new_local(None);
    let shown_room = StoredValue::new(None::<String>);
    let base = api_base.clone();
    let listing = Listing {
        page,
        per_page,
        api_base: api_base.clone(),
        messages,
    };
    load_into(
        root,
        Box::new(move || {
            let room = room.get();
            // Another room starts at its first page.
            if shown_room.with_value(|r| r.as_ref().is_some_and(|r| *r != room)) {
                page.set(1);
            }
            shown_room.set_value(Some(room.clone()));
            sessions_path(&base, &room, Paging::new(page.get(), per_page))
        }),
        std::rc::Rc::new(move |document, root, text| {
            open_chat.set_value(None);
            let list = SessionList::from_json(text)?;
            Ok(listing.draw(document, root, &list) == Some(true))
        }),
        &TEXTS,
        timeout_ms,
        retry,
    );
    let act = move |action: &str, button: Element| match action {
        "previous" => page.update(|p| *p = p.saturating_sub(1).max(1)),
        "next" => page.update(|p| *p += 1),
        _ => {
            // "chat": close the open chat; open this one unless it was the open one.
            let was_open = open_chat
                .try_update_value(|open| open.take().map(|(b, _): (Element, _)| b))
                .flatten();
            if let Some(previous) = &was_open {
                set_chat_button(previous, false);
            }
            if was_open.as_ref() == Some(&button) {
                return;
            }
            let (Some(session), Some(slot)) = (
                button.get_attribute("data-session"),
                button
                    .next_element_sibling()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
            ) else {
                return;
            };
            let base = api_base.clone();
            let handle = leptos::mount::mount_to(slot, move || {
                view! { <SessionMessages session=session api_base=base timeout_ms=timeout_ms /> }
            });
            set_chat_button(&button, true);
            open_chat.set_value(Some((button, handle)));
        }
    };
    history_root(
        root_class("immail-meet-history", &class),
        "Meeting sessions",
        root,
        retry,
        std::rc::Rc::new(act),
        TEXTS.loading,
    )
}

static TEXTS: Texts = Texts {
    loading: "Loading sessions…",
    empty: "No sessions yet.",
    failed: "Could not load the sessions",
};

/// A chat button's label and `aria-expanded`.
fn set_chat_button(button: &Element, open: bool) {
    button.set_text_content(Some(if open { "Hide chat" } else { "Show chat" }));
    attr(button, "aria-expanded", if open { "true" } else { "false" });
}

/// What drawing a page of sessions needs besides the sessions.
struct Listing {
    page: RwSignal<u32>,
    per_page: u32,
    api_base: String,
    messages: bool,
}

impl Listing {
    /// Draws the sessions and the pager; `false` if the room has none at all.
    fn draw(&self, document: &Document, root: &Element, list: &SessionList) -> Option<bool> {
        let page = self.page.get_untracked();
        if list.data.is_empty() && page == 1 {
            return Some(false);
        }
        let items = child(document, root, "ol", "immail-meet-history__sessions")?;
        for session in &list.data {
            self.draw_session(document, &items, session)?;
        }
        let pages = list.page_count(self.per_page);
        if pages > 1 || page > 1 {
            let pager = child(document, root, "nav", "immail-meet-history__pager")?;
            attr(&pager, "aria-label", "Session pages");
            let button = "immail-meet__button";
            let previous = action_button(document, &pager, button, "previous", "Previous")?;
            let mut label = String::from("Page ");
            label.push_str(&page.to_string());
            label.push_str(" of ");
            label.push_str(&pages.to_string());
            text_child(
                document,
                &pager,
                "span",
                "immail-meet-history__page",
                &label,
            )?;
            let next = action_button(document, &pager, button, "next", "Next")?;
            if page <= 1 {
                attr(&previous, "disabled", "");
            }
            if page >= pages {
                attr(&next, "disabled", "");
            }
        }
        Some(true)
    }

    /// One session: badge, start, duration, occupants, recordings (name, size, download
    /// link) and, with `messages`, a chat button and the slot its chat opens in.
    fn draw_session(&self, document: &Document, items: &Element, session: &Session) -> Option<()> {
        let item = child(document, items, "li", "immail-meet-history__session")?;
        attr(&item, "data-session", &session.id);
        let head = child(document, &item, "p", "immail-meet-history__head")?;
        let mut badge = String::from("immail-meet-history__badge immail-meet-history__badge--");
        badge.push_str(session.status.css_name());
        text_child(document, &head, "span", &badge, session.status.label())?;
        draw_time(document, &head, session.date, "immail-meet-history__date")?;
        if let Some(duration) = session.duration {
            let text = human_duration(duration);
            text_child(
                document,
                &head,
                "span",
                "immail-meet-history__duration",
                &text,
            )?;
        }
        if !session.occupants.is_empty() {
            let mut names = String::from("With ");
            for (i, who) in session.occupants.iter().enumerate() {
                if i > 0 {
                    names.push_str(", ");
                }
                names.push_str(who.display_name());
            }
            text_child(
                document,
                &item,
                "p",
                "immail-meet-history__occupants",
                &names,
            )?;
        }
        if !session.recording_files.is_empty() {
            let files = child(document, &item, "ul", "immail-meet-history__recordings")?;
            attr(&files, "aria-label", "Recordings");
            for file in &session.recording_files {
                let entry = child(document, &files, "li", "immail-meet-history__recording")?;
                let name = file.display_name();
                let link = text_child(
                    document,
                    &entry,
                    "a",
                    "immail-meet-history__download",
                    &name,
                )?;
                attr(&link, "href", &file.download_path(&self.api_base));
                attr(&link, "download", &name);
                if let Some(size) = file.size {
                    text_child(
                        document,
                        &entry,
                        "span",
                        "immail-meet-history__size",
                        &human_size(size),
                    )?;
                }
            }
        }
        if self.messages {
            let class = "immail-meet__button immail-meet-history__chat-toggle";
            let button = action_button(document, &item, class, "chat", "Show chat")?;
            attr(&button, "aria-expanded", "false");
            attr(&button, "data-session", &session.id);
            child(document, &item, "div", "immail-meet-history__chat")?;
        }
        Some(())
    }
}

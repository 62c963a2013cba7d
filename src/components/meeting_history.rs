//! `<MeetingHistory>`: a room's sessions, with their recordings and chat.

use leptos::prelude::*;

use crate::browser::local_time::local_date_time;
use crate::logic::{
    human_duration, human_size, sessions_path, Paging, RecordingFile, Session, SessionList,
    Timestamp,
};

use super::history_load::{
    load_history, notice, pending_notice, root_class, state_name, DEFAULT_API_BASE,
    DEFAULT_HISTORY_TIMEOUT_MS,
};
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
    let page = RwSignal::new(1_u32);
    let shown_room = StoredValue::new(None::<String>);
    let base = api_base.clone();
    let (state, retry) = load_history(
        move || {
            let room = room.get();
            // Another room starts at its first page.
            if shown_room.with_value(|r| r.as_ref().is_some_and(|r| *r != room)) {
                page.update_untracked(|p| *p = 1);
            }
            shown_room.set_value(Some(room.clone()));
            sessions_path(&base, &room, Paging::new(page.get(), per_page))
        },
        SessionList::from_json,
        timeout_ms,
    );

    let body = move || {
        state.with(|state| {
            if let Some(pending) = pending_notice(
                state,
                "Loading sessions…",
                "Could not load the sessions",
                retry,
            ) {
                return pending;
            }
            let Some(Ok(list)) = state else {
                return ().into_any();
            };
            let current = page.get_untracked();
            let pages = list.page_count(per_page.clamp(1, crate::logic::history::MAX_PER_PAGE));
            if list.data.is_empty() && current == 1 {
                return notice("No sessions yet.".to_owned(), false, None);
            }
            let items = list
                .data
                .iter()
                .map(|session| session_item(session, &api_base, messages, timeout_ms))
                .collect_view();
            view! {
                <ol class="immail-meet-history__sessions">{items}</ol>
                {(pages > 1 || current > 1).then(|| pager(page, current, pages))}
            }
            .into_any()
        })
    };
    view! {
        <section
            class=root_class("immail-meet-history", &class)
            data-state=move || state.with(|s| {
                state_name(s, s.as_ref().is_some_and(|r| r.as_ref().is_ok_and(|l| l.data.is_empty())))
            })
        >
            {body}
        </section>
    }
}

/// Previous / Next and "Page n of m".
fn pager(page: RwSignal<u32>, current: u32, pages: u32) -> impl IntoView {
    let mut label = String::from("Page ");
    label.push_str(&current.to_string());
    label.push_str(" of ");
    label.push_str(&pages.to_string());
    view! {
        <nav class="immail-meet-history__pager" aria-label="Session pages">
            <button type="button" class="immail-meet__button" disabled={current <= 1}
                on:click=move |_| page.update(|p| *p = p.saturating_sub(1).max(1))>"Previous"</button>
            <span class="immail-meet-history__page">{label}</span>
            <button type="button" class="immail-meet__button" disabled={current >= pages}
                on:click=move |_| page.update(|p| *p += 1)>"Next"</button>
        </nav>
    }
}

/// `<time datetime="RFC 3339">local date and time</time>`, or nothing.
pub(crate) fn time_view(time: Option<Timestamp>, class: &'static str) -> Option<impl IntoView> {
    time.map(|t| view! { <time class=class datetime=t.to_string()>{local_date_time(t)}</time> })
}

/// One session: badge, start, duration, occupants, recordings, and its chat on demand.
fn session_item(
    session: &Session,
    api_base: &str,
    messages: bool,
    timeout_ms: u32,
) -> impl IntoView {
    let mut badge = String::from("immail-meet-history__badge immail-meet-history__badge--");
    badge.push_str(session.status.css_name());
    let occupants = (!session.occupants.is_empty()).then(|| {
        let names: Vec<&str> = session.occupants.iter().map(|o| o.display_name()).collect();
        view! {
            <p class="immail-meet-history__occupants">
                <span class="immail-meet-history__label">"With "</span>{names.join(", ")}
            </p>
        }
    });
    let recordings = (!session.recording_files.is_empty()).then(|| {
        let files = session
            .recording_files
            .iter()
            .map(|file| recording_item(file, api_base))
            .collect_view();
        view! { <ul class="immail-meet-history__recordings" aria-label="Recordings">{files}</ul> }
    });
    let chat = messages.then(|| {
        let open = RwSignal::new(false);
        let (session_id, base) = (session.id.clone(), api_base.to_owned());
        view! {
            <button type="button" class="immail-meet__button immail-meet-history__chat-toggle"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "Hide chat" } else { "Show chat" }}
            </button>
            {move || open.get().then(|| view! {
                <SessionMessages session=session_id.clone() api_base=base.clone() timeout_ms=timeout_ms />
            })}
        }
    });
    view! {
        <li class="immail-meet-history__session" data-session=session.id.clone()>
            <div class="immail-meet-history__head">
                <span class=badge>{session.status.label().to_owned()}</span>
                {time_view(session.date, "immail-meet-history__date")}
                {session.duration.map(|d| view! { <span class="immail-meet-history__duration">{human_duration(d)}</span> })}
            </div>
            {occupants}
            {recordings}
            {chat}
        </li>
    }
}

/// One recording: a download link and its size.
fn recording_item(file: &RecordingFile, api_base: &str) -> impl IntoView {
    let name = file.display_name();
    view! {
        <li class="immail-meet-history__recording">
            <a class="immail-meet-history__download" href=file.download_path(api_base) download=name.clone()>
                {name.clone()}
            </a>
            {file.size.map(|s| view! { <span class="immail-meet-history__size">{human_size(s)}</span> })}
        </li>
    }
}

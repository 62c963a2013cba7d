//! `<MeetingHistory>`: a room's sessions, with their recordings and chat.

use leptos::prelude::*;

use crate::history_view::{history_view, load, Texts, DEFAULT_HISTORY_TIMEOUT_MS};
use crate::local_time::LocalTime;
use crate::session_messages::SessionMessages;
use crate::{
    human_duration, human_size, room_sessions_path, Paging, RecordingFile, Session, SessionList,
    DEFAULT_API_BASE,
};

/// Sessions per page unless told otherwise.
pub const DEFAULT_SESSIONS_PER_PAGE: u32 = 10;

static TEXTS: Texts = Texts {
    label: "Meeting sessions",
    loading: "Loading sessions…",
    empty: "No sessions yet.",
    failed: "Could not load the sessions",
};

/// Lists the sessions of a meeting room, newest first: each with a status badge, its
/// start in the reader's local date and time, its duration, who was there, and its
/// recordings (name, size, a download link); and, with `messages`, a button that shows
/// the session's chat below it ([`SessionMessages`], one chat open at a time).
///
/// It `GET`s `<api_base>/rooms/<room>/sessions?page=<n>&per_page=<per_page>` with
/// same-origin credentials (the reference server answers it for the room's moderator
/// only) and reads the answer tolerantly ([`SessionList`]). Loading, an error (with
/// Retry), an empty room, and Previous / Next paging for long lists are shown in place;
/// the root's `data-state` is `loading`, `error`, `empty` or `ready`. Another room
/// starts at its first page. Downloads are plain links to
/// `<api_base>/recordings/<file id>`: the browser streams the file to disk, and a
/// broken download can resume (the server supports ranges).
///
/// Everything it shows is text, never HTML. The chat is part of its view tree, so it
/// sees the app's context.
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
/// time zone, which only the browser knows. In a full-stack build (`ssr` or `hydrate`)
/// the browser hydrates that notice and draws the list after hydration, so the
/// component may sit anywhere, a page's own `<Suspense>` included.
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
    let per_page = Paging::new(1, per_page).per_page;
    // The page chosen, with the room it was chosen in: another room shows its first.
    let chosen = RwSignal::new((String::new(), 1_u32));
    let page = Memo::new(move |_| {
        room.with(|room| chosen.with(|(of, page)| if of == room { *page } else { 1 }))
    });
    // The session whose chat is open.
    let open_chat = RwSignal::new(None::<String>);
    let go_to = move |page: u32| {
        open_chat.set(None);
        chosen.set((room.get_untracked(), page));
    };
    let base = api_base.clone();
    let sessions = LocalResource::new(move || {
        let paging = Paging::new(page.get(), per_page);
        let url = room_sessions_path(&base, &room.get());
        async move {
            let query = paging.query().into();
            let list = load(url, query, timeout_ms, |json| SessionList::from_json(json)).await?;
            Ok((paging.page, list))
        }
    });
    let chat = messages.then_some(Chat {
        open: open_chat,
        api_base: api_base.clone(),
        timeout_ms,
    });
    let show = move |(page, list): (u32, SessionList)| {
        if list.data.is_empty() && page == 1 {
            return None;
        }
        let pages = list.page_count(per_page);
        let (api_base, chat) = (api_base.clone(), chat.clone());
        Some(view! {
            <ol class="immail-meet-history__sessions">
                {list.data.into_iter().map(|session| view! {
                    <SessionItem session=session api_base=api_base.clone() chat=chat.clone() />
                }).collect_view()}
            </ol>
            <Show when=move || { pages > 1 || page > 1 }>
                <Pager page=page pages=pages go_to=Callback::new(go_to) />
            </Show>
        })
    };
    history_view(
        crate::root_class("immail-meet-history", &class),
        &TEXTS,
        sessions,
        show,
    )
}

/// How a session's chat is offered: which one is open, and where it loads from.
#[derive(Clone)]
struct Chat {
    open: RwSignal<Option<String>>,
    api_base: String,
    timeout_ms: u32,
}

/// One session: badge, start, duration, occupants, recordings (name, size, download
/// link) and, with a chat, its button and the chat below it when open.
#[component]
fn SessionItem(session: Session, api_base: String, chat: Option<Chat>) -> impl IntoView {
    let Session {
        id,
        date,
        status,
        duration,
        occupants,
        recording_files,
        ..
    } = session;
    let badge = format!(
        "immail-meet-history__badge immail-meet-history__badge--{}",
        status.css_name()
    );
    let names: Vec<&str> = occupants.iter().map(|who| who.display_name()).collect();
    let people = (!names.is_empty()).then(|| format!("With {}", names.join(", ")));
    view! {
        <li class="immail-meet-history__session" data-session=id.clone()>
            <p class="immail-meet-history__head">
                <span class=badge>{status.label().to_owned()}</span>
                {date.map(|time| view! { <LocalTime time=time class="immail-meet-history__date" /> })}
                {duration.map(|secs| view! {
                    <span class="immail-meet-history__duration">{human_duration(secs)}</span>
                })}
            </p>
            {people.map(|people| view! { <p class="immail-meet-history__occupants">{people}</p> })}
            {(!recording_files.is_empty()).then(|| view! {
                <Recordings files=recording_files api_base=api_base />
            })}
            {chat.map(|chat| view! { <ChatToggle session=id.clone() chat=chat /> })}
        </li>
    }
}

/// A session's recordings: each a download link with its size.
#[component]
fn Recordings(files: Vec<RecordingFile>, api_base: String) -> impl IntoView {
    view! {
        <ul class="immail-meet-history__recordings" aria-label="Recordings">
            {files
                .into_iter()
                .map(|file| {
                    let name = file.display_name();
                    let download = name.clone();
                    view! {
                        <li class="immail-meet-history__recording">
                            <a
                                class="immail-meet-history__download"
                                href=file.download_path(&api_base)
                                download=download
                            >
                                {name}
                            </a>
                            {file.size.map(|bytes| view! {
                                <span class="immail-meet-history__size">{human_size(bytes)}</span>
                            })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// A session's "Show chat" / "Hide chat" button, and its chat below it while open
/// (opening one closes the other).
#[component]
fn ChatToggle(session: String, chat: Chat) -> impl IntoView {
    let Chat {
        open,
        api_base,
        timeout_ms,
    } = chat;
    let id = StoredValue::new(session);
    let is_open = Memo::new(move |_| open.with(|o| id.with_value(|id| o.as_ref() == Some(id))));
    let toggle = move |_| {
        let next = (!is_open.get_untracked()).then(|| id.get_value());
        open.set(next);
    };
    view! {
        <button
            type="button"
            class="immail-meet__button immail-meet-history__chat-toggle"
            aria-expanded=move || is_open.get().to_string()
            on:click=toggle
        >
            {move || if is_open.get() { "Hide chat" } else { "Show chat" }}
        </button>
        <div class="immail-meet-history__chat">
            <Show when=move || is_open.get()>
                <SessionMessages session=id.get_value() api_base=api_base.clone() timeout_ms=timeout_ms />
            </Show>
        </div>
    }
}

/// Previous / "Page n of m" / Next.
#[component]
fn Pager(page: u32, pages: u32, go_to: Callback<u32>) -> impl IntoView {
    view! {
        <nav class="immail-meet-history__pager" aria-label="Session pages">
            <button
                type="button"
                class="immail-meet__button"
                disabled={page <= 1}
                on:click=move |_| go_to.run(page.saturating_sub(1).max(1))
            >
                "Previous"
            </button>
            <span class="immail-meet-history__page">{format!("Page {page} of {pages}")}</span>
            <button
                type="button"
                class="immail-meet__button"
                disabled={page >= pages}
                on:click=move |_| go_to.run(page + 1)
            >
                "Next"
            </button>
        </nav>
    }
}

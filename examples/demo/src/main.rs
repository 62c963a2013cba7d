//! The immail-meet demo: create a meeting (you are its moderator), share the guest
//! link, change names and options, join, leave or rejoin, and browse the room's
//! history. It talks to the reference server (`server/`) and uses only the public API
//! of `immail-meet`.

mod meeting;
mod settings;

use immail_meet::{
    create_room, fetch_public_config, FetchError, MeetOptions, PublicConfig, RoomCreated, RoomName,
    DEFAULT_API_BASE,
};
use leptos::prelude::*;

use meeting::Meeting;
use settings::Settings;

fn main() {
    leptos::mount::mount_to_body(App);
}

/// The whole page: the backend's mode, the meeting card and the settings on the side,
/// the meeting (or the room's history) on the stage.
#[component]
fn App() -> impl IntoView {
    let config = LocalResource::new(|| fetch_public_config(DEFAULT_API_BASE));
    let create = Action::new_local(|topic: &String| {
        let topic = topic.clone();
        async move { create_room(DEFAULT_API_BASE, &topic).await }
    });
    // The room: the one created here (whose host we are), else the page's `?room=`.
    let created = Memo::new(move |_| {
        create
            .value()
            .with(|room| room.as_ref().and_then(|room| room.as_ref().ok()).cloned())
    });
    let invited = room_from_location();
    let room = Memo::new(move |_| {
        created
            .with(|room| room.as_ref().map(|room| room.name.clone()))
            .or_else(|| invited.clone())
    });
    let hosting = Signal::derive(move || created.with(Option::is_some));
    let options = RwSignal::new(MeetOptions {
        first_name: Some("Ada".into()),
        last_name: Some("Lovelace".into()),
        ..MeetOptions::default()
    });
    let show_history = RwSignal::new(false);

    view! {
        <header class="demo-header">
            <div class="demo-brand">
                <span class="demo-logo" aria-hidden="true">"◉"</span>
                <span>"immail-meet"</span>
            </div>
            <p class="demo-tagline">"imMail Meet in a Leptos app — grants from your backend, never the API key."</p>
            <ModeBadge config=config />
        </header>
        <main class="demo-layout">
            <aside class="demo-side">
                <RoomCard create=create room=room hosting=hosting show_history=show_history />
                <Settings options=options />
            </aside>
            <section class="demo-stage" aria-label="Meeting">
                {move || match room.get() {
                    None => view! { <StartHint /> }.into_any(),
                    Some(room) => view! {
                        <Suspense fallback=|| view! { <p class="demo-hint">"Reading the backend's configuration…"</p> }>
                            {
                                let room = room.clone();
                                move || {
                                    let room = room.clone();
                                    Suspend::new(async move {
                                        match config.await {
                                            Ok(config) => view! {
                                                <Meeting
                                                    room=room
                                                    config=config
                                                    options=options
                                                    hosting=hosting
                                                    show_history=show_history
                                                />
                                            }
                                            .into_any(),
                                            Err(error) => view! { <ConfigError error=error config=config /> }.into_any(),
                                        }
                                    })
                                }
                            }
                        </Suspense>
                    }
                    .into_any(),
                }}
            </section>
        </main>
    }
}

/// The backend's mode, once its configuration is read.
#[component]
fn ModeBadge(config: LocalResource<Result<PublicConfig, FetchError>>) -> impl IntoView {
    let mode = move || match config.get()? {
        Ok(config) if config.is_sandbox() => Some(("sandbox", config.mode.label())),
        Ok(config) => Some(("immail", config.mode.label())),
        Err(_) => Some(("down", "Backend unreachable")),
    };
    move || {
        mode().map(|(mode, label)| view! { <span class="demo-badge" data-mode=mode>{label}</span> })
    }
}

/// Creating a meeting, then the room, its guest link and (for its host) the history.
#[component]
fn RoomCard(
    create: Action<String, Result<RoomCreated, FetchError>>,
    room: Memo<Option<RoomName>>,
    hosting: Signal<bool>,
    show_history: RwSignal<bool>,
) -> impl IntoView {
    let topic = RwSignal::new("Consultation".to_owned());
    let creating = create.pending();
    let failure = move || match create.value().get() {
        Some(Err(error)) => format!("Could not create the meeting: {}", describe(error)),
        _ => String::new(),
    };
    view! {
        <section class="demo-card" aria-labelledby="room-h">
            <h2 id="room-h">"Meeting"</h2>
            <Show
                when=move || room.with(Option::is_some)
                fallback=move || view! {
                    <label class="demo-field">
                        <span>"Topic"</span>
                        <input type="text" name="topic" bind:value=topic />
                    </label>
                    <button
                        class="demo-primary"
                        disabled=creating
                        on:click=move |_| { create.dispatch(topic.get_untracked()); }
                    >
                        {move || if creating.get() { "Creating…" } else { "Create meeting" }}
                    </button>
                    <p class="demo-hint">"You become the moderator of the meeting you create."</p>
                }
            >
                {move || room.get().map(|room| view! { <RoomLink room=room hosting=hosting show_history=show_history /> })}
            </Show>
            // Empty until something fails; it stays in the page so that the message is announced.
            <p class="demo-error" role="alert">{failure}</p>
        </section>
    }
}

/// The room's name, its guest link, and the host's history button.
#[component]
fn RoomLink(room: RoomName, hosting: Signal<bool>, show_history: RwSignal<bool>) -> impl IntoView {
    let link = share_link(&room);
    view! {
        <p class="demo-room">
            "Room " <code>{room.to_string()}</code>
            <span class="demo-role">{move || if hosting.get() { "you host it" } else { "you are invited" }}</span>
        </p>
        <label class="demo-field">
            <span>"Guest link"</span>
            <input type="text" readonly value=link.clone() data-testid="share-link" />
        </label>
        <a class="demo-secondary" href=link target="_blank" rel="noopener">"Open as a guest in a new tab"</a>
        <Show when=move || hosting.get()>
            <button
                class="demo-secondary demo-history-toggle"
                aria-pressed=move || show_history.get().to_string()
                on:click=move |_| show_history.update(|shown| *shown = !*shown)
            >
                {move || if show_history.get() { "Back to the meeting" } else { "Meeting history" }}
            </button>
        </Show>
    }
}

/// The stage before there is a room.
#[component]
fn StartHint() -> impl IntoView {
    view! {
        <div class="demo-empty">
            <h1>"Start a meeting"</h1>
            <p>"Create a meeting on the left, then share the guest link."</p>
        </div>
    }
}

/// The backend's configuration could not be read: why, and Retry.
#[component]
fn ConfigError(
    error: FetchError,
    config: LocalResource<Result<PublicConfig, FetchError>>,
) -> impl IntoView {
    view! {
        <div class="demo-empty" role="alert">
            <h1>"The backend is unreachable"</h1>
            <p>{describe(error)}</p>
            <p><button class="demo-primary" on:click=move |_| config.refetch()>"Retry"</button></p>
        </div>
    }
}

/// A failed call as a sentence: the server's own message when it sent one.
fn describe(error: FetchError) -> String {
    match error {
        FetchError::Network => "The backend is unreachable: is the server running?".into(),
        FetchError::Status {
            message: Some(message),
            ..
        } => message,
        other => other.to_string(),
    }
}

/// `?room=<name>` of the page, if it is a valid room name.
fn room_from_location() -> Option<RoomName> {
    let search = window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    RoomName::parse(&params.get("room")?).ok()
}

/// The link a guest opens to join `room`.
fn share_link(room: &RoomName) -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    format!("{origin}{path}?room={room}")
}

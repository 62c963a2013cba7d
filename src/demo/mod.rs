//! The demo app (feature `demo`): create a meeting, share a guest link, tune the
//! options and join, leave or rejoin, and browse the created room's history. It talks
//! to the reference server (`server/`).
//!
//! Written to keep the page small (see README, Size): the page has one fixed shape
//! whose parts the style sheet shows or hides by its `data-stage`; every reactive
//! binding is a `Signal<bool>` or a `Signal<String>` (one compiled copy of the binding
//! code each); every button shares one click handler type; the inputs write to their
//! signals through one `input` listener; what never changes is static markup (one
//! template). Only the meeting and the history are built when needed, and mounted into
//! their places rather than rebuilt as views.

mod api;
mod history;
mod settings;

use leptos::prelude::*;
use wasm_bindgen::JsCast as _;

use crate::components::DEFAULT_API_BASE;
use crate::{AllowedHosts, MeetController, MeetEmbed, MeetState, MeetingHost};

pub use settings::Settings;

/// What a button of the page does.
#[derive(Clone, Copy)]
enum Act {
    Create,
    ToggleHistory,
    Join,
    Leave,
    Rejoin,
}

/// The whole demo page.
#[component]
pub fn App() -> impl IntoView {
    let settings = Settings::new();
    let meet = MeetController::new();
    // The room ("" until one is created or given by the page's `?room=`).
    let room = RwSignal::new(api::room_from_location().unwrap_or_default());
    let hosting = RwSignal::new(false);
    // The backend's mode ("" until its configuration is read, "down" if it could not
    // be) and meeting base.
    let mode = RwSignal::new(String::new());
    let meeting_base = RwSignal::new(None::<MeetingHost>);
    leptos::task::spawn_local(async move {
        let (base, read) = match crate::fetch_public_config(DEFAULT_API_BASE).await {
            Ok(config) => (Some(config.meeting_base), config.mode),
            Err(_) => (None, "down".to_owned()),
        };
        meeting_base.set(base);
        mode.set(read);
    });
    let creating = RwSignal::new(false);
    let create_error = RwSignal::new(String::new());
    // The host's stage shows the meeting or the room's history; the meeting stays
    // mounted (hidden) while the history is shown, so the call goes on.
    let show_history = RwSignal::new(false);

    let act = move |action: Act| {
        move |_: leptos::ev::MouseEvent| match action {
            Act::Create => {
                creating.set(true);
                create_error.set(String::new());
                leptos::task::spawn_local(async move {
                    match api::create_room(&topic()).await {
                        Ok(name) => {
                            hosting.set(true);
                            room.set(name);
                        }
                        Err(message) => create_error.set(message),
                    }
                    creating.set(false);
                });
            }
            Act::ToggleHistory => show_history.update(|shown| *shown = !*shown),
            Act::Join => meet.join(),
            Act::Leave => meet.leave(),
            Act::Rejoin => meet.rejoin(),
        }
    };
    // The names and the toggles.
    let on_input = move |event: leptos::ev::Event| {
        if let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            settings.update(&input);
        }
    };

    // What the page shows, for the style sheet: `start` (no room yet), `guest`,
    // `host` (the meeting) or `history` (the host's room history).
    let stage = Signal::derive(move || {
        if room.with(String::is_empty) {
            "start"
        } else if !hosting.get() {
            "guest"
        } else if show_history.get() {
            "history"
        } else {
            "host"
        }
        .to_owned()
    });
    let badge = Signal::derive(move || mode.with(|m| api::mode_label(m)).to_owned());
    let link = Signal::derive(move || {
        room.with(|r| (!r.is_empty()).then(|| api::share_link(r)))
            .unwrap_or_default()
    });
    let yes_no = |signal: RwSignal<bool>, yes: &'static str, no: &'static str| -> Signal<String> {
        Signal::derive(move || if signal.get() { yes } else { no }.to_owned())
    };

    // The meeting, once there is a room and the backend's configuration is read; the
    // room's history while it is shown. Mounted into their places (not rebuilt as
    // views); dropping a handle unmounts.
    let meeting_slot = NodeRef::<leptos::html::Div>::new();
    let meeting = StoredValue::new_local(None);
    Effect::new(move || {
        let Some(slot) = meeting_slot.get() else {
            return;
        };
        if room.with(String::is_empty)
            || mode.with(String::is_empty)
            || meeting.with_value(Option::is_some)
        {
            return;
        }
        // The sandbox's meeting base joins imMail's in the allowed hosts.
        let base = meeting_base.get_untracked();
        let hosts = match &base {
            Some(base) => AllowedHosts::default().with_host(base.clone()),
            None => AllowedHosts::default(),
        };
        let name = room.get_untracked();
        let handle = untrack(|| {
            leptos::mount::mount_to(slot.into(), move || {
                meeting_view(name, settings, hosts, base.unwrap_or_default(), meet, act)
            })
        });
        meeting.set_value(Some(handle));
    });
    let history_slot = NodeRef::<leptos::html::Section>::new();
    let history = StoredValue::new_local(None);
    Effect::new(move || {
        let show = show_history.get();
        history.set_value(None);
        if let (true, Some(slot)) = (show, history_slot.get()) {
            let sandbox = mode.with_untracked(|m| m == "sandbox");
            let room = room.get_untracked();
            let handle = untrack(|| {
                leptos::mount::mount_to(slot, move || history::history_view(room, sandbox))
            });
            history.set_value(Some(handle));
        }
    });

    view! {
        <header class="demo-header">
            <div class="demo-brand">
                <span class="demo-logo" aria-hidden="true">"◉"</span>
                <span>"immail-meet"</span>
            </div>
            <p class="demo-tagline">"imMail Meet in a Leptos app — grants from your backend, never the API key."</p>
            <span class="demo-badge" data-mode=read(mode)>{badge}</span>
        </header>
        <main class="demo-layout" data-stage=stage>
            <aside class="demo-side" on:input=on_input>
                <section class="demo-card" aria-labelledby="room-h">
                    <h2 id="room-h">"Meeting"</h2>
                    <div class="demo-if-start">
                        <label class="demo-field">
                            <span>"Topic"</span>
                            <input type="text" name="topic" value="Consultation" />
                        </label>
                        <button class="demo-primary" on:click=act(Act::Create) disabled=read(creating)>
                            {yes_no(creating, "Creating…", "Create meeting")}
                        </button>
                        <p class="demo-hint">"You become the moderator of the meeting you create."</p>
                    </div>
                    <div class="demo-if-room">
                        <p class="demo-room">"Room " <code>{read(room)}</code>
                            <span class="demo-role">{yes_no(hosting, "you host it", "you are invited")}</span>
                        </p>
                        <label class="demo-field">
                            <span>"Guest link"</span>
                            <input type="text" readonly value=link data-testid="share-link" />
                        </label>
                        <a class="demo-secondary" href=link target="_blank" rel="noopener">"Open as a guest in a new tab"</a>
                        <button class="demo-secondary demo-history-toggle demo-if-host"
                            aria-pressed=yes_no(show_history, "true", "false")
                            on:click=act(Act::ToggleHistory)>
                            {yes_no(show_history, "Back to the meeting", "Meeting history")}
                        </button>
                    </div>
                    <p class="demo-error" role="alert">{read(create_error)}</p>
                </section>
                <settings::SettingsPanel />
            </aside>
            <section class="demo-stage" aria-label="Meeting" node_ref=history_slot>
                <div class="demo-meeting" node_ref=meeting_slot>
                    <div class="demo-empty demo-if-start">
                        <h1>"Start a meeting"</h1>
                        <p>"Create a meeting on the left, then share the guest link."</p>
                    </div>
                </div>
            </section>
        </main>
    }
}

/// The topic typed in (the input starts with a sample).
fn topic() -> String {
    document()
        .query_selector("input[name=topic]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}

/// A signal as a [`Signal`], the one type of binding used for its value type.
fn read<T: Send + Sync + 'static>(signal: RwSignal<T>) -> Signal<T> {
    signal.into()
}

/// The embedded meeting with Join / Leave / Rejoin.
fn meeting_view<F: Fn(leptos::ev::MouseEvent) + 'static>(
    room: String,
    settings: Settings,
    hosts: AllowedHosts,
    base: MeetingHost,
    meet: MeetController,
    act: impl Fn(Act) -> F,
) -> impl IntoView {
    let mut endpoint = String::from("/api/meet/rooms/");
    endpoint.push_str(&room);
    endpoint.push_str("/grant");
    let body = Signal::derive(move || {
        let mut name = settings.first_name.get();
        name.push(' ');
        settings.last_name.with(|last| name.push_str(last));
        let mut body = String::from(r#"{"display_name":"#);
        body.push_str(&api::json_string(name.trim()));
        body.push('}');
        Some(body)
    });
    let joinable = move || {
        meet.state
            .with(|s| !matches!(s, MeetState::Fetching | MeetState::Joined { .. }))
    };
    let joined = move || meet.state.with(|s| matches!(s, MeetState::Joined { .. }));
    view! {
        <div class="demo-toolbar">
            <button class="demo-primary" on:click=act(Act::Join)
                disabled=Signal::derive(move || !joinable())>"Join"</button>
            <button class="demo-secondary" on:click=act(Act::Leave)
                disabled=Signal::derive(move || !joined())>"Leave"</button>
            <button class="demo-secondary" on:click=act(Act::Rejoin)
                disabled=Signal::derive(move || !meet.settings_changed())>"Rejoin with new settings"</button>
            <span class="demo-state" data-testid="state">
                {Signal::derive(move || meet.state.with(MeetState::name).to_owned())}
            </span>
        </div>
        <MeetEmbed
            endpoint=endpoint
            request_body=body
            first_name=settings.first_name
            last_name=settings.last_name
            start_recording=settings.start_recording
            start_with_audio_muted=settings.start_with_audio_muted
            start_with_video_muted=settings.start_with_video_muted
            file_recordings_enabled=settings.file_recordings_enabled
            hide_invite_more_header=settings.hide_invite_more_header
            allowed_hosts=hosts
            meeting_base=base
            height="min(70vh, 640px)"
            controller=meet
            controls=false
        />
    }
}

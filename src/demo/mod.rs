//! The demo app (feature `demo`): create a meeting, share a guest link, tune the
//! options and join, leave or rejoin. It talks to the reference server (`server/`).

mod api;
mod history;
mod settings;

use leptos::prelude::*;

use crate::{AllowedHosts, MeetController, MeetEmbed, MeetState, MeetingHost};

pub use settings::Settings;

/// The whole demo page.
#[component]
pub fn App() -> impl IntoView {
    let settings = Settings::new();
    let guest_room = api::room_from_location();
    let room = RwSignal::new(guest_room.clone());
    let hosting = RwSignal::new(false);
    let config = RwSignal::new(None::<Result<api::Config, String>>);
    leptos::task::spawn_local(async move { config.set(Some(api::config().await)) });
    let creating = RwSignal::new(false);
    let create_error = RwSignal::new(None::<String>);
    let topic = RwSignal::new("Consultation".to_owned());
    // The host's stage shows the meeting or the room's history; the meeting stays
    // mounted (hidden) while the history is shown, so the call goes on.
    let show_history = RwSignal::new(false);

    let create = move |_| {
        creating.set(true);
        create_error.set(None);
        leptos::task::spawn_local(async move {
            match api::create_room(&topic.get_untracked()).await {
                Ok(name) => {
                    hosting.set(true);
                    room.set(Some(name));
                }
                Err(message) => create_error.set(Some(message)),
            }
            creating.set(false);
        });
    };

    view! {
        <header class="demo-header">
            <div class="demo-brand">
                <span class="demo-logo" aria-hidden="true">"◉"</span>
                <span>"immail-meet"</span>
            </div>
            <p class="demo-tagline">"imMail Meet in a Leptos app — grants from your backend, never the API key."</p>
            {move || config.get().map(|c| match c {
                Ok(c) => view! { <span class="demo-badge" data-mode=c.mode.clone()>{api::mode_label(&c.mode)}</span> }.into_any(),
                Err(_) => view! { <span class="demo-badge demo-badge--down">"Backend unreachable"</span> }.into_any(),
            })}
        </header>
        <main class="demo-layout">
            <aside class="demo-side">
                <section class="demo-card" aria-labelledby="room-h">
                    <h2 id="room-h">"Meeting"</h2>
                    {move || match room.get() {
                        None => view! {
                            <label class="demo-field">
                                <span>"Topic"</span>
                                <input type="text" prop:value=move || topic.get() on:input=move |ev| topic.set(event_target_value(&ev)) />
                            </label>
                            <button class="demo-primary" on:click=create disabled=move || creating.get()>
                                {move || if creating.get() { "Creating…" } else { "Create meeting" }}
                            </button>
                            <p class="demo-hint">"You become the moderator of the meeting you create."</p>
                        }.into_any(),
                        Some(name) => {
                            let link = api::share_link(&name);
                            view! {
                                <p class="demo-room">"Room " <code>{name.clone()}</code>
                                    <span class="demo-role">{move || if hosting.get() { "you host it" } else { "you are invited" }}</span>
                                </p>
                                <label class="demo-field">
                                    <span>"Guest link"</span>
                                    <input type="text" readonly value=link.clone() data-testid="share-link" />
                                </label>
                                <a class="demo-secondary" href=link target="_blank" rel="noopener">"Open as a guest in a new tab"</a>
                                {hosting.get_untracked().then(|| view! {
                                    <button class="demo-secondary demo-history-toggle"
                                        aria-pressed=move || show_history.get().to_string()
                                        on:click=move |_| show_history.update(|shown| *shown = !*shown)>
                                        {move || if show_history.get() { "Back to the meeting" } else { "Meeting history" }}
                                    </button>
                                })}
                            }.into_any()
                        }
                    }}
                    {move || create_error.get().map(|e| view! { <p class="demo-error" role="alert">{e}</p> })}
                </section>
                <settings::SettingsPanel settings=settings />
            </aside>
            <section class="demo-stage" aria-label="Meeting">
                <div class="demo-meeting" hidden=move || show_history.get()>
                {move || {
                    let Some(name) = room.get() else {
                        return view! {
                            <div class="demo-empty">
                                <h1>"Start a meeting"</h1>
                                <p>"Create a meeting on the left, then share the guest link."</p>
                            </div>
                        }.into_any();
                    };
                    // The sandbox's meeting base joins imMail's in the allowed hosts.
                    let base = config.with(|c| match c {
                        Some(Ok(c)) => MeetingHost::parse(&c.meeting_base).ok(),
                        _ => None,
                    });
                    let hosts = match &base {
                        Some(base) => AllowedHosts::default().with(&base.to_string()).unwrap_or_default(),
                        None => AllowedHosts::default(),
                    };
                    let base = base.unwrap_or_default();
                    view! { <Meeting room=name settings=settings hosts=hosts base=base /> }.into_any()
                }}
                </div>
                {move || show_history.get().then(|| room.get()).flatten().map(|name| {
                    let sandbox = config.with(|c| matches!(c, Some(Ok(c)) if c.mode == "sandbox"));
                    view! { <history::HistoryView room=name sandbox=sandbox /> }
                })}
            </section>
        </main>
    }
}

/// The embedded meeting with Join / Leave / Rejoin.
#[component]
fn Meeting(
    room: String,
    settings: Settings,
    hosts: AllowedHosts,
    base: MeetingHost,
) -> impl IntoView {
    let meet = MeetController::new();
    let endpoint = format!("/api/meet/rooms/{room}/grant");
    let body = Signal::derive(move || {
        let name = format!("{} {}", settings.first_name.get(), settings.last_name.get());
        Some(format!(
            r#"{{"display_name":{}}}"#,
            api::json_string(name.trim())
        ))
    });
    view! {
        <div class="demo-toolbar">
            <button class="demo-primary" on:click=move |_| meet.join()
                disabled=move || matches!(meet.state(), MeetState::Fetching | MeetState::Joined { .. })>"Join"</button>
            <button class="demo-secondary" on:click=move |_| meet.leave()
                disabled=move || !matches!(meet.state(), MeetState::Joined { .. })>"Leave"</button>
            <button class="demo-secondary" on:click=move |_| meet.rejoin()
                disabled=move || !meet.settings_changed()>"Rejoin with new settings"</button>
            <span class="demo-state" data-testid="state">{move || meet.state().name()}</span>
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

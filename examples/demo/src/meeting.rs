//! The stage of a room: the meeting, with the component's own controls (Leave, "Rejoin
//! with new settings", Rejoin, Retry), and for its host the room's history (the meeting
//! goes on, hidden, while the history is shown).

use immail_meet::{
    grant_path, GrantBody, GrantRequest, MeetEmbed, MeetOptions, MeetingHistory, PublicConfig,
    RoomName, DEFAULT_API_BASE,
};
use leptos::prelude::*;

/// The meeting of `room`, on the hosts the backend's `config` names, joined with
/// `options`; and the room's history while `show_history` (for its host).
#[component]
pub fn Meeting(
    room: RoomName,
    config: PublicConfig,
    options: RwSignal<MeetOptions>,
    hosting: Signal<bool>,
    show_history: RwSignal<bool>,
) -> impl IntoView {
    // The grant request names the participant; the server decides the role.
    let body = Signal::derive(move || {
        let name = options.with(|o| {
            let names = [o.first_name.as_deref(), o.last_name.as_deref()];
            names.into_iter().flatten().collect::<Vec<_>>().join(" ")
        });
        let request = GrantRequest {
            display_name: Some(name.trim().to_owned()),
        };
        Some(String::from(GrantBody::from(request)))
    });
    let sandbox = config.is_sandbox();
    view! {
        <div class="demo-meeting" hidden=move || show_history.get()>
            <MeetEmbed
                endpoint=grant_path(DEFAULT_API_BASE, room.as_str())
                request_body=body
                options=options
                allowed_hosts=config.allowed_hosts()
                meeting_base=config.meeting_base
                height="min(70vh, 640px)"
            />
        </div>
        <Show when=move || hosting.get() && show_history.get()>
            <div class="demo-history">
                <h1 class="demo-history-title">"Sessions of room " <code>{room.to_string()}</code></h1>
                <Show when=move || sandbox>
                    <p class="demo-hint">
                        "Sandbox: these sessions, chats and recordings are generated. The files are real downloads of made-up bytes."
                    </p>
                </Show>
                <MeetingHistory room=room.to_string() per_page=5 />
            </div>
        </Show>
    }
}

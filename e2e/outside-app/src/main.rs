use immail_meet::{
    create_room, server_allowed_hosts, MeetController, MeetEmbed, MeetOptions, STYLESHEET,
};
use leptos::prelude::*;

/// Where the backend's routes live (the reference server's, on the app's origin).
const API: &str = "/api/meet";

/// Creates a meeting on the backend and joins it as its host (the server makes the
/// caller who created a room its moderator).
#[component]
fn Consultation() -> impl IntoView {
    // imMail's meeting host, plus where the server says its meetings live
    // (`GET /api/meet/config`): its sandbox, while it has no imMail API key.
    let allowed_hosts = server_allowed_hosts(API);
    let room = LocalResource::new(|| create_room(API, "Consultation"));
    let (video_off, set_video_off) = signal(false);
    // The names and imMail's options: one value, read at each join.
    let options = Signal::derive(move || MeetOptions {
        first_name: Some("Zoë".into()),
        last_name: Some("O'Brien & Co".into()),
        start_with_video_muted: video_off.get(),
        ..MeetOptions::default()
    });
    let meet = MeetController::new();
    view! {
        <style>{STYLESHEET}</style>
        <label>
            <input type="checkbox" on:change=move |ev| set_video_off.set(event_target_checked(&ev)) />
            "Camera off when joining"
        </label>
        <button on:click=move |_| meet.rejoin() disabled=move || !meet.settings_changed()>
            "Apply and rejoin"
        </button>
        <Suspense fallback=|| view! { <p>"Creating the meeting…"</p> }>
            {move || Suspend::new(async move {
                match room.await {
                    Ok(room) => view! {
                        <MeetEmbed
                            endpoint=room.grant_endpoint(API)
                            allowed_hosts=allowed_hosts
                            options=options
                            controller=meet
                            on_error=move |e| leptos::logging::warn!("meeting: {e}")
                        />
                    }
                    .into_any(),
                    Err(e) => view! { <p role="alert">"No meeting: " {e.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn main() {
    leptos::mount::mount_to_body(Consultation);
}

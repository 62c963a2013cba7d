//! `/room/:room/history`: the room's past sessions, for its host only.

use immail_meet::MeetingHistory;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::{route_meeting, Problem};
use crate::meeting::{open_history, Meeting};

/// The sessions, recordings and chats of the route's room. The server refuses anyone
/// but its host (`403`, for this page and for the backend's history routes that
/// `<MeetingHistory>` reads).
#[component]
pub fn HistoryPage() -> impl IntoView {
    let meeting = route_meeting(open_history);
    view! {
        <Suspense fallback=|| view! { <p>"Loading the history…"</p> }>
            {move || Suspend::new(async move {
                match meeting.await {
                    Ok(Meeting { room, topic, .. }) => view! {
                        <Title text=format!("History of {topic}") />
                        <div class="meeting-head">
                            <h1>"History of " {topic}</h1>
                            <A href=format!("/room/{room}")>"Back to the meeting"</A>
                        </div>
                        <Sessions room />
                    }
                    .into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `<MeetingHistory>`, drawn once the page runs in the browser (the sessions are
/// fetched there anyway, and dates need the reader's time zone). Hydrated in place,
/// inside this page's `<Suspense>`, it fails with Leptos 0.8.23: the server renders its
/// loading notice and marks its own `<Suspense>` incomplete (its `LocalResource` never
/// loads there), but the browser hydrates the pending view instead of that notice
/// ("expected a marker node": an unrecoverable hydration error). Drawn after hydration,
/// it is built, not hydrated.
#[component]
fn Sessions(room: String) -> impl IntoView {
    let in_browser = RwSignal::new(false);
    // Effects run in the browser only, after hydration.
    Effect::new(move || in_browser.set(true));
    view! {
        <Show
            when=move || in_browser.get()
            fallback=|| view! { <p role="status">"Loading the sessions…"</p> }
        >
            <MeetingHistory room=room.clone() api_base="/api/meet" per_page=5 />
        </Show>
    }
}

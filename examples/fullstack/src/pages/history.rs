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
                        <MeetingHistory room api_base="/api/meet" per_page=5 />
                    }
                    .into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

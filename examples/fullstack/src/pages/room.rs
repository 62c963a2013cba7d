//! `/room/:room`: the meeting, joined with a grant from a server function.

use immail_meet::{AllowedHosts, GrantSource, MeetController, MeetEmbed, MeetState};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::{route_meeting, Problem};
use crate::meeting::{grant, open_meeting, Meeting};

/// The meeting of the route's room, for whoever is signed in: the host moderates it,
/// anyone else joins as a guest.
#[component]
pub fn RoomPage() -> impl IntoView {
    let meeting = route_meeting(open_meeting);
    // Owned by the page, not by the meeting view that `<Suspense>` replaces (after a
    // sign-out, say): see `MeetingRoom`.
    let controller = MeetController::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading the meeting…"</p> }>
            {move || Suspend::new(async move {
                match meeting.await {
                    Ok(meeting) => view! { <MeetingRoom meeting controller /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The meeting: who you are in it, and `<MeetEmbed>`, whose grant comes from the
/// [`grant`] server function at each join.
///
/// The component's own bar is off (`controls=false`) and the Leave button is the
/// page's, through `controller`: with immail-meet 0.1 a `<MeetEmbed>` unmounted while
/// joined with its bar on, or with a controller it owns, reads a disposed signal
/// (a panic in the browser).
#[component]
fn MeetingRoom(meeting: Meeting, controller: MeetController) -> impl IntoView {
    let Meeting {
        room,
        topic,
        you,
        host,
        may_read_history,
        meeting_base,
    } = meeting;
    // imMail's host, and the backend's meeting base (the sandbox's, in sandbox mode).
    let allowed_hosts = AllowedHosts::default()
        .with(&meeting_base)
        .unwrap_or_default();
    let grant_source = {
        let room = room.clone();
        GrantSource::from_fn(move || grant(room.clone()))
    };
    let role = if host { "the host" } else { "a guest" };
    let in_meeting = move || {
        matches!(
            controller.state(),
            MeetState::Fetching | MeetState::Joined { .. }
        )
    };
    view! {
        <Title text=topic.clone() />
        <div class="meeting-head">
            <h1>{topic}</h1>
            <p class="role">"You are " {you.clone()} ", " {role} "."</p>
            {may_read_history.then(|| view! {
                <A href=format!("/room/{room}/history")>"Meeting history"</A>
            })}
        </div>
        {host.then(|| view! {
            <p class="invite">"Guests join at this page's address, once signed in with their name."</p>
        })}
        <MeetEmbed
            grant_source
            allowed_hosts
            first_name=you
            height="560px"
            controller
            controls=false
        />
        <div class="meeting-bar">
            <button type="button" class="secondary" on:click=move |_| controller.leave() disabled=move || !in_meeting()>
                "Leave"
            </button>
        </div>
    }
}

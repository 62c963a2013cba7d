//! `/room/:room`: the meeting, joined with a grant from a server function.

use immail_meet::{AllowedHosts, GrantSource, MeetEmbed, MeetOptions};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::{route_meeting, Problem};
use crate::meeting::{grant, open_meeting, Meeting};

/// The meeting of the route's room, for whoever is signed in: the host moderates it,
/// anyone else joins as a guest. A `<Transition>`: when someone signs in or out here,
/// the meeting stays as it is until the page's new answer replaces it (a `<Suspense>`
/// would take it out for its fallback and put it back, loading the meeting once more).
#[component]
pub fn RoomPage() -> impl IntoView {
    let meeting = route_meeting(open_meeting);
    view! {
        <Transition fallback=|| view! { <p>"Loading the meeting…"</p> }>
            {move || Suspend::new(async move {
                match meeting.await {
                    Ok(meeting) => view! { <MeetingRoom meeting /> }.into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The meeting: who you are in it, and `<MeetEmbed>`, whose grant comes from the
/// [`grant`] server function at each join, with its own Leave and Rejoin buttons.
#[component]
fn MeetingRoom(meeting: Meeting) -> impl IntoView {
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
    let options = MeetOptions {
        first_name: Some(you.clone()),
        ..MeetOptions::default()
    };
    let role = if host { "the host" } else { "a guest" };
    view! {
        <Title text=topic.clone() />
        <div class="meeting-head">
            <h1>{topic}</h1>
            <p class="role">"You are " {you} ", " {role} "."</p>
            {may_read_history.then(|| view! {
                <A href=format!("/room/{room}/history")>"Meeting history"</A>
            })}
        </div>
        {host.then(|| view! {
            <p class="invite">"Guests join at this page's address, once signed in with their name."</p>
        })}
        <MeetEmbed grant_source allowed_hosts options height="560px" />
    }
}

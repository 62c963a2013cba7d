//! Mounts one `<MeetEmbed>` and nothing else: the size of the embed path.
use immail_meet::MeetEmbed;
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| view! { <MeetEmbed endpoint="/api/meet/rooms/abc/grant" /> });
}

//! The demo app's entry point: it only mounts the app (`trunk serve`).
use immail_meet::MeetEmbed;
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <main class="demo">
                <h1>"immail-meet"</h1>
                <p>"A meeting embedded from the grant endpoint at /api/meet/rooms/demo/grant."</p>
                <MeetEmbed endpoint="/api/meet/rooms/demo/grant" first_name="Demo" last_name="User" />
            </main>
        }
    });
}

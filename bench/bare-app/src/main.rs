//! A bare Leptos page with one signal and one iframe: the floor under any embed.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let (src, _) = signal("https://web.immail.ca/meet/abc".to_owned());
        view! { <iframe src=src allow="camera; microphone; display-capture"></iframe> }
    });
}

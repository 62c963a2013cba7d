//! The demo's entry point (`trunk serve`): it only mounts the app.

fn main() {
    leptos::mount::mount_to_body(immail_meet::demo::App);
}

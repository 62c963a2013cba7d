//! Server-side rendering (native, `ssr`): the components render their placeholders
//! without touching any browser API. `scripts/test.sh` runs these once more with the
//! crate's `csr` feature on (Leptos then has both `csr` and `ssr`, as in a full-stack
//! app's server build that turned `csr` on by mistake): nothing may panic.
#![cfg(not(target_arch = "wasm32"))]

use immail_meet::{MeetEmbed, MeetOptions, MeetingHistory, SessionMessages};
use leptos::prelude::*;

fn render(view: impl FnOnce() -> AnyView) -> String {
    let owner = Owner::new();
    owner.with(|| view().to_html())
}

#[test]
fn renders_the_connecting_placeholder_on_the_server() {
    let html = render(|| {
        let options = MeetOptions {
            first_name: Some("Zoë".into()),
            ..MeetOptions::default()
        };
        view! { <MeetEmbed endpoint="/api/meet/rooms/abc/grant" options=options /> }.into_any()
    });
    assert!(html.contains(r#"class="immail-meet""#), "{html}");
    assert!(html.contains(r#"data-state="fetching""#), "{html}");
    assert!(html.contains("Connecting to the meeting"), "{html}");
    assert!(!html.contains("<iframe"), "{html}");
}

#[test]
fn renders_a_join_button_without_auto_join() {
    let html =
        render(|| view! { <MeetEmbed endpoint="/x" auto_join=false height="300px" /> }.into_any());
    assert!(html.contains(r#"data-state="idle""#), "{html}");
    assert!(html.contains("Join meeting"), "{html}");
    assert!(
        html.contains("height:300px") || html.contains("height: 300px"),
        "{html}"
    );
}

#[test]
fn history_components_render_their_loading_notice_on_the_server() {
    let html = render(|| view! { <MeetingHistory room="abc" class="mine" /> }.into_any());
    assert!(
        html.contains(r#"class="immail-meet-history mine""#),
        "{html}"
    );
    assert!(html.contains(r#"data-state="loading""#), "{html}");
    assert!(html.contains("Loading sessions…"), "{html}");
    let html = render(|| view! { <SessionMessages session="s1" /> }.into_any());
    assert!(html.contains(r#"class="immail-meet-messages""#), "{html}");
    assert!(html.contains(r#"data-state="loading""#), "{html}");
    assert!(html.contains("Loading messages…"), "{html}");
}

#[test]
fn server_rendered_html_holds_only_the_connecting_panel() {
    let html = render(|| view! { <MeetEmbed endpoint="/api/meet/rooms/abc/grant" /> }.into_any());
    for absent in ["Leave", "immail-meet__bar", "hidden", "Retry", "<button"] {
        assert!(!html.contains(absent), "{absent:?} in {html}");
    }
}

#[test]
fn the_stylesheets_render_as_they_are_in_a_style_element() {
    use immail_meet::{HISTORY_STYLESHEET, STYLESHEET};
    assert_eq!(STYLESHEET, include_str!("../style/immail-meet.css"));
    assert_eq!(
        HISTORY_STYLESHEET,
        include_str!("../style/immail-meet-history.css")
    );
    for css in [STYLESHEET, HISTORY_STYLESHEET] {
        let html = render(|| view! { <style>{css}</style> }.into_any());
        assert!(html.contains(css), "escaped in {html}");
    }
}

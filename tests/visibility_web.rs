//! What a user sees of `<MeetEmbed>` in each state, in headless Chromium with only the
//! component's own stylesheet in the page (`style/immail-meet.css`, never the demo's),
//! then again under a page stylesheet that undoes `[hidden]` and sets `display` on
//! plain elements. "Sees" means topmost at the centre of its box
//! (`document.elementFromPoint`): what must be visible is, what must not be is not
//! (or is not in the page at all).
#![cfg(target_arch = "wasm32")]

mod common;

use common::browser::{mount, sleep, wait_until, Mounted};
use common::embed::{
    component_styles, grant, is_topmost, local_base, local_hosts, page_style, remove_page_style,
    topmost_at, EmbedPage, Stub, HOSTILE_CSS,
};
use common::fresh_token;
use immail_meet::*;
use leptos::prelude::*;
use leptos::tachys::view::Mountable;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `f` on top of everything in the page, at its top left corner, so that
/// `elementFromPoint` sees it.
fn mount_on_top<N: IntoView + 'static>(f: impl FnOnce() -> N + 'static) -> Mounted<N::State> {
    component_styles();
    let page = mount(f);
    page.root
        .unchecked_ref::<HtmlElement>()
        .set_attribute(
            "style",
            "position: fixed; left: 0; top: 0; width: 600px; z-index: 2147483647; background: #fff",
        )
        .unwrap();
    page
}

/// Mounts on top a `<MeetEmbed>` that joins a meeting on the test page's origin.
fn mount_meeting(meet: MeetController, name: Signal<String>) -> Mounted<impl Mountable> {
    let options = Signal::derive(move || MeetOptions {
        first_name: Some(name.get()),
        ..MeetOptions::default()
    });
    let source = Stub::url(&format!("{}abc", local_base())).source();
    mount_on_top(move || {
        view! {
            <MeetEmbed grant_source=source allowed_hosts=local_hosts() controller=meet
                options=options height="400px" />
        }
    })
}

/// Waits until the meeting `meet` drives has loaded.
async fn loaded(meet: MeetController) {
    wait_until("the meeting loaded", || {
        matches!(
            meet.state_signal().get_untracked(),
            MeetState::Joined { loaded: true, .. }
        )
    })
    .await;
}

/// Something of the component a test looks for.
#[derive(Clone, Copy, Debug)]
enum Part {
    /// The first element matching a CSS selector.
    Css(&'static str),
    /// The button with this text.
    Button(&'static str),
}

use Part::{Button, Css};

const FRAME: Part = Css("iframe.immail-meet__frame");
const PANEL: Part = Css(".immail-meet__panel");
const BAR: Part = Css(".immail-meet__bar");
const MESSAGE: Part = Css(".immail-meet__message");
const NOTICE: Part = Css(".immail-meet__notice");
const LEAVE: Part = Button("Leave");
const RETRY: Part = Button("Retry");
const JOIN: Part = Button("Join meeting");
const REJOIN: Part = Button("Rejoin");
const REJOIN_NEW: Part = Button("Rejoin with new settings");

/// Every element of `part` in the page.
fn elements<S: Mountable>(page: &Mounted<S>, part: Part) -> Vec<Element> {
    match part {
        Css(selector) => page.find_all(selector),
        Button(label) => page
            .find_all("button")
            .into_iter()
            .filter(|b| b.text_content().unwrap_or_default().trim() == label)
            .collect(),
    }
}

/// Asserts that each of `seen` is topmost at its place and none of `unseen` is (or
/// is not in the page), with and without the hostile page stylesheet.
fn assert_seen<S: Mountable>(page: &Mounted<S>, state: &str, seen: &[Part], unseen: &[Part]) {
    for hostile in [false, true] {
        if hostile {
            page_style("hostile-page-css", HOSTILE_CSS);
        }
        let how = if hostile {
            "under a hostile page stylesheet"
        } else {
            "with only the component's stylesheet"
        };
        for &part in seen {
            let found = elements(page, part);
            assert!(!found.is_empty(), "{state} {how}: no {part:?} in the page");
            assert!(
                found.iter().any(is_topmost),
                "{state} {how}: {part:?} is not visible; at its centre is {}",
                topmost_at(&found[0])
            );
        }
        for &part in unseen {
            for element in elements(page, part) {
                assert!(
                    !is_topmost(&element),
                    "{state} {how}: {part:?} is visible, and must not be"
                );
            }
        }
        remove_page_style("hostile-page-css");
    }
}

#[wasm_bindgen_test]
async fn idle_shows_the_join_button_and_nothing_of_a_meeting() {
    let source = Stub::url(&format!("{}abc", local_base())).source();
    let page = mount_on_top(
        move || view! { <MeetEmbed grant_source=source allowed_hosts=local_hosts() auto_join=false height="400px" /> },
    );
    page.wait_for_state("idle").await;
    assert_seen(
        &page,
        "idle",
        &[PANEL, JOIN],
        &[FRAME, BAR, LEAVE, RETRY, REJOIN, REJOIN_NEW],
    );
}

#[wasm_bindgen_test]
async fn fetching_shows_progress_and_no_leave_button() {
    let source = GrantSource::from_fn(|| async {
        sleep(60_000).await;
        Ok::<_, String>(grant(&format!("{}abc", local_base()), &fresh_token()))
    });
    let page = mount_on_top(
        move || view! { <MeetEmbed grant_source=source allowed_hosts=local_hosts() height="400px" /> },
    );
    page.wait_for_state("fetching").await;
    assert_seen(
        &page,
        "fetching",
        &[Css(".immail-meet__panel--busy"), MESSAGE],
        &[FRAME, BAR, LEAVE, RETRY, JOIN, REJOIN, REJOIN_NEW],
    );
}

#[wasm_bindgen_test]
async fn a_loading_meeting_is_covered_by_its_progress_panel() {
    let meet = MeetController::new();
    let page = mount_meeting(meet, Signal::stored("Ana".to_owned()));
    // Microtasks only until the iframe is in: its `load` (a task) cannot have fired.
    for _ in 0..1000 {
        leptos::task::tick().await;
        if page.iframe().is_some() {
            break;
        }
    }
    assert_eq!(
        meet.state_signal().get_untracked(),
        MeetState::Joined {
            moderator: None,
            loaded: false
        },
        "checked before the iframe loaded"
    );
    assert_seen(
        &page,
        "joined, loading",
        &[Css(".immail-meet__panel--busy"), MESSAGE, LEAVE],
        &[FRAME, RETRY, JOIN, REJOIN, REJOIN_NEW],
    );
}

#[wasm_bindgen_test]
async fn a_loaded_meeting_is_on_top_with_its_leave_button() {
    let meet = MeetController::new();
    let page = mount_meeting(meet, Signal::stored("Ana".to_owned()));
    loaded(meet).await;
    leptos::task::tick().await;
    assert_seen(
        &page,
        "joined, loaded",
        &[FRAME, BAR, LEAVE],
        &[PANEL, MESSAGE, NOTICE, RETRY, JOIN, REJOIN, REJOIN_NEW],
    );
}

#[wasm_bindgen_test]
async fn an_error_shows_its_message_and_retry_only() {
    let source = Stub::new([Err("backend down".to_owned())]).source();
    let page = mount_on_top(move || view! { <MeetEmbed grant_source=source height="400px" /> });
    page.wait_for_state("error").await;
    assert_seen(
        &page,
        "error",
        &[Css("[role=alert]"), MESSAGE, RETRY],
        &[FRAME, BAR, LEAVE, JOIN, REJOIN, REJOIN_NEW],
    );
}

#[wasm_bindgen_test]
async fn left_shows_rejoin_only() {
    let meet = MeetController::new();
    let page = mount_meeting(meet, Signal::stored("Ana".to_owned()));
    page.wait_for_state("joined").await;
    meet.leave();
    page.wait_for_state("left").await;
    assert_seen(
        &page,
        "left",
        &[PANEL, MESSAGE, REJOIN],
        &[FRAME, BAR, LEAVE, RETRY, JOIN, REJOIN_NEW],
    );
}

#[wasm_bindgen_test]
async fn changed_settings_show_their_notice_over_a_running_meeting() {
    let meet = MeetController::new();
    let (name, set_name) = signal("Ana".to_owned());
    let page = mount_meeting(meet, name.into());
    loaded(meet).await;
    set_name.set("Bea".to_owned());
    wait_until("the notice", || page.text().contains("Settings changed")).await;
    assert_seen(
        &page,
        "settings changed",
        &[FRAME, NOTICE, REJOIN_NEW, LEAVE],
        &[PANEL, MESSAGE, RETRY, JOIN],
    );
}

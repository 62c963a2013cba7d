//! The meeting's own end, in headless Chromium: the meeting iframe (on the test page's
//! origin, so the test can navigate it as a meeting's own hang-up does) loads a second
//! time after its start-up, and the component says the meeting ended; a redirect during
//! the start-up, or with the detection off, changes nothing.
#![cfg(target_arch = "wasm32")]

mod common;

use common::browser::{mount, sleep, Mounted};
use common::embed::{loaded, local_base, local_hosts, navigate_frame, EmbedPage, Stub};
use immail_meet::*;
use leptos::prelude::*;
use leptos::tachys::view::Mountable;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A meeting on the test page's origin, with the end detected after `grace_ms`, or
/// not at all; what `on_left` was called with.
fn mount_meeting(
    stub: &Stub,
    meet: MeetController,
    detect: bool,
    grace_ms: u32,
) -> (Mounted<impl Mountable>, RwSignal<Vec<LeftReason>>) {
    let source = stub.source();
    let left = RwSignal::new(Vec::new());
    let page = mount(move || {
        view! {
            <MeetEmbed
                grant_source=source
                allowed_hosts=local_hosts()
                controller=meet
                detect_end=detect
                end_grace_ms=grace_ms
                on_left=move |reason| left.update(|l| l.push(reason))
            />
        }
    });
    (page, left)
}

#[wasm_bindgen_test]
async fn a_navigation_after_the_start_up_ends_the_meeting_and_rejoin_joins_again() {
    let stub = Stub::url(&format!("{}abc", local_base()));
    let meet = MeetController::new();
    let (page, left) = mount_meeting(&stub, meet, true, 300);
    loaded(meet).await;
    sleep(400).await;
    navigate_frame(&page, "you-left").await;
    page.wait_for_state("ended").await;
    assert_eq!(meet.state_signal().get_untracked(), MeetState::Ended);
    assert!(
        page.iframe().is_none(),
        "the frame is gone (camera and microphone stop)"
    );
    assert_eq!(left.get_untracked(), [LeftReason::MeetingEnded]);
    assert!(
        page.text().contains("The meeting has ended."),
        "{}",
        page.text()
    );
    assert!(!page.text().contains("You left"), "{}", page.text());
    assert!(
        page.find(".immail-meet__bar").is_none(),
        "no Leave once ended"
    );

    // Leaving an ended meeting does nothing.
    meet.leave();
    leptos::task::tick().await;
    assert_eq!(page.state(), "ended");
    assert_eq!(left.get_untracked().len(), 1);

    page.click("Rejoin");
    loaded(meet).await;
    assert_eq!(stub.calls(), 2);
    assert!(page.iframe().is_some());
}

#[wasm_bindgen_test]
async fn a_redirect_during_the_start_up_is_not_the_end_and_a_later_navigation_is() {
    let stub = Stub::url(&format!("{}abc", local_base()));
    let meet = MeetController::new();
    let (page, left) = mount_meeting(&stub, meet, true, 1_500);
    loaded(meet).await;
    let frame = page.iframe().unwrap();
    // The meeting redirects itself while it starts.
    navigate_frame(&page, "abc?started=1").await;
    sleep(50).await;
    assert_eq!(page.state(), "joined");
    assert!(page.iframe().is_some_and(|f| f.is_same_node(Some(&frame))));
    assert!(left.get_untracked().is_empty());
    assert!(
        !page.text().contains("Loading"),
        "still loaded: {}",
        page.text()
    );

    // Once started, its hang-up ends it.
    sleep(1_500).await;
    navigate_frame(&page, "you-left").await;
    page.wait_for_state("ended").await;
    assert_eq!(left.get_untracked(), [LeftReason::MeetingEnded]);
}

#[wasm_bindgen_test]
async fn with_detect_end_off_a_navigation_of_the_frame_changes_nothing() {
    let stub = Stub::url(&format!("{}abc", local_base()));
    let meet = MeetController::new();
    let (page, left) = mount_meeting(&stub, meet, false, 0);
    loaded(meet).await;
    navigate_frame(&page, "you-left").await;
    sleep(100).await;
    assert_eq!(page.state(), "joined");
    assert!(page.iframe().is_some());
    assert!(left.get_untracked().is_empty());
}

#[wasm_bindgen_test]
async fn leaving_with_the_controls_says_so() {
    let stub = Stub::url(&format!("{}abc", local_base()));
    let meet = MeetController::new();
    let (page, left) = mount_meeting(&stub, meet, true, 0);
    loaded(meet).await;
    page.click("Leave");
    page.wait_for_state("left").await;
    assert_eq!(left.get_untracked(), [LeftReason::Controls]);
    assert!(page.text().contains("You left the meeting."));
}

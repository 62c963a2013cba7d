//! The iframe's `allow` and the check of what the page lets the meeting use, in
//! headless Chromium. The test page is served without a `Permissions-Policy` header, so
//! here a feature is blocked by the component's own `allow`; the header cases
//! (`camera=()`, `display-capture=()`) are in e2e/permissions.test.mjs.
#![cfg(target_arch = "wasm32")]

mod common;

use common::browser::{mount, sleep, wait_until};
use common::embed::{local_base, local_hosts, EmbedPage, Stub, MEETING};
use immail_meet::*;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn blocked(feature: &str, origin: &str) -> PermissionWarning {
    PermissionWarning {
        feature: feature.into(),
        origin: origin.into(),
        cause: PermissionCause::NotInAllow,
    }
}

/// The test page's origin.
fn origin() -> String {
    web_sys::window().unwrap().location().origin().unwrap()
}

#[wasm_bindgen_test]
async fn the_default_allow_passes_the_check_for_immails_origin_and_the_local_one() {
    for url in [MEETING.to_owned(), format!("{}abc", local_base())] {
        let source = Stub::url(&url).source();
        let warnings = RwSignal::new(Vec::new());
        let page = mount(move || {
            view! {
                <MeetEmbed grant_source=source allowed_hosts=local_hosts()
                    on_permission_warning=move |w| warnings.update(|all| all.push(w)) />
            }
        });
        page.wait_for_state("joined").await;
        sleep(50).await;
        assert_eq!(warnings.get_untracked(), [], "{url}");
        assert!(page.find(".immail-meet__permissions").is_none(), "{url}");
        assert_eq!(
            page.iframe().unwrap().get_attribute("allow").as_deref(),
            Some(DEFAULT_ALLOW)
        );
        // The probe the check made is gone.
        let frames = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .query_selector_all("iframe")
            .unwrap();
        assert_eq!(frames.length(), 1, "{url}: only the meeting's iframe");
    }
}

#[wasm_bindgen_test]
async fn a_feature_missing_from_allow_is_reported_and_shown_and_the_meeting_loads() {
    let source = Stub::url(&format!("{}abc", local_base())).source();
    let warnings = RwSignal::new(Vec::new());
    let page = mount(move || {
        view! {
            <MeetEmbed grant_source=source allowed_hosts=local_hosts() allow="microphone; autoplay"
                on_permission_warning=move |w| warnings.update(|all| all.push(w)) />
        }
    });
    page.wait_for_state("joined").await;
    assert_eq!(
        warnings.get_untracked(),
        [
            blocked("camera", &origin()),
            blocked("display-capture", &origin())
        ]
    );
    let notice = page
        .find(".immail-meet__permissions[role=alert]")
        .expect("the notice");
    let text = notice.text_content().unwrap();
    assert!(text.contains("The camera is blocked"), "{text}");
    assert!(text.contains("The screen sharing is blocked"), "{text}");
    assert!(text.contains("allow prop of <MeetEmbed>"), "{text}");
    assert_eq!(
        page.iframe().unwrap().get_attribute("allow").as_deref(),
        Some("microphone; autoplay")
    );
    wait_until("the meeting loaded", || {
        page.find(".immail-meet__panel").is_none()
    })
    .await;
    assert!(
        page.find(".immail-meet__permissions").is_some(),
        "still shown once loaded"
    );
    page.click("Leave");
    page.wait_for_state("left").await;
    assert!(
        page.find(".immail-meet__permissions").is_none(),
        "gone with the meeting"
    );
}

#[wasm_bindgen_test]
async fn refuse_mode_fails_the_join_with_a_typed_error_and_no_iframe() {
    let stub = Stub::url(&format!("{}abc", local_base()));
    let source = stub.source();
    let errors = RwSignal::new(Vec::new());
    let (allow, set_allow) = signal("camera; microphone".to_owned());
    let page = mount(move || {
        view! {
            <MeetEmbed grant_source=source allowed_hosts=local_hosts() allow=allow
                permission_check=PermissionCheck::Refuse
                on_error=move |e| errors.update(|all| all.push(e)) />
        }
    });
    page.wait_for_state("error").await;
    assert!(page.iframe().is_none());
    assert_eq!(
        errors.get_untracked(),
        [MeetError::PermissionsBlocked(vec![blocked(
            "display-capture",
            &origin()
        )])]
    );
    let alert = page.find("[role=alert]").unwrap().text_content().unwrap();
    assert!(
        alert.starts_with("Not joined: The screen sharing is blocked"),
        "{alert}"
    );
    // The `allow` prop is reactive: with it fixed, Retry joins.
    set_allow.set(DEFAULT_ALLOW.to_owned());
    page.click("Retry");
    page.wait_for_state("joined").await;
    assert_eq!(
        page.iframe().unwrap().get_attribute("allow").as_deref(),
        Some(DEFAULT_ALLOW)
    );
    assert_eq!(stub.calls(), 2);
}

#[wasm_bindgen_test]
async fn an_allow_change_while_joined_is_a_settings_change() {
    let source = Stub::url(&format!("{}abc", local_base())).source();
    let (allow, set_allow) = signal(DEFAULT_ALLOW.to_owned());
    let page = mount(move || {
        view! { <MeetEmbed grant_source=source allowed_hosts=local_hosts() allow=allow /> }
    });
    page.wait_for_state("joined").await;
    let frame = page.iframe().unwrap();
    set_allow.set("camera; microphone; display-capture".to_owned());
    wait_until("the notice", || page.text().contains("Settings changed")).await;
    assert!(page.iframe().unwrap().is_same_node(Some(&frame)));
    assert_eq!(frame.get_attribute("allow").as_deref(), Some(DEFAULT_ALLOW));
    page.click("Rejoin with new settings");
    wait_until("the new frame", || {
        page.iframe()
            .and_then(|f| f.get_attribute("allow"))
            .is_some_and(|a| a == "camera; microphone; display-capture")
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_check_off_reports_nothing() {
    let source = Stub::url(&format!("{}abc", local_base())).source();
    let warnings = RwSignal::new(0);
    let page = mount(move || {
        view! {
            <MeetEmbed grant_source=source allowed_hosts=local_hosts() allow=""
                permission_check=PermissionCheck::Off
                on_permission_warning=move |_| warnings.update(|n| *n += 1) />
        }
    });
    page.wait_for_state("joined").await;
    sleep(50).await;
    assert_eq!(warnings.get_untracked(), 0);
    assert!(page.find(".immail-meet__permissions").is_none());
}

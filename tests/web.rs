//! `<MeetEmbed>` in a real headless Chromium: each test mounts the component into a
//! fresh element and asserts on the DOM. Grants come from stub sources (the endpoint,
//! through a fake `window.fetch`, is in endpoint_web.rs).
#![cfg(target_arch = "wasm32")]

mod common;

use common::browser::{mount, sleep, wait_until};
use common::embed::{grant, local_base, local_hosts, named, param, EmbedPage, Stub, MEETING};
use common::{expired_token, fresh_token, HOSTILE_NAMES, REFUSED_URLS};
use immail_meet::*;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// ---- the iframe ---------------------------------------------------------------------

#[wasm_bindgen_test]
async fn iframe_has_the_vendor_attributes_and_a_title() {
    let stub = Stub::url(MEETING);
    let source = stub.source();
    let page = mount(move || view! { <MeetEmbed grant_source=source /> });
    assert!(page.iframe().is_none(), "no iframe before the grant");
    page.wait_for_state("joined").await;
    let frame = page.iframe().expect("iframe once joined");
    let attr = |name: &str| frame.get_attribute(name);
    assert_eq!(
        attr("allow").as_deref(),
        Some("camera; microphone; display-capture")
    );
    assert_eq!(attr("allowfullscreen").as_deref(), Some("true"));
    assert_eq!(attr("webkitallowfullscreen").as_deref(), Some("true"));
    assert_eq!(attr("mozallowfullscreen").as_deref(), Some("true"));
    assert_eq!(
        attr("title").as_deref(),
        Some("imMail Meet video conference")
    );
    assert_eq!(attr("style").as_deref(), Some("border: none"));
    assert!(frame.src().starts_with(&format!("{MEETING}?")));
    assert_eq!(stub.calls(), 1);
}

#[wasm_bindgen_test]
async fn every_option_reaches_the_src_with_its_value() {
    let stub = Stub::url(MEETING);
    let source = stub.source();
    let page = mount(move || {
        view! {
            <MeetEmbed
                grant_source=source
                options=MeetOptions {
                    start_recording: true,
                    start_with_audio_muted: false,
                    start_with_video_muted: true,
                    file_recordings_enabled: false,
                    hide_invite_more_header: true,
                    extras: vec![("hideLogo".to_owned(), "true".to_owned())],
                    ..MeetOptions::default()
                }
                title="Consultation"
            />
        }
    });
    page.wait_for_state("joined").await;
    let src = page.iframe().unwrap().src();
    for (key, value) in [
        ("start_recording", "true"),
        ("startWithAudioMuted", "false"),
        ("startWithVideoMuted", "true"),
        ("fileRecordingsEnabled", "false"),
        ("HIDE_INVITE_MORE_HEADER", "true"),
        ("hideLogo", "true"),
        ("jwt", fresh_token().as_str()),
    ] {
        assert_eq!(param(&src, key), [value], "{key}");
    }
    assert!(param(&src, "first_name").is_empty());
    assert_eq!(page.iframe().unwrap().title(), "Consultation");
}

#[wasm_bindgen_test]
async fn each_option_of_the_one_definition_reaches_the_src() {
    // Every switch the core defines, each the other way from imMail's default: an
    // option added to the definition is sent without any change here.
    let mut options = MeetOptions::default();
    let mut expected = Vec::new();
    for spec in MeetOptions::SPECS {
        if let OptionValue::Flag { default, set, .. } = spec.value() {
            set(&mut options, !default);
            expected.push((spec.key(), (!default).to_string()));
        }
    }
    assert!(expected.len() >= 5);
    let source = Stub::url(MEETING).source();
    let page = mount(move || view! { <MeetEmbed grant_source=source options=options /> });
    page.wait_for_state("joined").await;
    let src = page.iframe().unwrap().src();
    for (key, value) in expected {
        assert_eq!(param(&src, key), [value], "{key}");
    }
}

#[wasm_bindgen_test]
async fn defaults_are_the_vendors() {
    let source = Stub::url(MEETING).source();
    let page = mount(move || view! { <MeetEmbed grant_source=source /> });
    page.wait_for_state("joined").await;
    let src = page.iframe().unwrap().src();
    for (key, value) in [
        ("start_recording", "false"),
        ("startWithAudioMuted", "true"),
        ("startWithVideoMuted", "false"),
        ("fileRecordingsEnabled", "true"),
        ("HIDE_INVITE_MORE_HEADER", "false"),
    ] {
        assert_eq!(param(&src, key), [value], "{key}");
    }
}

#[wasm_bindgen_test]
async fn hostile_names_round_trip_through_url_search_params() {
    for name in HOSTILE_NAMES {
        let source = Stub::url(MEETING).source();
        let (first, last) = (name.to_string(), format!("{name}&jwt=forged"));
        let page = mount(move || {
            let options = MeetOptions {
                first_name: Some(first),
                last_name: Some(last),
                ..MeetOptions::default()
            };
            view! { <MeetEmbed grant_source=source options=options /> }
        });
        page.wait_for_state("joined").await;
        let src = page.iframe().unwrap().src();
        assert_eq!(param(&src, "first_name"), [name.to_string()], "{name:?}");
        assert_eq!(
            param(&src, "last_name"),
            [format!("{name}&jwt=forged")],
            "{name:?}"
        );
        assert_eq!(param(&src, "jwt"), [fresh_token()], "{name:?}");
        assert_eq!(param(&src, "start_recording"), ["false"], "{name:?}");
        assert_eq!(web_sys::Url::new(&src).unwrap().hash(), "", "{name:?}");
    }
}

#[wasm_bindgen_test]
async fn every_refused_meeting_url_leaves_no_iframe_and_shows_why() {
    for (url, why) in REFUSED_URLS {
        let source = Stub::url(url).source();
        let page = mount(move || view! { <MeetEmbed grant_source=source /> });
        page.wait_for_state("error").await;
        assert!(page.iframe().is_none(), "{why}: {url}");
        let alert = page
            .root
            .query_selector("[role=alert]")
            .unwrap()
            .expect("an alert");
        assert!(
            alert.text_content().unwrap().contains("Could not join"),
            "{why}"
        );
        assert!(page.text().contains("Retry"), "{why}");
    }
}

// ---- states -------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn shows_progress_while_fetching() {
    let source = GrantSource::from_fn(|| async {
        sleep(300).await;
        Ok::<_, String>(grant(MEETING, &fresh_token()))
    });
    let page = mount(move || view! { <MeetEmbed grant_source=source /> });
    leptos::task::tick().await;
    assert_eq!(page.state(), "fetching");
    assert!(page
        .root
        .query_selector(".immail-meet__panel--busy[role=status]")
        .unwrap()
        .is_some());
    page.wait_for_state("joined").await;
}

#[wasm_bindgen_test]
async fn retry_after_an_error_works() {
    let stub = Stub::new([
        Err("backend down".to_owned()),
        Ok(grant(MEETING, &fresh_token())),
    ]);
    let source = stub.source();
    let errors = RwSignal::new(0);
    let page = mount(
        move || view! { <MeetEmbed grant_source=source on_error=move |_| errors.update(|n| *n += 1) /> },
    );
    page.wait_for_state("error").await;
    assert!(page.text().contains("backend down"), "{}", page.text());
    assert_eq!(errors.get_untracked(), 1);
    page.click("Retry");
    page.wait_for_state("joined").await;
    assert!(page.iframe().is_some());
    assert_eq!(stub.calls(), 2);
}

#[wasm_bindgen_test]
async fn an_expired_grant_is_fetched_once_more() {
    let stub = Stub::new([
        Ok(grant(MEETING, &expired_token())),
        Ok(grant(MEETING, &fresh_token())),
    ]);
    let source = stub.source();
    let page = mount(move || view! { <MeetEmbed grant_source=source /> });
    page.wait_for_state("joined").await;
    assert_eq!(stub.calls(), 2);
    assert_eq!(param(&page.iframe().unwrap().src(), "jwt"), [fresh_token()]);

    // Expired twice in a row: an error, not a loop.
    let stub = Stub::new([Ok(grant(MEETING, &expired_token()))]);
    let source = stub.source();
    let page = mount(move || view! { <MeetEmbed grant_source=source /> });
    page.wait_for_state("error").await;
    assert!(page.text().contains("expired"), "{}", page.text());
    assert_eq!(stub.calls(), 2);
}

#[wasm_bindgen_test]
async fn one_load_per_join_and_props_wait_for_rejoin() {
    let stub = Stub::url(&format!("{}abc", local_base()));
    let source = stub.source();
    let loads = RwSignal::new(0);
    let (name, set_name) = signal("Ana".to_owned());
    let meet = MeetController::new();
    let page = mount(move || {
        view! {
            <MeetEmbed
                grant_source=source
                allowed_hosts=local_hosts()
                options=named(name)
                controller=meet
                on_loaded=move |_| loads.update(|n| *n += 1)
            />
        }
    });
    wait_until("first load", || loads.get_untracked() == 1).await;
    assert_eq!(
        meet.state_signal().get_untracked(),
        MeetState::Joined {
            moderator: None,
            loaded: true
        }
    );
    let frame = page.iframe().unwrap();
    assert!(meet
        .iframe()
        .get_untracked()
        .is_some_and(|f| f.is_same_node(Some(&frame))));
    let src = frame.src();

    set_name.set("Bea".to_owned());
    wait_until("settings-changed notice", || {
        page.text().contains("Settings changed")
    })
    .await;
    sleep(200).await;
    let still = page.iframe().unwrap();
    assert!(
        still.is_same_node(Some(&frame)),
        "the iframe was not replaced"
    );
    assert_eq!(still.src(), src, "the running meeting was not reloaded");
    assert_eq!((loads.get_untracked(), stub.calls()), (1, 1));

    page.click("Rejoin with new settings");
    wait_until("second load", || loads.get_untracked() == 2).await;
    assert_eq!(param(&page.iframe().unwrap().src(), "first_name"), ["Bea"]);
    assert!(!page.text().contains("Settings changed"));
    sleep(200).await;
    assert_eq!((loads.get_untracked(), stub.calls()), (2, 2));
}

#[wasm_bindgen_test]
async fn leave_removes_the_iframe_and_rejoin_brings_it_back() {
    let stub = Stub::url(MEETING);
    let source = stub.source();
    let left = RwSignal::new(0);
    let page = mount(
        move || view! { <MeetEmbed grant_source=source on_left=move |_| left.update(|n| *n += 1) /> },
    );
    page.wait_for_state("joined").await;
    page.click("Leave");
    page.wait_for_state("left").await;
    assert!(page.iframe().is_none());
    assert_eq!(left.get_untracked(), 1);
    assert!(page.text().contains("You left the meeting"));
    page.click("Rejoin");
    page.wait_for_state("joined").await;
    assert!(page.iframe().is_some());
    assert_eq!(stub.calls(), 2);
}

#[wasm_bindgen_test]
async fn controller_drives_a_manual_join() {
    let stub = Stub::url(MEETING);
    let source = stub.source();
    let meet = MeetController::new();
    let page = mount(
        move || view! { <MeetEmbed grant_source=source auto_join=false controller=meet controls=false /> },
    );
    leptos::task::tick().await;
    assert_eq!(page.state(), "idle");
    assert_eq!(stub.calls(), 0);
    meet.join();
    page.wait_for_state("joined").await;
    assert!(
        page.root
            .query_selector(".immail-meet__bar")
            .unwrap()
            .is_none(),
        "controls=false hides the bar"
    );
    meet.leave();
    page.wait_for_state("left").await;
    assert!(page.iframe().is_none());
}

#[wasm_bindgen_test]
async fn leaving_while_fetching_drops_the_late_grant() {
    let source = GrantSource::from_fn(|| async {
        sleep(200).await;
        Ok::<_, String>(grant(MEETING, &fresh_token()))
    });
    let meet = MeetController::new();
    let page = mount(move || view! { <MeetEmbed grant_source=source controller=meet /> });
    leptos::task::tick().await;
    meet.leave();
    sleep(400).await;
    assert_eq!(page.state(), "left");
    assert!(page.iframe().is_none());
}

#[wasm_bindgen_test]
async fn bad_names_and_extras_are_refused_before_fetching() {
    let stub = Stub::url(MEETING);
    let source = stub.source();
    let options = MeetOptions {
        extras: vec![("jwt".to_owned(), "forged".to_owned())],
        ..MeetOptions::default()
    };
    let page = mount(move || view! { <MeetEmbed grant_source=source options=options /> });
    page.wait_for_state("error").await;
    assert!(page.text().contains("\"jwt\""), "{}", page.text());
    assert_eq!(stub.calls(), 0);
    assert!(page.iframe().is_none());
}

#[wasm_bindgen_test]
async fn a_room_name_grant_lands_under_the_meeting_base() {
    let source = GrantSource::from_fn(|| async {
        Ok::<_, String>(GrantResponse {
            room_name: Some("abc".into()),
            jwt: Jwt::new(fresh_token()),
            moderator: Some(true),
            ..Default::default()
        })
    });
    let page = mount(move || view! { <MeetEmbed grant_source=source /> });
    page.wait_for_state("joined").await;
    assert!(page
        .iframe()
        .unwrap()
        .src()
        .starts_with("https://web.immail.ca/meet/abc?"));
    assert!(page.text().contains("Moderator"), "{}", page.text());
}

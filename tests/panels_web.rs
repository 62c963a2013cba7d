//! The app's own words and panels, and the reactive `class`, `width` and `height` of
//! `<MeetEmbed>`, in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod common;

use std::sync::Arc;

use common::browser::{mount, sleep, wait_until};
use common::embed::{component_styles, grant, local_base, local_hosts, EmbedPage, Stub};
use common::fresh_token;
use immail_meet::*;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn french() -> MeetTexts {
    MeetTexts {
        connecting: "Connexion à la réunion…".into(),
        loading: "Chargement de la réunion…".into(),
        left: "Vous avez quitté la réunion.".into(),
        retry: "Réessayer".into(),
        rejoin: "Revenir".into(),
        leave: "Quitter".into(),
        error: Arc::new(|error: &MeetError| match error {
            MeetError::Grant(_) => "Réponse invalide du serveur.".into(),
            other => format!("Erreur : {other}"),
        }),
        ..MeetTexts::default()
    }
}

#[wasm_bindgen_test]
async fn every_text_can_be_given_and_changes_while_mounted() {
    let source = GrantSource::from_fn(|| async {
        sleep(300).await;
        Ok::<_, String>(grant(&format!("{}abc", local_base()), &fresh_token()))
    });
    let texts = RwSignal::new(french());
    let page = mount(move || {
        view! { <MeetEmbed grant_source=source allowed_hosts=local_hosts() texts=texts /> }
    });
    page.wait_for_state("fetching").await;
    assert!(
        page.text().contains("Connexion à la réunion…"),
        "{}",
        page.text()
    );
    page.wait_for_state("joined").await;
    page.click("Quitter");
    page.wait_for_state("left").await;
    assert!(
        page.text().contains("Vous avez quitté la réunion."),
        "{}",
        page.text()
    );
    // Another language while mounted: the panel follows.
    texts.set(MeetTexts::default());
    wait_until("English", || page.text().contains("You left the meeting.")).await;
    page.click("Rejoin");
    page.wait_for_state("joined").await;
}

#[wasm_bindgen_test]
async fn errors_are_told_by_the_texts_error_function() {
    let source = Stub::new([Ok(GrantResponse::default())]).source();
    let page = mount(move || view! { <MeetEmbed grant_source=source texts=french() /> });
    page.wait_for_state("error").await;
    let alert = page.find("[role=alert]").unwrap().text_content().unwrap();
    assert!(alert.contains("Réponse invalide du serveur."), "{alert}");
    assert!(alert.contains("Réessayer"), "{alert}");
    assert!(!alert.contains("Could not join"), "{alert}");
}

#[wasm_bindgen_test]
async fn the_loading_error_and_left_panels_can_be_replaced() {
    let stub = Stub::new([
        Err("backend down".to_owned()),
        Ok(grant(&format!("{}abc", local_base()), &fresh_token())),
    ]);
    let source = stub.source();
    let meet = MeetController::new();
    let page = mount(move || {
        view! {
            <MeetEmbed
                grant_source=source
                allowed_hosts=local_hosts()
                controller=meet
                loading=|| view! { <p class="mine">"Un instant…"</p> }
                error=|error: MeetError| {
                    let meet = expect_context::<MeetController>();
                    view! {
                        <p class="mine">"Oups : " {error.to_string()}</p>
                        <button on:click=move |_| meet.join()>"Encore"</button>
                    }
                }
                left=|reason: LeftReason| view! { <p class="mine">{format!("Fini ({reason:?})")}</p> }
            />
        }
    });
    page.wait_for_state("error").await;
    let panel = page
        .find(".immail-meet__panel[role=alert]")
        .expect("the panel keeps its role");
    assert!(
        panel
            .text_content()
            .unwrap()
            .contains("Oups : Could not join"),
        "{}",
        page.text()
    );
    assert!(!page.text().contains("Retry"), "{}", page.text());
    page.click("Encore");
    page.wait_for_state("joined").await;
    assert_eq!(stub.calls(), 2);
    meet.leave();
    page.wait_for_state("left").await;
    assert_eq!(
        page.find(".immail-meet__panel .mine")
            .unwrap()
            .text_content()
            .unwrap(),
        "Fini (Controls)"
    );
    assert!(!page.text().contains("Rejoin"));
}

#[wasm_bindgen_test]
async fn the_loading_panel_is_the_apps_while_connecting() {
    let source = GrantSource::from_fn(|| async {
        sleep(60_000).await;
        Ok::<_, String>(grant(&format!("{}abc", local_base()), &fresh_token()))
    });
    let page = mount(move || {
        view! { <MeetEmbed grant_source=source loading=|| view! { <p class="mine">"Un instant…"</p> } /> }
    });
    page.wait_for_state("fetching").await;
    let panel = page.find(".immail-meet__panel[role=status]").unwrap();
    assert_eq!(panel.text_content().unwrap(), "Un instant…");
    assert!(
        !panel.class_name().contains("busy"),
        "no built-in spinner under the app's panel"
    );
}

#[wasm_bindgen_test]
async fn class_width_and_height_follow_their_signals() {
    component_styles();
    let source = Stub::url(&format!("{}abc", local_base())).source();
    let (class, set_class) = signal("first".to_owned());
    let (width, set_width) = signal(Some("320px".to_owned()));
    let (height, set_height) = signal(Some("240px".to_owned()));
    let page = mount(move || {
        view! {
            <MeetEmbed grant_source=source allowed_hosts=local_hosts()
                class=class width=width height=height />
        }
    });
    page.wait_for_state("joined").await;
    let root = page.find(".immail-meet").unwrap();
    let size = || {
        let rect = root.get_bounding_client_rect();
        (rect.width().round(), rect.height().round())
    };
    assert_eq!(root.class_name(), "immail-meet first");
    assert_eq!(size(), (320.0, 240.0));
    set_class.set("second other".to_owned());
    set_width.set(Some("410px".to_owned()));
    set_height.set(Some("300px".to_owned()));
    leptos::task::tick().await;
    assert_eq!(root.class_name(), "immail-meet second other");
    assert_eq!(size(), (410.0, 300.0));
    set_height.set(None);
    leptos::task::tick().await;
    assert_eq!(size(), (410.0, 500.0), "back to the stylesheet's default");
    assert!(
        page.find("iframe").is_some(),
        "the meeting was not reloaded"
    );
}

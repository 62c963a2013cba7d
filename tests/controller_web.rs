//! `MeetController` wherever an app reads it: before the `<MeetEmbed>` it controls is
//! mounted, across `<Show>` unmounting and remounting it; and what a room (endpoint)
//! change does while joined. Headless Chromium.
#![cfg(target_arch = "wasm32")]

mod common;

use common::browser::{first_request, mount, sleep, wait_until};
use common::embed::{local_base, local_hosts, named, param, EmbedPage, Stub, MEETING};
use common::fresh_token;
use immail_meet::*;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlButtonElement;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn settings_changed_updates_a_button_placed_before_the_embed() {
    let source = Stub::url(&format!("{}abc", local_base())).source();
    let meet = MeetController::new();
    let shown = RwSignal::new(false);
    let (name, set_name) = signal("Ana".to_owned());
    let page = mount(move || {
        view! {
            <button class="apply" on:click=move |_| meet.rejoin() disabled=move || !meet.settings_changed()>
                "Apply"
            </button>
            <Show when=move || shown.get()>
                <MeetEmbed grant_source=source.clone() allowed_hosts=local_hosts() options=named(name) controller=meet />
            </Show>
        }
    });
    let apply = || {
        page.find("button.apply")
            .unwrap()
            .unchecked_into::<HtmlButtonElement>()
    };
    leptos::task::tick().await;
    assert!(apply().disabled());
    shown.set(true);
    page.wait_for_state("joined").await;
    assert!(apply().disabled(), "nothing changed yet");
    set_name.set("Bea".to_owned());
    wait_until("the button placed before the embed to enable", || {
        !apply().disabled()
    })
    .await;
    apply().click();
    wait_until("the rejoin with the new name", || {
        page.iframe()
            .is_some_and(|f| param(&f.src(), "first_name") == ["Bea"])
    })
    .await;
    wait_until("the button to disable again", || apply().disabled()).await;
}

#[wasm_bindgen_test]
async fn a_controller_says_when_its_embed_is_unmounted_and_keeps_a_join_for_the_next() {
    let stub = Stub::url(&format!("{}abc", local_base()));
    let source = stub.source();
    let meet = MeetController::new();
    assert!(
        !untrack(|| meet.is_attached()),
        "not attached before any embed mounts"
    );
    assert_eq!(untrack(|| meet.state()), MeetState::Detached);
    let shown = RwSignal::new(true);
    let page = mount(move || {
        view! {
            <p class="state">{move || meet.state().name()}</p>
            <Show when=move || shown.get()>
                <MeetEmbed grant_source=source.clone() allowed_hosts=local_hosts() controller=meet auto_join=false />
            </Show>
        }
    });
    let shown_state = || page.find("p.state").unwrap().text_content().unwrap();
    leptos::task::tick().await;
    assert!(untrack(|| meet.is_attached()));
    meet.join();
    page.wait_for_state("joined").await;
    assert_eq!(stub.calls(), 1);

    shown.set(false);
    leptos::task::tick().await;
    assert!(page.iframe().is_none());
    assert!(!untrack(|| meet.is_attached()), "detached once unmounted");
    assert_eq!(
        untrack(|| meet.state()),
        MeetState::Detached,
        "no longer joined"
    );
    assert_eq!(shown_state(), "detached");
    assert!(!untrack(|| meet.settings_changed()));

    // A command given while detached is kept for the next embed, not dropped.
    meet.rejoin();
    sleep(50).await;
    assert_eq!(stub.calls(), 1, "nothing to join yet");
    shown.set(true);
    page.wait_for_state("joined").await;
    assert!(untrack(|| meet.is_attached()));
    assert_eq!(
        stub.calls(),
        2,
        "the kept join ran once, despite auto_join=false"
    );
    leptos::task::tick().await;
    assert_eq!(shown_state(), "joined");

    // leave() while detached drops a kept join: there is nothing to join for.
    shown.set(false);
    leptos::task::tick().await;
    meet.join();
    meet.leave();
    shown.set(true);
    page.wait_for_state("idle").await;
    sleep(50).await;
    assert_eq!(stub.calls(), 2);
}

fn answer(room: &str) -> String {
    format!(
        r#"{{"meeting_url":"{}{room}","jwt":"{}"}}"#,
        local_base(),
        fresh_token()
    )
}

/// A fake `window.fetch` that answers every grant request for room `r` with a grant
/// for `r` (the room is the endpoint's second-to-last path segment).
const ROOM_FETCH: &str = r#"
    window.__realFetch = window.__realFetch || window.fetch;
    window.__requests = [];
    window.fetch = async function (resource, init) {
        const input = new Request(resource, init);
        const url = new URL(input.url);
        window.__requests.push({ url: url.pathname, body: await input.clone().text() });
        const room = url.pathname.split('/').slice(-2)[0];
        return new Response(window.__answer(room), { status: 200, headers: { 'content-type': 'application/json' } });
    };
"#;

#[wasm_bindgen_test]
async fn switching_rooms_while_joined_is_a_settings_change_applied_at_the_next_join() {
    js_sys::eval(ROOM_FETCH).unwrap();
    let template = answer("ROOM");
    let answer_fn = js_sys::Function::new_with_args(
        "room",
        &format!(
            "return {}.replace('ROOM', room);",
            serde_json::to_string(&template).unwrap()
        ),
    );
    js_sys::Reflect::set(&web_sys::window().unwrap(), &"__answer".into(), &answer_fn).unwrap();
    let room = RwSignal::new("first".to_owned());
    let body = RwSignal::new(r#"{"display_name":"Ana"}"#.to_owned());
    let meet = MeetController::new();
    let page = mount(move || {
        view! {
            <MeetEmbed
                endpoint=Signal::derive(move || format!("/api/meet/rooms/{}/grant", room.get()))
                request_body=body
                allowed_hosts=local_hosts()
                controller=meet
            />
        }
    });
    page.wait_for_state("joined").await;
    let frame = page.iframe().unwrap();
    assert!(frame.src().contains("/meet/first?"));

    room.set("second".to_owned());
    wait_until("the notice", || page.text().contains("Settings changed")).await;
    assert!(
        untrack(|| meet.settings_changed()),
        "a room change is a change"
    );
    sleep(100).await;
    assert!(
        page.iframe().unwrap().is_same_node(Some(&frame)),
        "the running meeting stays until the next join"
    );
    page.click("Rejoin with new settings");
    wait_until("the second room", || {
        page.iframe()
            .is_some_and(|f| f.src().contains("/meet/second?"))
    })
    .await;
    assert!(!untrack(|| meet.settings_changed()));

    // The request body is part of what a join is made with, too.
    body.set(r#"{"display_name":"Bea"}"#.to_owned());
    wait_until("the notice for the body", || {
        untrack(|| meet.settings_changed())
    })
    .await;
    meet.rejoin();
    page.wait_for_state("fetching").await;
    page.wait_for_state("joined").await;
    assert!(!untrack(|| meet.settings_changed()));
    let requests = js_sys::eval("JSON.stringify(window.__requests.map(r => [r.url, r.body]))")
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(
        requests,
        r#"[["/api/meet/rooms/first/grant","{\"display_name\":\"Ana\"}"],["/api/meet/rooms/second/grant","{\"display_name\":\"Ana\"}"],["/api/meet/rooms/second/grant","{\"display_name\":\"Bea\"}"]]"#
    );
    assert_eq!(first_request("url"), "/api/meet/rooms/first/grant");
}

#[wasm_bindgen_test]
async fn another_grant_source_while_joined_is_a_settings_change() {
    let first = Stub::url(&format!("{}first", local_base()));
    let second = Stub::url(&format!("{}second", local_base()));
    let source = RwSignal::new(first.source());
    let meet = MeetController::new();
    let page = mount(move || {
        view! { <MeetEmbed grant_source=source allowed_hosts=local_hosts() controller=meet /> }
    });
    page.wait_for_state("joined").await;
    source.set(second.source());
    wait_until("the change", || untrack(|| meet.settings_changed())).await;
    assert!(page.iframe().unwrap().src().contains("/meet/first?"));
    meet.rejoin();
    wait_until("the second source's meeting", || {
        page.iframe()
            .is_some_and(|f| f.src().contains("/meet/second?"))
    })
    .await;
    assert_eq!((first.calls(), second.calls()), (1, 1));
}

#[wasm_bindgen_test]
async fn allowed_hosts_are_reactive_and_a_refused_host_is_named_with_the_prop_to_change() {
    let stub = Stub::url(&format!("{}abc", local_base()));
    let source = stub.source();
    let hosts = RwSignal::new(AllowedHosts::default());
    let page = mount(move || view! { <MeetEmbed grant_source=source allowed_hosts=hosts /> });
    page.wait_for_state("error").await;
    let origin = web_sys::window().unwrap().location().host().unwrap();
    let text = page.text();
    assert!(
        text.contains(&format!(
            "the meeting host \"{origin}\" is not allowed; add \"{}\" to <MeetEmbed allowed_hosts>",
            local_base()
        )),
        "{text}"
    );
    // The app's configuration arrives (e.g. the server's /api/meet/config): the join
    // that its absence refused is made again.
    hosts.set(local_hosts());
    page.wait_for_state("joined").await;
    assert_eq!(stub.calls(), 2);
}

#[wasm_bindgen_test]
async fn allowed_hosts_that_arrive_while_the_grant_is_fetched_apply_to_it() {
    let url = format!("{}abc", local_base());
    let calls = RwSignal::new(0);
    let source = GrantSource::from_fn(move || {
        calls.update(|n| *n += 1);
        let url = url.clone();
        async move {
            sleep(200).await;
            Ok::<_, String>(common::embed::grant(&url, &fresh_token()))
        }
    });
    let hosts = RwSignal::new(AllowedHosts::default());
    let page = mount(move || view! { <MeetEmbed grant_source=source allowed_hosts=hosts /> });
    page.wait_for_state("fetching").await;
    hosts.set(local_hosts());
    page.wait_for_state("joined").await;
    assert_eq!(
        calls.get_untracked(),
        1,
        "checked against the hosts of the moment"
    );
}

#[wasm_bindgen_test]
async fn unmounting_an_older_component_leaves_the_controller_with_the_newer_one() {
    let stub = Stub::url(MEETING);
    let (first, second) = (stub.source(), stub.source());
    let meet = MeetController::new();
    let show_first = RwSignal::new(true);
    let page = mount(move || {
        view! {
            {move || show_first.get().then(|| {
                let source = first.clone();
                view! { <MeetEmbed grant_source=source controller=meet auto_join=false title="first" /> }
            })}
            {move || {
                let source = second.clone();
                view! { <MeetEmbed grant_source=source controller=meet auto_join=false title="second" /> }
            }}
        }
    });
    leptos::task::tick().await;
    show_first.set(false);
    leptos::task::tick().await;
    meet.join();
    page.wait_for_state("joined").await;
    assert_eq!(page.iframe().unwrap().title(), "second");
    assert_eq!(stub.calls(), 1);
}

#[wasm_bindgen_test]
async fn a_meeting_base_the_allowed_hosts_lack_is_named_and_joins_once_they_hold_it() {
    let source = GrantSource::from_fn(|| async {
        Ok::<_, String>(GrantResponse {
            room_name: Some("abc".into()),
            jwt: Jwt::new(fresh_token()),
            ..Default::default()
        })
    });
    let hosts = RwSignal::new(AllowedHosts::default());
    let base = MeetingHost::parse(&local_base()).unwrap();
    let page = mount(move || {
        view! { <MeetEmbed grant_source=source allowed_hosts=hosts meeting_base=base /> }
    });
    page.wait_for_state("error").await;
    let text = page.text();
    assert!(
        text.contains(&format!(
            "The meeting settings are wrong: the meeting host \"{}\" is not allowed; add \"{}\" to <MeetEmbed allowed_hosts>",
            web_sys::window().unwrap().location().host().unwrap(),
            local_base()
        )),
        "{text}"
    );
    assert!(page.iframe().is_none());
    hosts.set(local_hosts());
    page.wait_for_state("joined").await;
    assert!(page
        .iframe()
        .unwrap()
        .src()
        .starts_with(&format!("{}abc?", local_base())));
}

#[wasm_bindgen_test]
async fn a_joined_embed_replaced_under_a_suspense_goes_quietly() {
    // A `<Suspense>` builds its children's view under its own owner: the view of a
    // replaced embed outlives the embed's signals, and hears its last state, `detached`.
    static PANICKED: AtomicBool = AtomicBool::new(false);
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICKED.store(true, Ordering::SeqCst);
        hook(info);
    }));
    let source = Stub::url(&format!("{}abc", local_base())).source();
    let signed_in = RwSignal::new(true);
    let page = mount(move || {
        let answer = LocalResource::new(move || {
            let signed_in = signed_in.get();
            async move {
                sleep(20).await;
                signed_in
            }
        });
        view! {
            <Suspense fallback=|| view! { <p>"Loading"</p> }>
                {move || {
                    let source = source.clone();
                    Suspend::new(async move {
                        if answer.await {
                            view! { <MeetEmbed grant_source=source allowed_hosts=local_hosts() /> }.into_any()
                        } else {
                            view! { <p class="gone">"Signed out"</p> }.into_any()
                        }
                    })
                }}
            </Suspense>
        }
    });
    page.wait_for_state("joined").await;
    signed_in.set(false);
    wait_until("the next view", || page.find("p.gone").is_some()).await;
    sleep(100).await;
    assert!(page.iframe().is_none());
    assert!(
        !PANICKED.load(Ordering::SeqCst),
        "a disposed signal was read"
    );
}

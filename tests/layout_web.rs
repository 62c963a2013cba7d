//! `<MeetEmbed>`'s size in the layouts the README shows, measured in headless Chromium
//! with only the component's stylesheet: fixed sizes, filling a block, flex or grid
//! parent, and an aspect ratio; and the default 500 px in parents too small for it.
#![cfg(target_arch = "wasm32")]

mod common;

use common::browser::{mount, Mounted};
use common::embed::{component_styles, local_base, local_hosts, page_style, EmbedPage, Stub};
use immail_meet::*;
use leptos::prelude::*;
use leptos::tachys::view::Mountable;
use wasm_bindgen_test::*;
use web_sys::DomRect;

wasm_bindgen_test_configure!(run_in_browser);

/// The layouts' own CSS, as the README shows it.
const LAYOUT_CSS: &str = "
    .test-parent { width: 500px; }
    .test-block { height: 300px; }
    .test-flex-row { display: flex; height: 300px; width: 240px; }
    .test-flex-column { display: flex; flex-direction: column; height: 300px; width: 240px; }
    .test-call { display: flex; flex-direction: column; height: 400px; }
    .test-call header { height: 100px; flex: none; }
    .test-call .meeting { flex: 1; min-height: 0; }
    .test-grid { display: grid; grid-template-rows: 80px 1fr; height: 400px; }
    .test-wide .immail-meet__stage { aspect-ratio: 16 / 9; }
";

fn rect(page: &Mounted<impl Mountable>, selector: &str) -> DomRect {
    page.find(selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .get_bounding_client_rect()
}

/// `(width, height)` of the root and of the stage.
fn sizes(page: &Mounted<impl Mountable>) -> ((f64, f64), (f64, f64)) {
    let root = rect(page, ".immail-meet");
    let stage = rect(page, ".immail-meet__stage");
    (
        (root.width(), root.height()),
        (stage.width(), stage.height()),
    )
}

/// Asserts that `inner` lies within `outer` (to the pixel).
fn assert_within(inner: &DomRect, outer: &DomRect, what: &str) {
    assert!(
        inner.left() >= outer.left() - 0.5
            && inner.top() >= outer.top() - 0.5
            && inner.right() <= outer.right() + 0.5
            && inner.bottom() <= outer.bottom() + 0.5,
        "{what}: {}x{} at ({}, {}) overflows its {}x{} parent at ({}, {})",
        inner.width(),
        inner.height(),
        inner.left(),
        inner.top(),
        outer.width(),
        outer.height(),
        outer.left(),
        outer.top()
    );
}

fn setup() {
    component_styles();
    page_style("layout-css", LAYOUT_CSS);
}

#[wasm_bindgen_test]
async fn a_fixed_size_is_the_whole_component() {
    setup();
    let page = mount(
        || view! { <MeetEmbed endpoint="/x" auto_join=false width="480px" height="270px" /> },
    );
    page.wait_for_state("idle").await;
    assert_eq!(sizes(&page), ((480.0, 270.0), (480.0, 270.0)));
}

#[wasm_bindgen_test]
async fn height_100_percent_fills_a_parent_of_definite_height_bar_included() {
    setup();
    let source = Stub::url(&format!("{}abc", local_base())).source();
    let page = mount(move || {
        view! {
            <div class="test-parent test-block">
                <MeetEmbed grant_source=source allowed_hosts=local_hosts() height="100%" />
            </div>
        }
    });
    page.wait_for_state("joined").await;
    leptos::task::tick().await;
    let ((width, height), (stage_width, stage_height)) = sizes(&page);
    assert_eq!((width, height), (500.0, 300.0), "the root fills the parent");
    let bar = rect(&page, ".immail-meet__bar");
    assert_eq!(stage_width, 500.0);
    assert!(
        stage_height > 200.0 && stage_height + bar.height() <= 300.0,
        "the stage takes what the bar leaves: stage {stage_height}, bar {}",
        bar.height()
    );
    let frame = page.iframe().unwrap().get_bounding_client_rect();
    assert_eq!(
        (frame.width(), frame.height()),
        (stage_width, stage_height),
        "the iframe fills the stage"
    );
    assert_within(
        &bar,
        &rect(&page, ".test-parent"),
        "the bar stays in the parent",
    );
}

#[wasm_bindgen_test]
async fn the_default_size_never_overflows_a_smaller_flex_parent() {
    setup();
    for class in ["test-flex-row", "test-flex-column"] {
        let page = mount(move || {
            view! {
                <div class=class>
                    <MeetEmbed endpoint="/x" auto_join=false />
                </div>
            }
        });
        page.wait_for_state("idle").await;
        let parent = rect(&page, &format!(".{class}"));
        assert_within(&rect(&page, ".immail-meet"), &parent, class);
        assert_within(&rect(&page, ".immail-meet__stage"), &parent, class);
        assert_eq!(
            sizes(&page).0,
            (240.0, 300.0),
            "{class}: as large as the parent allows"
        );
    }
}

#[wasm_bindgen_test]
async fn the_default_size_is_500px_where_there_is_room() {
    setup();
    let page = mount(
        || view! { <div class="test-parent"><MeetEmbed endpoint="/x" auto_join=false /></div> },
    );
    page.wait_for_state("idle").await;
    assert_eq!(sizes(&page), ((500.0, 500.0), (500.0, 500.0)));
}

#[wasm_bindgen_test]
async fn a_flex_item_fills_what_its_column_leaves() {
    setup();
    let page = mount(|| {
        view! {
            <div class="test-parent test-call">
                <header>"Consultation"</header>
                <MeetEmbed endpoint="/x" auto_join=false class="meeting" height="auto" />
            </div>
        }
    });
    page.wait_for_state("idle").await;
    assert_eq!(sizes(&page), ((500.0, 300.0), (500.0, 300.0)));
}

#[wasm_bindgen_test]
async fn a_grid_cell_is_filled() {
    setup();
    for height in ["100%", "auto"] {
        let page = mount(move || {
            view! {
                <div class="test-parent test-grid">
                    <header>"Consultation"</header>
                    <MeetEmbed endpoint="/x" auto_join=false height=height />
                </div>
            }
        });
        page.wait_for_state("idle").await;
        assert_eq!(
            sizes(&page),
            ((500.0, 320.0), (500.0, 320.0)),
            "height={height}"
        );
    }
}

#[wasm_bindgen_test]
async fn an_aspect_ratio_sizes_the_stage() {
    setup();
    let page = mount(|| {
        view! {
            <div class="test-parent">
                <MeetEmbed endpoint="/x" auto_join=false class="test-wide" width="480px" height="auto" />
            </div>
        }
    });
    page.wait_for_state("idle").await;
    assert_eq!(sizes(&page), ((480.0, 270.0), (480.0, 270.0)));
}

//! Browser-test helpers: mount a view into a fresh element, wait for the DOM, click.

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::tachys::view::Mountable;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A view mounted into its own element of the test page.
pub struct Mounted<S: Mountable> {
    pub root: HtmlElement,
    _handle: leptos::mount::UnmountHandle<S>,
}

impl<S: Mountable> Mounted<S> {
    /// All text under the root.
    pub fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    /// The first element matching `selector`.
    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    /// Every element matching `selector`.
    pub fn find_all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.get(i).unwrap().unchecked_into())
            .collect()
    }

    /// The `data-state` attribute of the first element matching `selector` (`""` if
    /// there is none).
    pub fn data_state(&self, selector: &str) -> String {
        self.find(selector)
            .and_then(|e| e.get_attribute("data-state"))
            .unwrap_or_default()
    }

    /// Waits until the element matching `selector` is in `state`.
    pub async fn wait_for(&self, selector: &str, state: &str) {
        wait_until(&format!("{selector} {state}"), || {
            self.data_state(selector) == state
        })
        .await;
    }

    /// Clicks the button whose text is `label`.
    pub fn click(&self, label: &str) {
        let button = self
            .find_all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().trim() == label)
            .unwrap_or_else(|| panic!("no button {label:?} in {:?}", self.text()));
        button.unchecked_into::<HtmlElement>().click();
    }
}

impl<S: Mountable> Drop for Mounted<S> {
    /// Takes the root out of the page (the view is unmounted right after).
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Mounts `f` into a fresh element appended to the body.
pub fn mount<N: IntoView + 'static>(f: impl FnOnce() -> N + 'static) -> Mounted<N::State> {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = mount_to(root.clone(), f);
    Mounted {
        root,
        _handle: handle,
    }
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A field of the first request a test's fake `fetch` recorded in `window.__requests`
/// (`undefined` when there was none).
pub fn first_request(field: &str) -> wasm_bindgen::JsValue {
    js_sys::eval(&format!(
        "window.__requests.length ? window.__requests[0].{field} : undefined"
    ))
    .unwrap()
}

/// Ticks and polls until `ready()` (about 5 s at most).
pub async fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    for _ in 0..500 {
        leptos::task::tick().await;
        if ready() {
            return;
        }
        sleep(10).await;
    }
    panic!("timed out waiting for {what}");
}

//! What the `<MeetEmbed>` browser tests share: stub grant sources, a test-page meeting
//! base, reading a mounted embed, and the component's own stylesheet in the page.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use immail_meet::*;
use leptos::prelude::*;
use leptos::tachys::view::Mountable;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlIFrameElement};

use super::browser::Mounted;
use super::fresh_token;

/// One answer of a stub grant source.
pub type Answer = Result<GrantResponse, String>;

/// A grant source that hands out queued answers (the last one repeats) and counts calls.
#[derive(Clone)]
pub struct Stub {
    answers: Arc<Mutex<VecDeque<Answer>>>,
    calls: Arc<Mutex<usize>>,
}

impl Stub {
    pub fn new(answers: impl IntoIterator<Item = Answer>) -> Self {
        Self {
            answers: Arc::new(Mutex::new(answers.into_iter().collect())),
            calls: Arc::default(),
        }
    }

    pub fn url(url: &str) -> Self {
        Self::new([Ok(grant(url, &fresh_token()))])
    }

    pub fn source(&self) -> GrantSource {
        let this = self.clone();
        GrantSource::from_fn(move || {
            *this.calls.lock().unwrap() += 1;
            let mut answers = this.answers.lock().unwrap();
            let answer = if answers.len() > 1 {
                answers.pop_front()
            } else {
                answers.front().cloned()
            };
            async move { answer.expect("stub has an answer") }
        })
    }

    pub fn calls(&self) -> usize {
        *self.calls.lock().unwrap()
    }
}

pub fn grant(url: &str, jwt: &str) -> GrantResponse {
    GrantResponse {
        meeting_url: Some(url.into()),
        jwt: Jwt::new(jwt),
        ..Default::default()
    }
}

/// A meeting on imMail's own host (never loaded by these tests' assertions).
pub const MEETING: &str = "https://web.immail.ca/meet/19wda8xxxs8eas8q";

/// The test page's own origin, allowed as a loopback "sandbox" so iframes load fast.
pub fn local_base() -> String {
    format!(
        "{}/meet/",
        web_sys::window().unwrap().location().origin().unwrap()
    )
}

/// Options with this first name (and imMail's defaults).
pub fn named(name: ReadSignal<String>) -> Signal<MeetOptions> {
    Signal::derive(move || MeetOptions {
        first_name: Some(name.get()),
        ..MeetOptions::default()
    })
}

pub fn local_hosts() -> AllowedHosts {
    AllowedHosts::default().with(&local_base()).unwrap()
}

/// What the `<MeetEmbed>` tests read from a mounted page.
pub trait EmbedPage {
    fn iframe(&self) -> Option<HtmlIFrameElement>;
    fn state(&self) -> String;
    async fn wait_for_state(&self, state: &str);
}

impl<S: Mountable> EmbedPage for Mounted<S> {
    fn iframe(&self) -> Option<HtmlIFrameElement> {
        self.find("iframe").map(|e| e.unchecked_into())
    }

    fn state(&self) -> String {
        self.data_state(".immail-meet")
    }

    async fn wait_for_state(&self, state: &str) {
        self.wait_for(".immail-meet", state).await;
    }
}

/// Every value of `key` in the query of `src`.
pub fn param(src: &str, key: &str) -> Vec<String> {
    let url = web_sys::Url::new(src).unwrap();
    url.search_params()
        .get_all(key)
        .iter()
        .map(|v| v.as_string().unwrap())
        .collect()
}

/// Puts a `<style id=id>` with `css` in the page's head, replacing one of that id.
pub fn page_style(id: &str, css: &str) {
    let document = web_sys::window().unwrap().document().unwrap();
    remove_page_style(id);
    let style = document.create_element("style").unwrap();
    style.set_id(id);
    style.set_text_content(Some(css));
    document.head().unwrap().append_child(&style).unwrap();
}

/// Removes the `<style id=id>` put in by [`page_style`], if any.
pub fn remove_page_style(id: &str) {
    let document = web_sys::window().unwrap().document().unwrap();
    if let Some(old) = document.get_element_by_id(id) {
        old.remove();
    }
}

/// The component's stylesheet, and only it, as a user's page has it (never the
/// demo's).
pub fn component_styles() {
    page_style(
        "immail-meet-css",
        include_str!("../../style/immail-meet.css"),
    );
}

/// A page stylesheet that undoes what `[hidden]` and plain `display` rules usually do:
/// a reset or a framework a user's page may well have.
pub const HOSTILE_CSS: &str = "
    [hidden] { display: block !important; }
    div { display: flex; }
    p, span { display: block; }
    button { display: inline-block; }
    iframe { display: inline; }
";

/// Whether `element` is what a user sees and clicks at the centre of its box: it has
/// a size, and the topmost element there (`elementFromPoint`) is it or inside it.
pub fn is_topmost(element: &Element) -> bool {
    let rect = element.get_bounding_client_rect();
    if rect.width() < 1.0 || rect.height() < 1.0 {
        return false;
    }
    let document = web_sys::window().unwrap().document().unwrap();
    let (x, y) = (
        (rect.left() + rect.width() / 2.0) as f32,
        (rect.top() + rect.height() / 2.0) as f32,
    );
    document
        .element_from_point(x, y)
        .is_some_and(|top| element.contains(Some(&top)))
}

/// What is topmost at the centre of `element`'s box, as `tag.class` (for messages).
pub fn topmost_at(element: &Element) -> String {
    let rect = element.get_bounding_client_rect();
    let document = web_sys::window().unwrap().document().unwrap();
    document
        .element_from_point(
            (rect.left() + rect.width() / 2.0) as f32,
            (rect.top() + rect.height() / 2.0) as f32,
        )
        .map(|e| format!("{}.{}", e.tag_name().to_lowercase(), e.class_name()))
        .unwrap_or_else(|| "nothing".into())
}

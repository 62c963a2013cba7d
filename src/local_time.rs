//! [`LocalTime`]: a [`Timestamp`] in the reader's own time zone and language.

use leptos::prelude::*;

use crate::Timestamp;

/// `<time datetime="2021-04-29T03:24:34.550Z">Apr 29, 2021, 5:24 AM</time>`: the
/// browser's `Date.toLocaleString` with a medium date and a short time, in the reader's
/// zone and locale.
#[component]
pub(crate) fn LocalTime(time: Timestamp, class: &'static str) -> impl IntoView {
    view! { <time class=class datetime=time.to_string()>{local_date_time(time)}</time> }
}

/// The time in the reader's zone and locale. Natively (server-side rendering, where
/// the reader's zone is unknown): `2021-04-29 03:24 UTC`.
#[cfg(target_arch = "wasm32")]
fn local_date_time(time: Timestamp) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(time.unix_millis() as f64));
    let options = js_sys::Object::new();
    let set = |key: &str, value: &str| {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    };
    set("dateStyle", "medium");
    set("timeStyle", "short");
    // "default" is the runtime's default locale.
    date.to_locale_string("default", &options).into()
}

#[cfg(not(target_arch = "wasm32"))]
fn local_date_time(time: Timestamp) -> String {
    let text = time.to_string(); // 2021-04-29T03:24:34.550Z
    match (text.get(..10), text.get(11..16)) {
        (Some(date), Some(clock)) => format!("{date} {clock} UTC"),
        _ => text,
    }
}

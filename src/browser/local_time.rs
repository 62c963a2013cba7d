//! A [`Timestamp`] in the reader's own time zone and language.

use crate::logic::Timestamp;

/// `Apr 29, 2021, 5:24 AM` (or the reader's locale's form): the browser's
/// `Date.toLocaleString` with a medium date and a short time. Natively (server-side
/// rendering, where the reader's zone is unknown): `2021-04-29 03:24 UTC`.
pub(crate) fn local_date_time(time: Timestamp) -> String {
    platform(time)
}

#[cfg(target_arch = "wasm32")]
fn platform(time: Timestamp) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(time.unix_millis() as f64));
    let options = js_sys::JSON::parse(r#"{"dateStyle":"medium","timeStyle":"short"}"#)
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    // "default" is the runtime's default locale.
    date.to_locale_string("default", &options).into()
}

#[cfg(not(target_arch = "wasm32"))]
fn platform(time: Timestamp) -> String {
    let text = time.to_string(); // 2021-04-29T03:24:34.550Z
    match (text.get(..10), text.get(11..16)) {
        (Some(date), Some(clock)) => format!("{date} {clock} UTC"),
        _ => text,
    }
}

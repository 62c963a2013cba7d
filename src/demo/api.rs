//! The demo's calls to the reference server, on the same `window.fetch` exchange as the
//! component's grant path (time-out, size limit, the server's `{"error": {...}}`
//! message), with JSON read by the browser's own `JSON.parse`: no HTTP or JSON crate in
//! the page.

use wasm_bindgen::JsValue;

use crate::browser::fetch::fetch_text;
use crate::logic::json::{parse, Json};
use crate::GrantFetchError;

/// How long one call to the backend may take, in milliseconds.
const TIMEOUT_MS: u32 = 15_000;
/// Largest answer read, in bytes (the answers here are a few hundred).
const MAX_BYTES: u32 = 64 * 1024;

/// What `GET /api/meet/config` says.
#[derive(Clone, Debug)]
pub struct Config {
    /// `sandbox` or `immail`.
    pub mode: String,
    /// Where meetings live.
    pub meeting_base: String,
}

/// `text` as a JSON string literal.
pub fn json_string(text: &str) -> String {
    js_sys::JSON::stringify(&JsValue::from_str(text))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// The string member `key` of the JSON object in `text`.
fn string_field(json: &Json, key: &str) -> Option<String> {
    match json.get(key) {
        Some(Json::String(value)) => Some(value.clone()),
        _ => None,
    }
}

/// A failed call as a sentence: the server's own message when it sent one.
fn describe(error: GrantFetchError) -> String {
    match error {
        GrantFetchError::Network => "The backend is unreachable: is the server running?".into(),
        GrantFetchError::Status {
            message: Some(message),
            ..
        } => message,
        other => other.to_string(),
    }
}

/// `method url` with an optional JSON body: the answer parsed, or why not.
async fn call(method: &str, url: &str, body: Option<&str>) -> Result<Json, String> {
    let text = fetch_text(method, url, body, TIMEOUT_MS, MAX_BYTES)
        .await
        .map_err(describe)?;
    parse(&text).map_err(|_| "The backend's answer is not readable.".to_owned())
}

/// `GET /api/meet/config`.
pub async fn config() -> Result<Config, String> {
    let json = call("GET", "/api/meet/config", None).await?;
    match (
        string_field(&json, "mode"),
        string_field(&json, "meeting_base"),
    ) {
        (Some(mode), Some(meeting_base)) => Ok(Config { mode, meeting_base }),
        _ => Err("The backend's answer is not readable.".to_owned()),
    }
}

/// `POST /api/meet/rooms`: the new room's name.
pub async fn create_room(topic: &str) -> Result<String, String> {
    let mut body = String::from(r#"{"topic":"#);
    body.push_str(&json_string(topic));
    body.push('}');
    let mut failed = String::from("Could not create the meeting: ");
    match call("POST", "/api/meet/rooms", Some(&body)).await {
        Ok(json) => string_field(&json, "name")
            .ok_or_else(|| "The backend's answer is not readable.".to_owned()),
        Err(why) => {
            failed.push_str(&why);
            Err(failed)
        }
    }
}

/// The badge text for a mode (`down`: the configuration could not be read; empty while
/// it is being read).
pub fn mode_label(mode: &str) -> &'static str {
    match mode {
        "" => "",
        "sandbox" => "Sandbox mode — no imMail account needed",
        "down" => "Backend unreachable",
        _ => "Connected to imMail",
    }
}

/// `?room=<name>` of the current page, if it is a valid room name.
pub fn room_from_location() -> Option<String> {
    let search = leptos::prelude::window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let room = params.get("room")?;
    crate::RoomName::parse(&room)
        .ok()
        .map(|r| r.as_str().to_owned())
}

/// The link a guest opens to join `room`.
pub fn share_link(room: &str) -> String {
    let location = leptos::prelude::window().location();
    let mut link = location.origin().unwrap_or_default();
    link.push_str(&location.pathname().unwrap_or_else(|_| "/".into()));
    link.push_str("?room=");
    link.push_str(room);
    link
}

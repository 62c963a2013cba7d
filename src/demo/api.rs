//! The demo's calls to the reference server. JSON goes through the browser's own
//! `JSON.parse` / `JSON.stringify`, like the component's grant path, to keep the page
//! small.

use gloo_net::http::Request;
use wasm_bindgen::JsValue;

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

/// The string member `key` of the JSON object in `text` (`a.b` for nested members).
fn string_field(text: &str, path: &str) -> Option<String> {
    let mut value = js_sys::JSON::parse(text).ok()?;
    for key in path.split('.') {
        value = js_sys::Reflect::get(&value, &JsValue::from_str(key)).ok()?;
    }
    value.as_string()
}

async fn post_or_get(request: Result<Request, gloo_net::Error>) -> Result<(u16, String), String> {
    let response = request
        .map_err(|_| "Could not build the request.".to_owned())?
        .send()
        .await
        .map_err(|_| "The backend is unreachable: is the server running?".to_owned())?;
    let status = response.status();
    let text = response
        .text()
        .await
        .map_err(|_| "The backend's answer was cut off.".to_owned())?;
    if (200..300).contains(&status) {
        Ok((status, text))
    } else {
        Err(string_field(&text, "error.message").unwrap_or_else(|| format!("HTTP {status}")))
    }
}

/// `GET /api/meet/config`.
pub async fn config() -> Result<Config, String> {
    let (_, text) = post_or_get(Request::get("/api/meet/config").build()).await?;
    match (
        string_field(&text, "mode"),
        string_field(&text, "meeting_base"),
    ) {
        (Some(mode), Some(meeting_base)) => Ok(Config { mode, meeting_base }),
        _ => Err("The backend's answer is not readable.".to_owned()),
    }
}

/// `POST /api/meet/rooms`: the new room's name.
pub async fn create_room(topic: &str) -> Result<String, String> {
    let body = format!(r#"{{"topic":{}}}"#, json_string(topic));
    let request = Request::post("/api/meet/rooms")
        .header("Content-Type", "application/json")
        .body(body);
    let (_, text) = post_or_get(request)
        .await
        .map_err(|e| format!("Could not create the meeting: {e}"))?;
    string_field(&text, "name").ok_or_else(|| "The backend's answer is not readable.".to_owned())
}

/// The badge text for a mode.
pub fn mode_label(mode: &str) -> &'static str {
    match mode {
        "sandbox" => "Sandbox mode — no imMail account needed",
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
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    format!("{origin}{path}?room={room}")
}

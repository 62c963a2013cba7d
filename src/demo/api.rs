//! The demo's calls to the reference server.

use gloo_net::http::Request;
use serde::Deserialize;

/// `GET /api/meet/config`.
#[derive(Clone, Debug, Deserialize)]
pub struct Config {
    pub mode: String,
    pub meeting_base: String,
}

/// `POST /api/meet/rooms`.
#[derive(Clone, Debug, Deserialize)]
pub struct Created {
    pub name: String,
}

pub async fn config() -> Result<Config, String> {
    let response = Request::get("/api/meet/config")
        .send()
        .await
        .map_err(|_| "The backend is unreachable.".to_owned())?;
    if !response.ok() {
        return Err(format!("The backend answered HTTP {}.", response.status()));
    }
    response
        .json()
        .await
        .map_err(|_| "The backend's answer is not readable.".to_owned())
}

pub async fn create_room(topic: &str) -> Result<Created, String> {
    let body = serde_json::json!({ "topic": topic }).to_string();
    let response = Request::post("/api/meet/rooms")
        .header("Content-Type", "application/json")
        .body(body)
        .map_err(|_| "Could not build the request.".to_owned())?
        .send()
        .await
        .map_err(|_| "The backend is unreachable: is the server running?".to_owned())?;
    let text = response.text().await.unwrap_or_default();
    if !response.ok() {
        let message = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v["error"]["message"].as_str().map(str::to_owned))
            .unwrap_or_else(|| format!("HTTP {}", response.status()));
        return Err(format!("Could not create the meeting: {message}"));
    }
    serde_json::from_str(&text).map_err(|_| "The backend's answer is not readable.".to_owned())
}

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

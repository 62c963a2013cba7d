//! The demo's calls to the reference server: the crate's own
//! ([`fetch_public_config`](crate::fetch_public_config),
//! [`create_room`](crate::create_room)), on the same `window.fetch` exchange as the
//! component's grant path, with their failures as sentences for the page.

use crate::components::DEFAULT_API_BASE;
use crate::GrantFetchError;

pub(crate) use crate::browser::server_api::json_string;

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

/// `POST /api/meet/rooms`: the new room's name.
pub async fn create_room(topic: &str) -> Result<String, String> {
    match crate::create_room(DEFAULT_API_BASE, topic).await {
        Ok(room) => Ok(room.name.as_str().to_owned()),
        Err(why) => {
            let mut failed = String::from("Could not create the meeting: ");
            failed.push_str(&describe(why));
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

//! Meetings: the server functions that create one, describe one to its caller, and
//! grant a join. Every role is decided on the server, from the sign-in, by the meeting
//! backend (`immail-meet-server`); the browser never names one.

use immail_meet::GrantResponse;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A meeting as its caller sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// The room's name: its address is `/room/<room>`.
    pub room: String,
    /// What it is about.
    pub topic: String,
    /// The caller's name.
    pub you: String,
    /// Whether the caller hosts it (moderates the meeting).
    pub host: bool,
    /// Whether the caller may look back on its sessions, recordings and chats.
    pub may_read_history: bool,
    /// Where its meetings live: the app allows it beside imMail's host (the sandbox's,
    /// on its own origin, in sandbox mode).
    pub meeting_base: String,
}

/// Creates a meeting hosted by the caller and goes to it.
#[server(endpoint = "create_meeting")]
pub async fn create_meeting(topic: String) -> Result<String, AppError> {
    use crate::server::call::{caller, failed};
    use immail_meet_server::models::CreateRoom;

    let (state, caller) = caller().await?;
    let request = CreateRoom {
        topic,
        ..CreateRoom::default()
    };
    let room = state.meet.create_room(&caller, request).await;
    let room = room.map_err(failed)?;
    leptos_axum::redirect(&format!("/room/{}", room.name));
    Ok(room.name)
}

/// The meeting `room` as the caller sees it: `401` without a sign-in, `404` for a room
/// this app did not create.
#[server(endpoint = "open_meeting")]
pub async fn open_meeting(room: String) -> Result<Meeting, AppError> {
    load(&room).await
}

/// The meeting `room`, for a caller who may read its history (its host): `403` for
/// anyone else, as the backend's own history routes answer.
#[server(endpoint = "open_history")]
pub async fn open_history(room: String) -> Result<Meeting, AppError> {
    use crate::server::call::failed;
    use immail_meet_server::ApiError;

    let meeting = load(&room).await?;
    if !meeting.may_read_history {
        return Err(failed(ApiError::Forbidden));
    }
    Ok(meeting)
}

/// A grant to join `room`, for `<MeetEmbed grant_source>`: the meeting URL and a
/// participant token with the role the backend decided for the caller.
#[server(endpoint = "grant")]
pub async fn grant(room: String) -> Result<GrantResponse, AppError> {
    use crate::server::call::{caller, failed};

    let (state, caller) = caller().await?;
    state.meet.grant(&caller, &room, None).await.map_err(failed)
}

/// Reads the room and the caller's rights in it, as the backend's identity decides.
#[cfg(feature = "ssr")]
async fn load(room: &str) -> Result<Meeting, AppError> {
    use crate::server::call::{caller, failed};
    use immail_meet_server::{ApiError, Role};

    let (state, caller) = caller().await?;
    let record = state.meet.store().room(room).await;
    let record = record
        .map_err(|e| failed(ApiError::from(e)))?
        .ok_or_else(|| failed(ApiError::RoomNotFound))?;
    let identity = state.meet.identity();
    let role = identity.role(&caller, &record).await.map_err(failed)?;
    let role = role.ok_or_else(|| failed(ApiError::MayNotJoin))?;
    let may_read_history = identity.may_read_history(&caller, &record).await;
    Ok(Meeting {
        room: record.name,
        topic: record.topic,
        you: caller.display_name().unwrap_or_default().to_owned(),
        host: role == Role::Moderator,
        may_read_history: may_read_history.map_err(failed)?,
        meeting_base: state.meet.config().meeting_base,
    })
}

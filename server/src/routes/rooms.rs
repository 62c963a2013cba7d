//! `POST /api/meet/rooms` and `POST /api/meet/rooms/{room}/grant`.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::{Extension, Json};
use immail_meet_core::GrantResponse;
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::OffsetDateTime;

use super::{json_body, Body};
use crate::error::AppError;
use crate::session::SessionId;
use crate::state::{AppState, RoomRecord};
use crate::upstream::NewRoom;

/// Longest topic, in characters.
pub const MAX_TOPIC_CHARS: usize = 200;
/// Longest display name, in characters.
pub const MAX_NAME_CHARS: usize = 128;

/// The body of `POST /api/meet/rooms`.
#[derive(Debug, Default, Deserialize)]
pub struct CreateRoom {
    /// What the meeting is about.
    pub topic: String,
    /// Start, `YYYY-MM-DD HH:MM` (imMail's form), optional.
    #[serde(default)]
    pub start_at: Option<String>,
    /// Length in minutes (1 to 1440), optional.
    #[serde(default)]
    pub duration: Option<u32>,
}

/// The answer of `POST /api/meet/rooms`: never a JWT.
#[derive(Debug, Serialize, Deserialize)]
pub struct RoomCreated {
    /// The VIDEO ROOM ID.
    pub id: String,
    /// The room name (what grant URLs use).
    pub name: String,
    /// The topic.
    pub topic: String,
    /// The meeting URL.
    pub meeting_url: String,
    /// Start, if scheduled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_at: Option<String>,
    /// Length in minutes, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
}

/// The body of a grant request. Anything else (a `moderator` field included) is ignored:
/// the server decides the role.
#[derive(Debug, Default, Deserialize)]
pub struct GrantRequest {
    /// The name shown in the meeting's token.
    #[serde(default)]
    pub display_name: Option<String>,
}

/// `POST /api/meet/rooms`: schedules a room; the caller's session becomes its moderator.
pub async fn create(
    State(state): State<AppState>,
    Extension(session): Extension<SessionId>,
    body: Body,
) -> Result<impl IntoResponse, AppError> {
    let request: CreateRoom = json_body(body, false)?;
    let topic = request.topic.trim().to_owned();
    if topic.is_empty() || topic.chars().count() > MAX_TOPIC_CHARS {
        return Err(AppError::BadRequest(format!(
            "The topic must be 1 to {MAX_TOPIC_CHARS} characters."
        )));
    }
    if let Some(start) = &request.start_at {
        let form = format_description!("[year]-[month]-[day] [hour]:[minute]");
        if time::PrimitiveDateTime::parse(start, form).is_err() {
            return Err(AppError::BadRequest(
                "start_at must look like 2026-11-29 10:15.".into(),
            ));
        }
    }
    if request.duration.is_some_and(|d| !(1..=1440).contains(&d)) {
        return Err(AppError::BadRequest(
            "duration must be 1 to 1440 minutes.".into(),
        ));
    }
    let new_room = NewRoom {
        topic,
        start_at: request.start_at,
        duration_minutes: request.duration,
    };
    let room = state.upstream.create_room(&new_room).await?;
    let created = RoomCreated {
        id: room.id.clone(),
        name: room.name.clone(),
        topic: room.topic.clone(),
        meeting_url: state.meeting_url(&room),
        start_at: new_room.start_at.clone(),
        duration: new_room.duration_minutes,
    };
    tracing::info!(room = %room.name, "room created");
    let record = RoomRecord {
        room,
        creator: session,
        start_at: new_room.start_at,
        duration_minutes: new_room.duration_minutes,
    };
    state
        .rooms
        .write()
        .expect("rooms lock")
        .insert(record.room.name.clone(), record);
    Ok((StatusCode::CREATED, Json(created)))
}

/// `POST /api/meet/rooms/{room}/grant`: a participant grant for the caller. The room's
/// creator is moderator, everyone else a guest.
pub async fn grant(
    State(state): State<AppState>,
    Extension(session): Extension<SessionId>,
    Path(room_name): Path<String>,
    body: Body,
) -> Result<impl IntoResponse, AppError> {
    let request: GrantRequest = json_body(body, true)?;
    let record = state.room(&room_name)?;
    let moderator = record.creator == session;
    let display_name = match request.display_name.as_deref().map(str::trim) {
        None | Some("") => if moderator { "Host" } else { "Guest" }.to_owned(),
        Some(name) if name.chars().count() > MAX_NAME_CHARS => {
            return Err(AppError::BadRequest(format!(
                "display_name must be at most {MAX_NAME_CHARS} characters."
            )));
        }
        Some(name) => name.to_owned(),
    };
    let token = state
        .upstream
        .participant_token(
            &record.room,
            &display_name,
            moderator,
            state.config.grant_ttl_secs,
        )
        .await?;
    let expires_at = token
        .expires_at
        .and_then(|at| OffsetDateTime::from_unix_timestamp(at).ok())
        .and_then(|at| at.format(&Rfc3339).ok());
    tracing::info!(room = %room_name, moderator, "grant issued");
    let answer = GrantResponse {
        meeting_url: Some(state.meeting_url(&record.room)),
        room_name: None,
        jwt: token.jwt,
        moderator: Some(moderator),
        expires_at,
    };
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(answer)))
}

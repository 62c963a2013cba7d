//! Creating rooms and granting access to them.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::OffsetDateTime;

use super::MeetApi;
use crate::identity::{Caller, Role};
use crate::models::{CreateRoom, GrantResponse, RoomCreated};
use crate::store::Room;
use crate::upstream::NewRoom;
use crate::ApiError;

/// Longest topic, in characters.
pub const MAX_TOPIC_CHARS: usize = 200;
/// Longest display name, in characters.
pub const MAX_NAME_CHARS: usize = 128;

impl MeetApi {
    /// Schedules a room for `caller`, who becomes its creator (its moderator under the
    /// default rules). Checks the request, the identity's
    /// [`may_create_rooms`](crate::Identity::may_create_rooms) and the caller's room
    /// limit; the room is stored before it is answered.
    pub async fn create_room(
        &self,
        caller: &Caller,
        request: CreateRoom,
    ) -> Result<RoomCreated, ApiError> {
        let new_room = checked(request)?;
        let creator = match caller.id() {
            Some(id) if self.inner.identity.may_create_rooms(caller).await? => id.clone(),
            _ => return Err(ApiError::MayNotCreateRooms),
        };
        self.inner.room_limiter.check(caller)?;
        let room = self.inner.upstream.create_room(&new_room).await?;
        let record = Room {
            name: room.name.clone(),
            upstream_id: room.id.clone(),
            topic: room.topic.clone(),
            start_at: new_room.start_at,
            duration_minutes: new_room.duration_minutes,
            creator,
            created_at: crate::clock::now_secs(),
        };
        self.inner.store.insert_room(&record).await?;
        self.inner.rooms.keep(&record);
        tracing::info!(room = %record.name, "room created");
        Ok(RoomCreated {
            meeting_url: self.meeting_url(&room),
            id: room.id,
            name: room.name,
            topic: room.topic,
            start_at: record.start_at,
            duration: record.duration_minutes,
        })
    }

    /// A participant grant for `caller` in room `room`: the role is the identity's
    /// [`role`](crate::Identity::role), never the browser's. The name shown is
    /// `display_name`, else the caller's, else `Host` or `Guest`. Counts against the
    /// caller's grant limit.
    pub async fn grant(
        &self,
        caller: &Caller,
        room: &str,
        display_name: Option<&str>,
    ) -> Result<GrantResponse, ApiError> {
        let display_name = match display_name.map(str::trim) {
            Some(name) if name.chars().count() > MAX_NAME_CHARS => {
                return Err(ApiError::BadRequest(format!(
                    "display_name must be at most {MAX_NAME_CHARS} characters."
                )));
            }
            Some(name) if !name.is_empty() => Some(name.to_owned()),
            _ => None,
        };
        self.inner.grant_limiter.check(caller)?;
        let record = self.room(room).await?;
        let moderator = match self.inner.identity.role(caller, &record).await? {
            Some(role) => role == Role::Moderator,
            None => return Err(ApiError::MayNotJoin),
        };
        let display_name = display_name
            .or_else(|| caller.display_name().map(str::to_owned))
            .unwrap_or_else(|| if moderator { "Host" } else { "Guest" }.to_owned());
        let upstream_room = record.upstream();
        let token = self
            .inner
            .upstream
            .participant_token(
                &upstream_room,
                &display_name,
                moderator,
                self.inner.grant_ttl_secs,
            )
            .await?;
        let expires_at = token
            .expires_at
            .and_then(|at| OffsetDateTime::from_unix_timestamp(at).ok())
            .and_then(|at| at.format(&Rfc3339).ok());
        tracing::info!(room = %record.name, moderator, "grant issued");
        Ok(GrantResponse {
            meeting_url: Some(self.meeting_url(&upstream_room)),
            room_name: None,
            jwt: token.jwt,
            moderator: Some(moderator),
            expires_at,
        })
    }
}

/// The request as the upstream takes it, or what is wrong with it.
fn checked(request: CreateRoom) -> Result<NewRoom, ApiError> {
    let topic = request.topic.trim().to_owned();
    if topic.is_empty() || topic.chars().count() > MAX_TOPIC_CHARS {
        return Err(ApiError::BadRequest(format!(
            "The topic must be 1 to {MAX_TOPIC_CHARS} characters."
        )));
    }
    if let Some(start) = &request.start_at {
        let form = format_description!("[year]-[month]-[day] [hour]:[minute]");
        if time::PrimitiveDateTime::parse(start, form).is_err() {
            return Err(ApiError::BadRequest(
                "start_at must look like 2026-11-29 10:15.".into(),
            ));
        }
    }
    if request.duration.is_some_and(|d| !(1..=1440).contains(&d)) {
        return Err(ApiError::BadRequest(
            "duration must be 1 to 1440 minutes.".into(),
        ));
    }
    Ok(NewRoom {
        topic,
        start_at: request.start_at,
        duration_minutes: request.duration,
    })
}

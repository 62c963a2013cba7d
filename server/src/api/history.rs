//! A room's history: its sessions, each session's chat, and recordings.
//!
//! The identity's [`may_read_history`](crate::Identity::may_read_history) decides (by
//! default: the room's moderators). The paths of messages and recordings name no room,
//! so the store keeps, from the session lists fetched, which room each session and
//! recording belongs to, and the rule is applied to that room: an id never listed is
//! `404`, never a file of another room.

use super::MeetApi;
use crate::identity::Caller;
use crate::models::{MessageList, Paging, SessionList};
use crate::range::RangeRequest;
use crate::store::Room;
use crate::upstream::{RecordingRequest, RecordingStream, UpstreamError};
use crate::ApiError;

/// A recording download: the file's stored name and its bytes.
#[derive(Debug)]
pub struct Recording {
    /// The file name from the session list, if it had one.
    pub name: Option<String>,
    /// The bytes (whole or one range), streamed.
    pub stream: RecordingStream,
}

impl MeetApi {
    /// One page of `room`'s sessions (paging passed through to imMail), noted in the
    /// store so their messages and recordings can be fetched.
    pub async fn sessions(
        &self,
        caller: &Caller,
        room: &str,
        paging: Paging,
    ) -> Result<SessionList, ApiError> {
        let record = self.readable_room(caller, room).await?;
        let list = self
            .inner
            .upstream
            .list_sessions(&record.upstream(), paging)
            .await
            .map_err(|e| match e {
                UpstreamError::NotFound => ApiError::RoomNotFound,
                other => other.into(),
            })?;
        self.inner.store.remember_history(room, &list).await?;
        tracing::info!(room = %room, page = paging.page, sessions = list.data.len(), "sessions listed");
        Ok(list)
    }

    /// The chat of a session listed before.
    pub async fn messages(&self, caller: &Caller, session: &str) -> Result<MessageList, ApiError> {
        let room = self
            .inner
            .store
            .session_room(session)
            .await?
            .ok_or(ApiError::SessionNotFound)?;
        let record = self.readable_room(caller, &room).await?;
        self.inner
            .upstream
            .session_messages(&record.upstream(), session)
            .await
            .map_err(|e| match e {
                UpstreamError::NotFound => ApiError::SessionNotFound,
                other => other.into(),
            })
    }

    /// A recording listed before, whole or one range of it (`If-Range` honoured),
    /// streamed.
    pub async fn recording(
        &self,
        caller: &Caller,
        file: &str,
        range: RangeRequest,
        if_range: Option<&str>,
    ) -> Result<Recording, ApiError> {
        let known = self
            .inner
            .store
            .recording(file)
            .await?
            .ok_or(ApiError::RecordingNotFound)?;
        let record = self.readable_room(caller, &known.room).await?;
        let room = record.upstream();
        let request = RecordingRequest {
            room: &room,
            file_id: file,
            range,
            if_range,
        };
        let stream = self
            .inner
            .upstream
            .recording(&request)
            .await
            .map_err(|e| match e {
                UpstreamError::NotFound => ApiError::RecordingNotFound,
                other => other.into(),
            })?;
        Ok(Recording {
            name: known.name,
            stream,
        })
    }

    /// The room, if `caller` may read its history (`404` unknown, `403` not allowed).
    async fn readable_room(&self, caller: &Caller, room: &str) -> Result<Room, ApiError> {
        let record = self.room(room).await?;
        if !self
            .inner
            .identity
            .may_read_history(caller, &record)
            .await?
        {
            return Err(ApiError::Forbidden);
        }
        Ok(record)
    }
}

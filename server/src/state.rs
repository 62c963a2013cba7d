//! [`AppState`]: everything the handlers share.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use crate::config::Config;
use crate::error::AppError;
use crate::history_index::HistoryIndex;
use crate::session::SessionId;
use crate::upstream::{Upstream, UpstreamRoom};

/// A room this backend created, and who created it (its moderator).
#[derive(Clone, Debug)]
pub struct RoomRecord {
    /// The upstream room.
    pub room: UpstreamRoom,
    /// The session that created it.
    pub creator: SessionId,
    /// Start, `YYYY-MM-DD HH:MM`, if scheduled.
    pub start_at: Option<String>,
    /// Length in minutes, if given.
    pub duration_minutes: Option<u32>,
}

/// Shared state: configuration, the upstream and the rooms. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The configuration.
    pub config: Arc<Config>,
    /// imMail or the sandbox.
    pub upstream: Arc<dyn Upstream>,
    /// Rooms by name.
    pub rooms: Arc<RwLock<HashMap<String, RoomRecord>>>,
    /// The room of every session and recording listed so far.
    pub history: Arc<RwLock<HistoryIndex>>,
}

impl AppState {
    /// State around an upstream.
    pub fn new(config: Config, upstream: Arc<dyn Upstream>) -> Self {
        Self {
            config: Arc::new(config),
            upstream,
            rooms: Arc::default(),
            history: Arc::default(),
        }
    }

    /// The room `name`, if `caller` is its moderator (the session that created it):
    /// `404` for an unknown room, `403` for anyone else. The rule of every history route.
    pub fn moderated_room(&self, name: &str, caller: &SessionId) -> Result<RoomRecord, AppError> {
        let record = self.room(name)?;
        if record.creator != *caller {
            return Err(AppError::Forbidden);
        }
        Ok(record)
    }

    /// The room `name` (`404` if this server did not create it).
    pub fn room(&self, name: &str) -> Result<RoomRecord, AppError> {
        self.rooms
            .read()
            .expect("rooms lock")
            .get(name)
            .cloned()
            .ok_or(AppError::RoomNotFound)
    }

    /// The meeting URL of a room.
    pub fn meeting_url(&self, room: &UpstreamRoom) -> String {
        format!("{}{}", self.upstream.meeting_base(), room.name)
    }
}

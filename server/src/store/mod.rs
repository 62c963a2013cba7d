//! The store: what must outlive a process and be shared by every instance — rooms (with
//! their creator), the history index (which room each listed session and recording
//! belongs to) and the server's keys (the visitor cookie's signing key, the sandbox's
//! token key) — behind one trait, [`Store`].
//!
//! [`SqlStore`] implements it on SQLite (a file: the default, `sqlite://immail-meet.db`)
//! and PostgreSQL (`postgres://…`, for several instances), created with its schema on
//! first use and migrated by version ([`migrations`]).

pub mod database_url;
pub mod migrations;
pub mod sql;

use async_trait::async_trait;

pub use database_url::{Backend, DatabaseUrl};
pub use sql::{SqlStore, StoreOptions};

use crate::identity::CallerId;
use crate::models::SessionList;
use crate::upstream::UpstreamRoom;

/// A room this backend created, as the store keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Room {
    /// The meeting name: the last segment of the meeting URL (the key).
    pub name: String,
    /// imMail's VIDEO ROOM ID (`_id`): the history APIs take it.
    pub upstream_id: String,
    /// What the meeting is about.
    pub topic: String,
    /// Start, `YYYY-MM-DD HH:MM`, if scheduled.
    pub start_at: Option<String>,
    /// Length in minutes, if given.
    pub duration_minutes: Option<u32>,
    /// Who created it (the default identity makes them its moderator).
    pub creator: CallerId,
    /// When it was created, seconds since the Unix epoch.
    pub created_at: i64,
}

impl Room {
    /// The room as the upstream knows it.
    pub fn upstream(&self) -> UpstreamRoom {
        UpstreamRoom {
            id: self.upstream_id.clone(),
            name: self.name.clone(),
            topic: self.topic.clone(),
        }
    }
}

/// A recording seen in a room's session list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownRecording {
    /// The room (name) whose listing held it.
    pub room: String,
    /// Its file name, for `Content-Disposition`.
    pub name: Option<String>,
}

/// Why the store failed. The texts name the database and the cause, never a password
/// or a key.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database URL is not one this store takes.
    #[error("{0}")]
    BadUrl(String),
    /// The database cannot be reached (or opened) right now.
    #[error("the store cannot be reached: {0}")]
    Unavailable(String),
    /// The file is not a database this server may use: nothing was written to it.
    #[error("{0}: refusing to use it (nothing was changed)")]
    Unreadable(String),
    /// The database was migrated by a newer server.
    #[error(
        "the database has schema version {found}, newer than the {supported} this server \
         knows: refusing to use it (nothing was changed); run a newer immail-meet-server"
    )]
    NewerSchema {
        /// The version found.
        found: i64,
        /// The newest version this server knows.
        supported: i64,
    },
    /// A room with that name exists already.
    #[error("a room named {0:?} exists already")]
    Duplicate(String),
    /// Any other database failure.
    #[error("the store failed: {0}")]
    Failed(String),
}

/// Where rooms, the history index and the server's keys live.
///
/// Implement it to keep them elsewhere; [`SqlStore`] covers SQLite and PostgreSQL.
///
/// # Usage
/// ```no_run
/// # async fn demo() -> Result<(), immail_meet_server::StoreError> {
/// use immail_meet_server::store::{SqlStore, Store};
/// let store = SqlStore::connect("sqlite://immail-meet.db").await?;
/// assert!(store.room("no-such-room").await?.is_none());
/// # Ok(()) }
/// ```
///
/// # Server-Side Rendering
/// Server only.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Adds a room; [`StoreError::Duplicate`] if its name is taken.
    async fn insert_room(&self, room: &Room) -> Result<(), StoreError>;

    /// The room `name`, if this backend created it.
    async fn room(&self, name: &str) -> Result<Option<Room>, StoreError>;

    /// Notes the room of every session and recording of a page listed for `room`.
    async fn remember_history(&self, room: &str, list: &SessionList) -> Result<(), StoreError>;

    /// The room of a listed session.
    async fn session_room(&self, session_id: &str) -> Result<Option<String>, StoreError>;

    /// A listed recording.
    async fn recording(&self, file_id: &str) -> Result<Option<KnownRecording>, StoreError>;

    /// The key `name`: the one stored, or `fresh` if there was none (then stored), so
    /// every instance on this store and every restart use the same key.
    async fn key(&self, name: &str, fresh: [u8; 32]) -> Result<[u8; 32], StoreError>;

    /// Whether the store answers (`GET /readyz`).
    async fn ping(&self) -> Result<(), StoreError>;
}

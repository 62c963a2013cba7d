//! [`RoomCache`]: the rooms grants and history reads look up, kept in memory.

use quick_cache::sync::Cache;

use crate::store::{Room, Store, StoreError};

/// How many rooms a [`MeetApi`](crate::MeetApi) keeps in memory by default
/// ([`MeetApiBuilder::room_cache`](crate::MeetApiBuilder::room_cache)).
pub const DEFAULT_ROOM_CACHE: usize = 10_000;

/// The rooms most used lately, in front of the store.
///
/// A room never changes once stored ([`Store`] can only insert one), so a copy cannot go
/// stale, on this instance or any other on the same store: only rooms found are kept
/// (a room another instance creates later is looked up again), and the cache holds at
/// most its capacity (least recently used first out), so memory does not grow with the
/// number of rooms. A grant then costs no store read for a room in use.
pub(crate) struct RoomCache {
    rooms: Option<Cache<String, Room>>,
}

impl RoomCache {
    /// At most `capacity` rooms; `0` turns the cache off (every lookup reads the store).
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            rooms: (capacity > 0).then(|| Cache::new(capacity)),
        }
    }

    /// The room `name`: from memory, else from the store (then kept).
    pub(crate) async fn room(
        &self,
        store: &dyn Store,
        name: &str,
    ) -> Result<Option<Room>, StoreError> {
        if let Some(room) = self.rooms.as_ref().and_then(|rooms| rooms.get(name)) {
            return Ok(Some(room));
        }
        let room = store.room(name).await?;
        if let Some(room) = &room {
            self.keep(room);
        }
        Ok(room)
    }

    /// Keeps a room just stored.
    pub(crate) fn keep(&self, room: &Room) {
        if let Some(rooms) = &self.rooms {
            rooms.insert(room.name.clone(), room.clone());
        }
    }
}

//! [`HistoryIndex`]: which room each session and recording belongs to, learned from the
//! session lists this server fetched. It is how the server applies its rule to
//! `/sessions/{session}/messages` and `/recordings/{file}`: those paths name no room,
//! and a room named by the browser could be any room.

use std::collections::HashMap;

use immail_meet_core::SessionList;

/// A recording file seen in a room's session list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownRecording {
    /// The room (name) whose listing held it.
    pub room: String,
    /// Its file name, for `Content-Disposition`.
    pub name: Option<String>,
}

/// Sessions and recordings by id, each with its room. Grows with what is listed (one
/// small entry per session and file), like the in-memory room table.
#[derive(Debug, Default)]
pub struct HistoryIndex {
    sessions: HashMap<String, String>,
    recordings: HashMap<String, KnownRecording>,
}

impl HistoryIndex {
    /// Notes every session and recording of a page listed for `room`.
    pub fn remember(&mut self, room: &str, list: &SessionList) {
        for session in &list.data {
            self.sessions.insert(session.id.clone(), room.to_owned());
            for file in &session.recording_files {
                self.recordings.insert(
                    file.id.clone(),
                    KnownRecording {
                        room: room.to_owned(),
                        name: file.name.clone(),
                    },
                );
            }
        }
    }

    /// The room of a listed session.
    pub fn room_of_session(&self, session_id: &str) -> Option<&str> {
        self.sessions.get(session_id).map(String::as_str)
    }

    /// A listed recording.
    pub fn recording(&self, file_id: &str) -> Option<&KnownRecording> {
        self.recordings.get(file_id)
    }
}

//! [`RecordingFile`]: one recorded file of a session.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::timestamp::Timestamp;
use crate::api::recording_path;
use crate::read::value::{count, deserialize, object, optional, required, text, time, At, Read};

/// One recording file of a session (a session has one per start/stop of recording).
///
/// Read from `{"_id", "name", "size", "created_at"}` (also `id`, `filename`/`file_name`,
/// `bytes`/`file_size`, `date`); only the id is required.
///
/// # Usage
/// ```
/// use immail_meet_core::RecordingFile;
/// let file: RecordingFile = serde_json::from_str(
///     r#"{"_id": "6094e661", "name": "6th.msf", "size": "132602068"}"#,
/// ).unwrap();
/// assert_eq!(file.size, Some(132_602_068));
/// assert_eq!(file.download_path("/api/meet"), "/api/meet/recordings/6094e661");
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordingFile {
    /// The file id (opaque): what the download API takes.
    #[serde(rename = "_id")]
    pub id: String,
    /// The file name imMail gave it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its size in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// When it was written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
}

impl<'de> Deserialize<'de> for RecordingFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer, Self::read)
    }
}

impl RecordingFile {
    /// Reads a recording file from a parsed answer.
    pub(crate) fn read(value: &Value, at: &At) -> Read<Self> {
        let members = object(value, at, "an object")?;
        Ok(Self {
            id: required(members, at, &["_id", "id"], text)?,
            name: optional(members, at, &["name", "filename", "file_name"], text)?,
            size: optional(members, at, &["size", "bytes", "file_size"], count)?,
            created_at: optional(members, at, &["created_at", "date"], time)?,
        })
    }

    /// The name to show and save under: its name, else `recording-<id>`.
    pub fn display_name(&self) -> String {
        match &self.name {
            Some(name) if !name.trim().is_empty() => name.clone(),
            _ => format!("recording-{}", self.id),
        }
    }

    /// The backend path that downloads it: `<api_base>/recordings/<id>` (the id
    /// percent-encoded).
    pub fn download_path(&self, api_base: &str) -> String {
        recording_path(api_base, &self.id)
    }
}

//! [`RecordingFile`]: one recorded file of a session.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

use super::drift::{first, first_count, first_text, Count, Text};
use super::timestamp::Timestamp;
use crate::api::recording_path;
use crate::read::typed::Object;

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

/// Every name a recording file's members go by.
#[derive(Deserialize)]
struct Wire {
    #[serde(rename = "_id")]
    underscore_id: Option<Text>,
    id: Option<Text>,
    name: Option<Text>,
    filename: Option<Text>,
    file_name: Option<Text>,
    size: Option<Count>,
    bytes: Option<Count>,
    file_size: Option<Count>,
    created_at: Option<Timestamp>,
    date: Option<Timestamp>,
}

impl<'de> Deserialize<'de> for RecordingFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Object(wire) = Object::<Wire>::deserialize(deserializer)?;
        Ok(Self {
            id: first_text([wire.underscore_id, wire.id])
                .ok_or_else(|| D::Error::missing_field("_id"))?,
            name: first_text([wire.name, wire.filename, wire.file_name]),
            size: first_count([wire.size, wire.bytes, wire.file_size]),
            created_at: first([wire.created_at, wire.date]),
        })
    }
}

impl RecordingFile {
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

//! [`SessionList`]: one page of a room's sessions, and [`Paging`].

use serde::{Deserialize, Deserializer, Serialize};

use super::error::HistoryError;
use super::fields;
use super::session::Session;
use crate::logic::json::{self, Json};

/// One page of a video room's sessions, exactly as the seed shows it:
///
/// ```json
/// { "total_completed": 1, "total_in_progress": 1, "total_row": 2,
///   "data": [ { "_id": "6094e661deec78bbbf717dsab", "status": "IN-PROGRESS", "...": "..." } ] }
/// ```
///
/// Tolerant where a real API drifts: unknown members are ignored, missing totals are
/// `None`, a missing list is empty, `sessions`/`items` stand for `data`, and a bare JSON
/// array is read as the list itself.
///
/// # Usage
/// ```
/// use immail_meet::SessionList;
/// let page = SessionList::from_json(
///     r#"{"total_row": 2, "data": [{"_id": "a", "status": "COMPLETED", "duration": 63}]}"#,
/// ).unwrap();
/// assert_eq!(page.data[0].duration, Some(63));
/// assert_eq!(page.page_count(1), 2);
/// assert!(SessionList::from_json("<html>").is_err());
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser (JSON is parsed
/// by `JSON.parse` in the browser, by `serde_json` natively, then read the same way).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SessionList {
    /// How many of the room's sessions have ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_completed: Option<u64>,
    /// How many are running.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_in_progress: Option<u64>,
    /// How many sessions the room has in all (every page).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_row: Option<u64>,
    /// The sessions of this page, newest first as the API sends them.
    pub data: Vec<Session>,
}

impl SessionList {
    /// Reads a session list from JSON text.
    pub fn from_json(text: &str) -> Result<Self, HistoryError> {
        Self::read(&json::parse(text)?)
    }

    pub(crate) fn read(value: &Json) -> Result<Self, HistoryError> {
        let value = fields::document(value)?;
        Ok(Self {
            total_completed: fields::count(value, &["total_completed"])?,
            total_in_progress: fields::count(value, &["total_in_progress"])?,
            total_row: fields::count(value, &["total_row", "total_rows", "total", "count"])?,
            data: fields::each(value, &["data", "sessions", "items"], Session::read)?,
        })
    }

    /// How many pages of `per_page` sessions the room has (at least 1).
    pub fn page_count(&self, per_page: u32) -> u32 {
        let total = self.total_row.unwrap_or(self.data.len() as u64);
        let pages = total.div_ceil(u64::from(per_page.max(1))).max(1);
        u32::try_from(pages).unwrap_or(u32::MAX)
    }
}

impl<'de> Deserialize<'de> for SessionList {
    /// The same tolerant reading as in the browser.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::deserialize_with(deserializer, Self::read)
    }
}

/// Most sessions one page may hold.
pub const MAX_PER_PAGE: u32 = 100;

/// Which page of sessions to ask for: `page` counts from 1.
///
/// # Usage
/// ```
/// use immail_meet::{sessions_path, Paging};
/// let paging = Paging::new(0, 500); // clamped
/// assert_eq!(paging, Paging { page: 1, per_page: 100 });
/// assert_eq!(
///     sessions_path("/api/meet", "abc", Paging::new(2, 10)),
///     "/api/meet/rooms/abc/sessions?page=2&per_page=10",
/// );
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paging {
    /// The page, from 1.
    pub page: u32,
    /// Sessions per page, 1 to [`MAX_PER_PAGE`].
    pub per_page: u32,
}

impl Default for Paging {
    /// The first page of 20.
    fn default() -> Self {
        Self {
            page: 1,
            per_page: 20,
        }
    }
}

impl Paging {
    /// A page, with `page` at least 1 and `per_page` within 1 to [`MAX_PER_PAGE`].
    pub fn new(page: u32, per_page: u32) -> Self {
        Self {
            page: page.max(1),
            per_page: per_page.clamp(1, MAX_PER_PAGE),
        }
    }
}

/// The backend path listing a room's sessions:
/// `<api_base>/rooms/<room>/sessions?page=<page>&per_page=<per_page>`.
pub fn sessions_path(api_base: &str, room: &str, paging: Paging) -> String {
    let mut path = super::api_path(api_base, &["rooms", room, "sessions"]);
    path.push_str("?page=");
    path.push_str(&paging.page.to_string());
    path.push_str("&per_page=");
    path.push_str(&paging.per_page.to_string());
    path
}

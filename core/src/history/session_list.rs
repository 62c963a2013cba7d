//! [`SessionList`]: one page of a room's sessions, and [`Paging`].

use serde::{Deserialize, Deserializer, Serialize};

use serde_json::{Map, Value};

use super::{HistoryError, Session};
use crate::limits::MAX_PER_PAGE;
use crate::read;
use crate::read::value::{count, deserialize, list_answer, optional, At, Read};

/// One page of a video room's sessions, exactly as the seed shows it:
///
/// ```json
/// { "total_completed": 1, "total_in_progress": 1, "total_row": 2,
///   "data": [ { "_id": "6094e661deec78bbbf717dsab", "status": "IN-PROGRESS", "...": "..." } ] }
/// ```
///
/// Tolerant where a real API drifts: unknown members are ignored, missing totals are
/// `None`, a missing or `null` list is empty, `sessions`/`items` stand for `data`,
/// `total_rows`/`total`/`count` for `total_row`, and a bare JSON array is read as the
/// list itself. [`SessionList::from_json`] reads it with a typed [`HistoryError`]
/// naming the place; the serde `Deserialize` is the same reader (its error is the
/// [`HistoryError`]'s text).
///
/// # Usage
/// ```
/// use immail_meet_core::SessionList;
/// let page = SessionList::from_json(
///     r#"{"total_row": 2, "data": [{"_id": "a", "status": "COMPLETED", "duration": 63}]}"#,
/// ).unwrap();
/// assert_eq!(page.data[0].duration, Some(63));
/// assert_eq!(page.page_count(1), 2);
/// assert!(SessionList::from_json("<html>").is_err());
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
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
    /// Reads a session list from JSON text (or UTF-8 bytes), with a typed error naming
    /// the place.
    pub fn from_json(json: impl AsRef<[u8]>) -> Result<Self, HistoryError> {
        Ok(Self::read(&read::parse(json.as_ref())?, &At::Root)?)
    }

    /// How many pages of `per_page` sessions the room has (at least 1).
    pub fn page_count(&self, per_page: u32) -> u32 {
        let total = self.total_row.unwrap_or(self.data.len() as u64);
        let pages = total.div_ceil(u64::from(per_page.max(1))).max(1);
        u32::try_from(pages).unwrap_or(u32::MAX)
    }
}

impl SessionList {
    /// Reads a page from a parsed answer.
    pub(crate) fn read(value: &Value, _: &At) -> Read<Self> {
        let totals = |members: &Map<String, Value>, data| {
            let at = At::Root;
            Ok(Self {
                total_completed: optional(members, &at, &["total_completed"], count)?,
                total_in_progress: optional(members, &at, &["total_in_progress"], count)?,
                total_row: optional(
                    members,
                    &at,
                    &["total_row", "total_rows", "total", "count"],
                    count,
                )?,
                data,
            })
        };
        let bare = |data| Self {
            data,
            ..Self::default()
        };
        list_answer(
            value,
            Session::read,
            &["data", "sessions", "items"],
            totals,
            bare,
        )
    }
}

impl<'de> Deserialize<'de> for SessionList {
    /// Exactly what [`SessionList::from_json`] accepts.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer, Self::read)
    }
}

/// Which page of sessions to ask for: `page` counts from 1.
///
/// # Usage
/// ```
/// use immail_meet_core::Paging;
/// assert_eq!(Paging::new(0, 500), Paging { page: 1, per_page: 100 }); // clamped
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

    /// The query parameters that ask for this page: `page` and `per_page`.
    ///
    /// # Usage
    /// ```
    /// use immail_meet_core::Paging;
    /// let [page, per_page] = Paging::new(2, 10).query();
    /// assert_eq!((page.0, page.1.as_str(), per_page.1.as_str()), ("page", "2", "10"));
    /// ```
    pub fn query(self) -> [(&'static str, String); 2] {
        [
            ("page", self.page.to_string()),
            ("per_page", self.per_page.to_string()),
        ]
    }
}

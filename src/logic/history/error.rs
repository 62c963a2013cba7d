//! [`HistoryError`]: why a history answer (sessions or messages) could not be shown.

use std::fmt;

use crate::logic::json::JsonError;
use crate::logic::GrantFetchError;

/// Why the sessions or messages of a meeting could not be read.
///
/// Only structure is an error: unknown members, unknown `status` values and missing
/// optional lists are not (see [`SessionList::from_json`](super::SessionList::from_json)).
/// `path` members name the place, e.g. `data[2].recording_files[0].size`.
///
/// # Usage
/// ```
/// use immail_meet::{HistoryError, SessionList};
/// let error = SessionList::from_json(r#"{"data": [{"status": "COMPLETED"}]}"#).unwrap_err();
/// assert_eq!(error, HistoryError::MissingField("data[0]._id".into()));
/// assert_eq!(error.to_string(), "\"data[0]._id\" is missing");
/// ```
///
/// # Server-Side Rendering
/// Pure data: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq)]
pub enum HistoryError {
    /// The request failed before there was an answer to read (network, time-out, an
    /// HTTP error status with the server's message, an oversized answer).
    Fetch(GrantFetchError),
    /// The answer is not JSON.
    NotJson,
    /// The answer nests deeper than any history answer does.
    TooDeep,
    /// An object was expected (the answer, or an entry of a list).
    NotAnObject {
        /// Where.
        path: String,
        /// The JSON type found.
        found: &'static str,
    },
    /// A required member is missing (an id).
    MissingField(String),
    /// A member has a type that cannot mean what it should.
    WrongType {
        /// Where.
        path: String,
        /// What it should be.
        expected: &'static str,
        /// The JSON type found.
        found: &'static str,
    },
    /// A date member is not a date and time.
    BadTimestamp(String),
}

impl HistoryError {
    /// The same error, placed inside `field[index]` (paths are built from the inside out,
    /// only when something is wrong).
    pub(crate) fn within(self, field: &str, index: Option<usize>) -> Self {
        let prefix = |path: String| {
            let mut full = String::from(field);
            if let Some(i) = index {
                full.push('[');
                full.push_str(&i.to_string());
                full.push(']');
            }
            if !path.is_empty() {
                full.push('.');
                full.push_str(&path);
            }
            full
        };
        match self {
            Self::NotAnObject { path, found } => Self::NotAnObject {
                path: prefix(path),
                found,
            },
            Self::MissingField(path) => Self::MissingField(prefix(path)),
            Self::WrongType {
                path,
                expected,
                found,
            } => Self::WrongType {
                path: prefix(path),
                expected,
                found,
            },
            Self::BadTimestamp(path) => Self::BadTimestamp(prefix(path)),
            other => other,
        }
    }
}

impl From<JsonError> for HistoryError {
    fn from(e: JsonError) -> Self {
        match e {
            JsonError::Syntax => Self::NotJson,
            JsonError::TooDeep => Self::TooDeep,
        }
    }
}

impl From<GrantFetchError> for HistoryError {
    fn from(e: GrantFetchError) -> Self {
        Self::Fetch(e)
    }
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Fetch(e) => e.fmt(f),
            Self::NotJson => f.write_str("the answer is not JSON"),
            Self::TooDeep => f.write_str("the answer is nested too deeply"),
            Self::NotAnObject { path, found } if path.is_empty() => {
                write!(f, "the answer is a JSON {found}, not an object")
            }
            Self::NotAnObject { path, found } => {
                write!(f, "\"{path}\" is a {found}, not an object")
            }
            Self::MissingField(path) => write!(f, "\"{path}\" is missing"),
            Self::WrongType {
                path,
                expected,
                found,
            } => write!(f, "\"{path}\" is a {found}, not {expected}"),
            Self::BadTimestamp(path) => write!(f, "\"{path}\" is not a date and time"),
        }
    }
}

impl std::error::Error for HistoryError {}

//! [`HistoryError`]: why a history answer (sessions or messages) could not be shown.

use crate::read::value::{Invalid, Problem};
use crate::read::{with_article, ParseError};
use crate::FetchError;

/// Why the sessions or messages of a meeting could not be read.
///
/// Only structure is an error: unknown members, unknown `status` values and missing
/// optional lists are not (see [`SessionList`](crate::SessionList)). `path` members
/// name the place, e.g. `data[2].recording_files[0].size`, with the member names the
/// answer used. No variant ever holds a value from the answer, so they are safe to log.
///
/// # Usage
/// ```
/// use immail_meet_core::{HistoryError, SessionList};
/// let error = SessionList::from_json(r#"{"data": [{"status": "COMPLETED"}]}"#).unwrap_err();
/// assert_eq!(error, HistoryError::MissingField("data[0]._id".into()));
/// assert_eq!(error.to_string(), "\"data[0]._id\" is missing");
/// let error = SessionList::from_json(r#"{"data": [{"_id": "a", "duration": "long"}]}"#).unwrap_err();
/// assert_eq!(error.to_string(), "\"data[0].duration\" is a string, not a non-negative number");
/// ```
///
/// # Server-Side Rendering
/// Pure data: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HistoryError {
    /// The request failed before there was an answer to read (network, time-out, an
    /// HTTP error status with the server's message, an oversized answer, a redirect).
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The answer is not JSON.
    #[error("the answer is not JSON")]
    NotJson,
    /// The answer nests deeper than JSON is read (128 levels).
    #[error("the answer is nested too deeply")]
    TooDeep,
    /// A required member (an id) is missing: its path.
    #[error("\"{0}\" is missing")]
    MissingField(String),
    /// A member has a JSON type that cannot mean what it should (with an empty `path`:
    /// the whole answer).
    #[error("{}", wrong_type(path, expected, found))]
    WrongType {
        /// Where.
        path: String,
        /// What it should be (`an array`, `text`, `a non-negative number`, ...).
        expected: String,
        /// The JSON type found (`null`, `boolean`, `number`, `string`, `array`,
        /// `object`).
        found: &'static str,
    },
    /// A member has the right JSON type but no readable value, e.g. a date that is not
    /// a date.
    #[error("\"{path}\" is not {expected}")]
    BadValue {
        /// Where.
        path: String,
        /// What it should be (`a date and time`).
        expected: String,
    },
}

fn wrong_type(path: &str, expected: &str, found: &str) -> String {
    if path.is_empty() {
        format!("the answer is a JSON {found}, not {expected}")
    } else {
        format!("\"{path}\" is {}, not {expected}", with_article(found))
    }
}

impl From<Invalid> for HistoryError {
    fn from(invalid: Invalid) -> Self {
        let Invalid { path, problem } = invalid;
        match problem {
            Problem::Missing(member) if path.is_empty() => Self::MissingField(member.to_owned()),
            Problem::Missing(member) => Self::MissingField(format!("{path}.{member}")),
            Problem::WrongType { expected, found } => Self::WrongType {
                path,
                expected: expected.to_owned(),
                found,
            },
            Problem::BadValue { expected } => Self::BadValue {
                path,
                expected: expected.to_owned(),
            },
            // The history models have no parser of their own whose message this would
            // be; if they had, it could quote the value: it is not shown.
            Problem::Refused(_) => Self::BadValue {
                path,
                expected: "a readable value".to_owned(),
            },
        }
    }
}

impl From<ParseError> for HistoryError {
    fn from(error: ParseError) -> Self {
        match error {
            ParseError::NotJson => Self::NotJson,
            ParseError::TooDeep => Self::TooDeep,
        }
    }
}

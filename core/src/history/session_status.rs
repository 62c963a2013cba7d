//! [`SessionStatus`]: in progress, completed, or what the API said.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::read::value::{deserialize, text};

/// A session's status. The seed shows `IN-PROGRESS`; `COMPLETED` is expected; anything
/// else is kept as it was sent.
///
/// Reading ignores case and `-`, `_` or space between words (`in_progress`,
/// `In Progress`); writing gives `IN-PROGRESS`, `COMPLETED` or the original text.
///
/// # Usage
/// ```
/// use immail_meet_core::SessionStatus;
/// assert_eq!(SessionStatus::parse("in_progress"), SessionStatus::InProgress);
/// assert_eq!(SessionStatus::parse("ARCHIVED").to_string(), "ARCHIVED");
/// assert_eq!(SessionStatus::Completed.label(), "Completed");
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SessionStatus {
    /// Still running.
    InProgress,
    /// Ended.
    Completed,
    /// A value this crate does not know (empty when the API sent none).
    Other(String),
}

impl Default for SessionStatus {
    /// No status sent: `Other("")`.
    fn default() -> Self {
        Self::Other(String::new())
    }
}

impl SessionStatus {
    /// Reads a status as an API sends it.
    pub fn parse(text: &str) -> Self {
        let text = text.trim();
        // Compares letters only, ignoring case and the separators between words.
        let is = |word: &str| {
            let mut letters = text.bytes().filter(|b| !matches!(b, b'-' | b'_' | b' '));
            word.bytes()
                .all(|w| letters.next().is_some_and(|b| b.eq_ignore_ascii_case(&w)))
                && letters.next().is_none()
        };
        if is("INPROGRESS") {
            Self::InProgress
        } else if is("COMPLETED") || is("COMPLETE") {
            Self::Completed
        } else {
            Self::Other(text.to_owned())
        }
    }

    /// A label for people: `In progress`, `Completed`, the original text, or `Unknown`.
    pub fn label(&self) -> &str {
        match self {
            Self::InProgress => "In progress",
            Self::Completed => "Completed",
            Self::Other(text) if text.is_empty() => "Unknown",
            Self::Other(text) => text,
        }
    }

    /// A CSS-friendly name: `in-progress`, `completed` or `other`.
    pub fn css_name(&self) -> &'static str {
        match self {
            Self::InProgress => "in-progress",
            Self::Completed => "completed",
            Self::Other(_) => "other",
        }
    }
}

impl fmt::Display for SessionStatus {
    /// The API's form: `IN-PROGRESS`, `COMPLETED`, or the original text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::InProgress => "IN-PROGRESS",
            Self::Completed => "COMPLETED",
            Self::Other(text) => text,
        })
    }
}

impl Serialize for SessionStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SessionStatus {
    /// Text (or a number, kept as text), read by [`SessionStatus::parse`].
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer, |value, at| {
            text(value, at).map(|text| Self::parse(&text))
        })
    }
}

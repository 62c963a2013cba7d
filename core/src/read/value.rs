//! Reading a model from a parsed [`Value`], member by member, with the place of every
//! member at hand for the error ([`At`]) and the drifts real APIs have: a member under
//! one of several names ([`member`], [`optional`]), ids sent as numbers ([`text`]),
//! counts sent as numeric strings ([`count`]), times as text or Unix numbers ([`time`]),
//! `null` or missing lists ([`list`]).

use std::fmt;

use serde::de::{Deserialize, Deserializer, Error as _};
use serde_json::{Map, Value};

use super::kind;
use crate::history::{HistoryError, Timestamp};

/// Where a member is in the answer: the root, a member of an object, or an element of
/// an array. Written as the place a person would look: `data[0].recording_files[0].size`.
#[derive(Clone, Copy)]
pub(crate) enum At<'a> {
    /// The whole answer.
    Root,
    /// A member, by the name the answer used.
    Key(&'a At<'a>, &'a str),
    /// An element of an array.
    Index(&'a At<'a>, usize),
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Root => Ok(()),
            Self::Key(At::Root, name) => f.write_str(name),
            Self::Key(parent, name) => write!(f, "{parent}.{name}"),
            Self::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// A member that is not what the model needs, and where it is.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Invalid {
    /// Where, e.g. `data[0].recording_files[0].size`; empty for the whole answer.
    pub path: String,
    /// What is wrong there.
    pub problem: Problem,
}

/// What is wrong with one member.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    /// A JSON type that cannot mean what the member should.
    WrongType {
        /// What it should be, e.g. `an array`.
        expected: &'static str,
        /// The JSON type found.
        found: &'static str,
    },
    /// The right JSON type, but not a readable value (e.g. a date that is not a date).
    BadValue {
        /// What it should be, e.g. `a date and time`.
        expected: &'static str,
    },
    /// A required member (named, inside `path`) is missing.
    Missing(&'static str),
    /// A value the model's own parser refused (e.g. a meeting base on plain http), with
    /// the parser's message.
    Refused(String),
}

/// The outcome of reading a part of a model.
pub(crate) type Read<T> = Result<T, Invalid>;

impl At<'_> {
    /// `problem` here.
    pub fn invalid(&self, problem: Problem) -> Invalid {
        Invalid {
            path: self.to_string(),
            problem,
        }
    }

    /// `value` is of the wrong JSON type here.
    pub fn wrong_type(&self, expected: &'static str, value: &Value) -> Invalid {
        self.invalid(Problem::WrongType {
            expected,
            found: kind(value),
        })
    }
}

/// `value` as an object (`expected` names what it should be, for the error).
pub(crate) fn object<'v>(
    value: &'v Value,
    at: &At,
    expected: &'static str,
) -> Read<&'v Map<String, Value>> {
    value
        .as_object()
        .ok_or_else(|| at.wrong_type(expected, value))
}

/// The first of a member's `names` that `object` holds and is not `null`: its name and
/// value. (Several names may be there at once, some `null`: drifting APIs send that.)
pub(crate) fn member<'v>(
    object: &'v Map<String, Value>,
    names: &[&'static str],
) -> Option<(&'static str, &'v Value)> {
    names
        .iter()
        .find_map(|&name| Some((name, object.get(name).filter(|v| !v.is_null())?)))
}

/// The member that goes by one of `names`, read by `read`; `None` if it is absent.
pub(crate) fn optional<T>(
    object: &Map<String, Value>,
    at: &At,
    names: &[&'static str],
    read: impl FnOnce(&Value, &At) -> Read<T>,
) -> Read<Option<T>> {
    member(object, names)
        .map(|(name, value)| read(value, &At::Key(at, name)))
        .transpose()
}

/// The member that goes by one of `names`, read by `read`; missing (named by its first
/// name) if it is absent.
pub(crate) fn required<T>(
    object: &Map<String, Value>,
    at: &At,
    names: &[&'static str],
    read: impl FnOnce(&Value, &At) -> Read<T>,
) -> Read<T> {
    optional(object, at, names, read)?.ok_or_else(|| at.invalid(Problem::Missing(names[0])))
}

/// Text: a string, or a whole number written as text (ids sometimes come as numbers).
pub(crate) fn text(value: &Value, at: &At) -> Read<String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Ok(n.to_string()),
        Value::Number(n) => match n.as_f64() {
            Some(x) if x.fract() == 0.0 && x.abs() < 9e15 => Ok((x as i64).to_string()),
            _ => Err(at.wrong_type("text", value)),
        },
        _ => Err(at.wrong_type("text", value)),
    }
}

/// A string that `parse` turns into a `T` (a meeting base, a room name); what it refuses is
/// [`Problem::Refused`] with its message.
pub(crate) fn parsed<T, E: fmt::Display>(
    value: &Value,
    at: &At,
    parse: fn(&str) -> Result<T, E>,
) -> Read<T> {
    let text = value
        .as_str()
        .ok_or_else(|| at.wrong_type("a string", value))?;
    parse(text).map_err(|error| at.invalid(Problem::Refused(error.to_string())))
}

/// A count (bytes, seconds): a non-negative number (a fraction is dropped) or a string
/// of digits.
pub(crate) fn count(value: &Value, at: &At) -> Read<u64> {
    let n = match value {
        Value::Number(n) => n.as_u64().or_else(|| {
            n.as_f64()
                .filter(|x| (0.0..1.8e19).contains(x))
                .map(|x| x as u64)
        }),
        Value::String(digits) => digits.trim().parse().ok(),
        _ => None,
    };
    n.ok_or_else(|| at.wrong_type("a non-negative number", value))
}

/// A small count (a version, minutes): [`count`], at most `u32::MAX`.
pub(crate) fn small_count(value: &Value, at: &At) -> Read<u32> {
    u32::try_from(count(value, at)?).map_err(|_| {
        at.invalid(Problem::BadValue {
            expected: "a number below 2^32",
        })
    })
}

/// A point in time: ISO 8601 text or a Unix time number ([`Timestamp`]).
pub(crate) fn time(value: &Value, at: &At) -> Read<Timestamp> {
    let time = match value {
        Value::String(text) => Timestamp::parse(text),
        Value::Number(n) => n.as_f64().and_then(Timestamp::from_unix_number),
        _ => return Err(at.wrong_type("a date and time", value)),
    };
    time.ok_or_else(|| {
        at.invalid(Problem::BadValue {
            expected: "a date and time",
        })
    })
}

/// A list, each element read by `item`; `null` is an empty list.
pub(crate) fn list<T>(value: &Value, at: &At, item: fn(&Value, &At) -> Read<T>) -> Read<Vec<T>> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(index, value)| item(value, &At::Index(at, index)))
            .collect(),
        _ => Err(at.wrong_type("an array", value)),
    }
}

/// A list answer: a bare array of elements, or an object holding them under one of
/// `names` (read by `object`, with the list).
pub(crate) fn list_answer<T, W>(
    value: &Value,
    item: fn(&Value, &At) -> Read<T>,
    names: &[&'static str],
    object: impl FnOnce(&Map<String, Value>, Vec<T>) -> Read<W>,
    bare: impl FnOnce(Vec<T>) -> W,
) -> Read<W> {
    let at = At::Root;
    match value {
        Value::Array(_) => list(value, &at, item).map(bare),
        Value::Object(members) => {
            let items = optional(members, &at, names, |value, at| list(value, at, item))?;
            object(members, items.unwrap_or_default())
        }
        _ => Err(at.wrong_type("an object or an array", value)),
    }
}

/// The serde `Deserialize` of a model read by `read`: any JSON value, then the reader;
/// its error is the [`HistoryError`]'s text.
pub(crate) fn deserialize<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    read: fn(&Value, &At) -> Read<T>,
) -> Result<T, D::Error> {
    let value = Value::deserialize(deserializer)?;
    read(&value, &At::Root).map_err(|invalid| D::Error::custom(HistoryError::from(invalid)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_like_paths() {
        let data = At::Key(&At::Root, "data");
        let first = At::Index(&data, 0);
        let files = At::Key(&first, "recording_files");
        let size = At::Key(&At::Index(&files, 2), "size");
        assert_eq!(size.to_string(), "data[0].recording_files[2].size");
        assert_eq!(At::Index(&At::Root, 1).to_string(), "[1]");
        assert_eq!(At::Root.to_string(), "");
    }

    #[test]
    fn drifting_members_are_read() {
        let v = |json: &str| serde_json::from_str::<Value>(json).unwrap();
        let at = At::Root;
        assert_eq!(text(&v("4711"), &at).unwrap(), "4711");
        assert_eq!(text(&v("12.0"), &at).unwrap(), "12");
        assert!(text(&v("1.5"), &at).is_err());
        assert_eq!(count(&v("\" 1024 \""), &at).unwrap(), 1024);
        assert_eq!(count(&v("12.9"), &at).unwrap(), 12);
        assert_eq!(
            count(&v("-5"), &at).unwrap_err().problem,
            Problem::WrongType {
                expected: "a non-negative number",
                found: "number"
            }
        );
        assert_eq!(list(&v("null"), &at, text).unwrap(), Vec::<String>::new());
        let both = v(r#"{"recordings": [1], "recording_files": null}"#);
        let (name, _) = member(
            both.as_object().unwrap(),
            &["recording_files", "recordings"],
        )
        .unwrap();
        assert_eq!(name, "recordings", "the first name present and not null");
    }
}

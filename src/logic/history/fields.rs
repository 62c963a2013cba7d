//! Tolerant readers over the parsed JSON tree, shared by every history model: a member
//! may go by several names, `null` counts as absent, and a type that cannot mean what
//! the member should is a [`HistoryError`] naming the member.

use super::error::HistoryError;
use super::timestamp::Timestamp;
use crate::logic::json::Json;

/// The first member among `keys` that is present and not `null`, with the key that
/// matched. A key `a.b` reads member `b` of the object member `a`.
pub(crate) fn member<'j>(
    object: &'j Json,
    keys: &[&'static str],
) -> Option<(&'static str, &'j Json)> {
    keys.iter().find_map(|&key| {
        let value = match key.split_once('.') {
            Some((outer, inner)) => object.get(outer)?.get(inner)?,
            None => object.get(key)?,
        };
        (*value != Json::Null).then_some((key, value))
    })
}

fn wrong(path: &str, expected: &'static str, found: &Json) -> HistoryError {
    HistoryError::WrongType {
        path: path.to_owned(),
        expected,
        found: found.kind(),
    }
}

/// `value` itself, if it is an object.
pub(crate) fn object(value: &Json) -> Result<&Json, HistoryError> {
    match value {
        Json::Object(_) => Ok(value),
        other => Err(HistoryError::NotAnObject {
            path: String::new(),
            found: other.kind(),
        }),
    }
}

/// `value` itself, if it is an object or a list (a bare list is read as the list of
/// entries itself, by [`each`]).
pub(crate) fn document(value: &Json) -> Result<&Json, HistoryError> {
    match value {
        Json::Array(_) => Ok(value),
        other => object(other),
    }
}

/// Text: a string, or a whole number (ids sometimes come as numbers).
pub(crate) fn text(object: &Json, keys: &[&'static str]) -> Result<Option<String>, HistoryError> {
    match member(object, keys) {
        None => Ok(None),
        Some((_, Json::String(s))) => Ok(Some(s.clone())),
        Some((_, Json::Number(n))) if n.fract() == 0.0 && n.abs() < 9e15 => {
            Ok(Some((*n as i64).to_string()))
        }
        Some((key, other)) => Err(wrong(key, "text", other)),
    }
}

/// A required id: text under one of `keys`.
pub(crate) fn id(object: &Json, keys: &[&'static str]) -> Result<String, HistoryError> {
    text(object, keys)?.ok_or_else(|| HistoryError::MissingField(keys[0].to_owned()))
}

/// A count (bytes, seconds): a non-negative number (a fraction is dropped) or a string
/// of digits.
pub(crate) fn count(object: &Json, keys: &[&'static str]) -> Result<Option<u64>, HistoryError> {
    match member(object, keys) {
        None => Ok(None),
        Some((_, Json::Number(n))) if *n >= 0.0 && *n < 1.8e19 => Ok(Some(*n as u64)),
        Some((key, value @ Json::String(s))) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| wrong(key, "a non-negative number", value)),
        Some((key, other)) => Err(wrong(key, "a non-negative number", other)),
    }
}

/// A time: ISO 8601 text or a Unix time number (seconds or milliseconds).
pub(crate) fn time(
    object: &Json,
    keys: &[&'static str],
) -> Result<Option<Timestamp>, HistoryError> {
    let parsed = match member(object, keys) {
        None => return Ok(None),
        Some((key, Json::String(s))) => (key, Timestamp::parse(s)),
        Some((key, Json::Number(n))) => (key, Timestamp::from_unix_number(*n)),
        Some((key, other)) => return Err(wrong(key, "a date and time", other)),
    };
    match parsed {
        (_, Some(time)) => Ok(Some(time)),
        (key, None) => Err(HistoryError::BadTimestamp(key.to_owned())),
    }
}

/// Reads every entry of the list under one of `keys` (or of `object` itself if it is a
/// list) with `read`; a missing or `null` list is empty. Errors name the entry
/// (`data[3]...`).
pub(crate) fn each<T>(
    object: &Json,
    keys: &[&'static str],
    read: impl Fn(&Json) -> Result<T, HistoryError>,
) -> Result<Vec<T>, HistoryError> {
    let (key, items) = match object {
        Json::Array(items) => ("", items),
        _ => match member(object, keys) {
            None => return Ok(Vec::new()),
            Some((key, Json::Array(items))) => (key, items),
            Some((key, other)) => return Err(wrong(key, "a list", other)),
        },
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(read(item).map_err(|e| e.within(key, Some(i)))?);
    }
    Ok(out)
}

//! Reading JSON answers: one path on every platform, with typed errors that name the
//! place and never quote a value.
//!
//! Text is parsed by `serde_json` into a [`serde_value::Value`] tree; the model is then
//! deserialized from that tree by its ordinary serde `Deserialize`, through
//! `serde_path_to_error`, with `serde_value`'s structured error type. So an error says
//! *where* (`data[0].recording_files[0].size`) and *what* (the JSON type found, the
//! one wanted) as data, which [`GrantError`](crate::GrantError) and
//! [`HistoryError`](crate::HistoryError) turn into their own variants. Neither ever
//! holds a value from the answer, so they are safe to log.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeOwned, Deserializer, Error as _, MapAccess, Visitor};
use serde::Deserialize;
use serde_value::{DeserializerError, Unexpected, Value, ValueDeserializer};

/// Why text is not JSON that can be read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ParseError {
    /// Not JSON at all (HTML, truncated, empty...).
    NotJson,
    /// Nested deeper than `serde_json` reads (128 levels).
    TooDeep,
}

/// A member that is not what the model needs, and where it is.
#[derive(Debug)]
pub(crate) struct Invalid {
    /// Where, e.g. `data[0].recording_files[0].size`; empty for the whole answer.
    pub path: String,
    /// What is wrong there.
    pub problem: Problem,
}

/// What is wrong with one member.
#[derive(Debug)]
pub(crate) enum Problem {
    /// A JSON type that cannot mean what the member should.
    WrongType {
        /// What it should be, e.g. `an array`.
        expected: String,
        /// The JSON type found: `null`, `boolean`, `number`, `string`, `array`, `object`.
        found: &'static str,
    },
    /// The right JSON type, but not a readable value (e.g. a date that is not a date).
    BadValue {
        /// What it should be, e.g. `a date and time`.
        expected: String,
    },
    /// A required member (named, inside `path`) is missing.
    Missing(&'static str),
}

impl Invalid {
    /// `path` and a member inside it: `data[0]` + `_id` = `data[0]._id`.
    pub(crate) fn path_of(&self, member: &str) -> String {
        if self.path.is_empty() {
            member.to_owned()
        } else {
            format!("{}.{member}", self.path)
        }
    }
}

/// Parses JSON text (or UTF-8 bytes) into the tree models are read from.
pub(crate) fn parse(json: &[u8]) -> Result<Value, ParseError> {
    serde_json::from_slice(json).map_err(|e| {
        // serde_json classes its depth limit as a syntax error; its message tells.
        if e.to_string().starts_with("recursion limit exceeded") {
            ParseError::TooDeep
        } else {
            ParseError::NotJson
        }
    })
}

/// Reads a model from a parsed tree with its serde `Deserialize`.
pub(crate) fn from_value<T: DeserializeOwned>(tree: Value) -> Result<T, Invalid> {
    serde_path_to_error::deserialize(ValueDeserializer::<DeserializerError>::new(tree)).map_err(
        |e| {
            let path = if e.path().iter().next().is_none() {
                String::new()
            } else {
                e.path().to_string()
            };
            let problem = match e.into_inner() {
                DeserializerError::InvalidType(found, expected) => Problem::WrongType {
                    expected: json_wording(expected),
                    found: json_type(&found),
                },
                DeserializerError::MissingField(member) => Problem::Missing(member),
                DeserializerError::InvalidValue(_, expected) => Problem::BadValue {
                    expected: json_wording(expected),
                },
                other => Problem::BadValue {
                    expected: other.to_string(),
                },
            };
            Invalid { path, problem }
        },
    )
}

/// Deserializes `T` from any serde format by way of the tree and `read`, so that a
/// model's `Deserialize` accepts exactly what its own JSON reader accepts; a refusal
/// becomes the format's error with `read`'s message.
pub(crate) fn through_tree<'de, D, T, E>(
    deserializer: D,
    read: fn(Value) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    E: fmt::Display,
{
    let tree = Value::deserialize(deserializer)?;
    read(tree).map_err(D::Error::custom)
}

/// The JSON type a serde "unexpected" stands for.
fn json_type(found: &Unexpected) -> &'static str {
    match found {
        Unexpected::Bool(_) => "boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) | Unexpected::Float(_) => "number",
        Unexpected::Char(_) | Unexpected::Str(_) => "string",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq => "array",
        Unexpected::Map => "object",
        _ => "value",
    }
}

/// serde's words for what it wanted, in JSON's words.
fn json_wording(expected: String) -> String {
    match expected.as_str() {
        "a sequence" => "an array".to_owned(),
        "a map" => "an object".to_owned(),
        "f64" | "f32" | "u64" | "u32" | "i64" | "i32" => "a number".to_owned(),
        _ => expected,
    }
}

/// The article a JSON type name takes: `an array`, `a string`.
pub(crate) fn with_article(kind: &str) -> String {
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind}")
}

/// A `T` (a derived struct) read from a JSON object only. serde's derive also reads a
/// struct from an array of its fields in order, which no answer here means: a grant
/// `["https://...", null, "eyJ..."]` is not a grant.
#[derive(Debug)]
pub(crate) struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_map(ObjectVisitor(PhantomData))
            .map(Object)
    }
}

struct ObjectVisitor<T>(PhantomData<fn() -> T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map))
    }
}

/// A member read as `T` when it is one, and as absent otherwise (for members that
/// only inform, such as a token's role claims or a server's error message).
#[derive(Debug)]
pub(crate) struct Lenient<T>(pub Option<T>);

impl<T> Default for Lenient<T> {
    fn default() -> Self {
        Self(None)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tree = Value::deserialize(deserializer)?;
        Ok(Self(
            T::deserialize(ValueDeserializer::<DeserializerError>::new(tree)).ok(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        items: Vec<Inner>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        size: u64,
    }

    fn invalid(json: &str) -> Invalid {
        from_value::<Outer>(parse(json.as_bytes()).unwrap()).unwrap_err()
    }

    #[test]
    fn errors_name_the_place_and_the_types_never_the_value() {
        let e = invalid(r#"{"items": [{"size": 1}, {"size": "secret"}]}"#);
        assert_eq!(e.path, "items[1].size");
        assert!(matches!(
            e.problem,
            Problem::WrongType {
                found: "string",
                ..
            }
        ));
        assert!(!format!("{e:?}").contains("secret"));
        let e = invalid(r#"{"items": [{}]}"#);
        assert_eq!(e.path_of("size"), "items[0].size");
        let e = invalid(r#"{"items": {}}"#);
        assert!(
            matches!(&e.problem, Problem::WrongType { expected, found: "object" } if expected == "an array")
        );
        let e = invalid("[]");
        assert_eq!(e.path, "");
    }

    #[test]
    fn syntax_and_depth_are_told_apart() {
        assert_eq!(parse(b"<html>").unwrap_err(), ParseError::NotJson);
        assert_eq!(parse(b"").unwrap_err(), ParseError::NotJson);
        assert_eq!(parse(b"{} x").unwrap_err(), ParseError::NotJson);
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(parse(deep.as_bytes()).unwrap_err(), ParseError::TooDeep);
        assert_eq!(with_article("array"), "an array");
        assert_eq!(with_article("number"), "a number");
    }
}

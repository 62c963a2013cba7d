//! Reading a model from JSON text by its serde `Deserialize`, straight from
//! `serde_json`, through `serde_path_to_error`: a refusal is an [`Invalid`] that says
//! where and what, as data.
//!
//! serde's errors are text; their wording is serde's own (`invalid type: {found},
//! expected {expected}`, `invalid value: ...`, `missing field `{name}``), so one
//! function ([`Problem::of`]) reads them back into a [`Problem`], keeping the JSON type
//! of what was found and never the value serde quoted. A message in another wording is
//! a model's own reader's ([`Problem::Other`]).

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use super::{parse_error, ParseError};

/// Why JSON text could not be read as a model.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// Not JSON that can be read.
    Parse(ParseError),
    /// JSON, but a member is not what the model needs.
    Invalid(Invalid),
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
#[derive(Debug, PartialEq, Eq)]
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
    Missing(String),
    /// What a model's own reader said (e.g. a [`MeetingHost`](crate::MeetingHost)
    /// that is not a valid base): its message, which may quote the value.
    Other(String),
}

/// Reads a model from JSON text (or UTF-8 bytes) with its serde `Deserialize`.
pub(crate) fn from_json<T: DeserializeOwned>(json: &[u8]) -> Result<T, Refusal> {
    let mut reader = serde_json::Deserializer::from_slice(json);
    match serde_path_to_error::deserialize::<_, T>(&mut reader) {
        Ok(model) => match reader.end() {
            Ok(()) => Ok(model),
            Err(trailing) => Err(Refusal::Parse(parse_error(&trailing))),
        },
        Err(error) => {
            let path = if error.path().iter().next().is_none() {
                String::new()
            } else {
                error.path().to_string()
            };
            let error = error.into_inner();
            if error.is_data() {
                let problem = Problem::of(&error);
                Err(Refusal::Invalid(Invalid { path, problem }))
            } else {
                Err(Refusal::Parse(parse_error(&error)))
            }
        }
    }
}

impl Problem {
    /// The problem a serde data error states, in JSON's words, without its value.
    fn of(error: &serde_json::Error) -> Self {
        let text = error.to_string();
        let position = format!(" at line {} column {}", error.line(), error.column());
        let message = text.strip_suffix(&position).unwrap_or(&text);
        // The value serde quotes sits between the prefix and the last ", expected ".
        let stated = |prefix: &str| {
            let (found, expected) = message.strip_prefix(prefix)?.rsplit_once(", expected ")?;
            Some((json_type(found), json_wording(expected)))
        };
        if let Some((found, expected)) = stated("invalid type: ") {
            Self::WrongType { expected, found }
        } else if let Some((_, expected)) = stated("invalid value: ") {
            Self::BadValue { expected }
        } else if let Some(member) = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.strip_suffix('`'))
        {
            Self::Missing(member.to_owned())
        } else {
            Self::Other(message.to_owned())
        }
    }
}

/// The JSON type of what serde says it found (`string "..."`, `integer `5``,
/// `floating point `1.5``, `boolean `true``, `null`, `sequence`, `map`).
fn json_type(found: &str) -> &'static str {
    match found.split(' ').next().unwrap_or_default() {
        "string" | "character" => "string",
        "integer" | "floating" | "number" => "number",
        "boolean" => "boolean",
        "null" | "unit" => "null",
        "sequence" | "array" => "array",
        "map" | "object" => "object",
        _ => "value",
    }
}

/// serde's words for what it wanted, in JSON's words.
fn json_wording(expected: &str) -> String {
    match expected {
        "a sequence" => "an array",
        "a map" => "an object",
        "f64" | "f32" | "u64" | "u32" | "i64" | "i32" => "a number",
        _ => expected,
    }
    .to_owned()
}

/// A `T` (a derived struct) read from a JSON object only. serde's derive also reads a
/// struct from an array of its fields in order, which no answer here means.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        items: Vec<Object<Inner>>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        size: u64,
        when: Option<crate::Timestamp>,
    }

    fn invalid(json: &str) -> Invalid {
        match from_json::<Outer>(json.as_bytes()) {
            Err(Refusal::Invalid(invalid)) => invalid,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn errors_name_the_place_and_the_types_never_the_value() {
        let e = invalid(r#"{"items": [{"size": 1}, {"size": "secret, expected x"}]}"#);
        assert_eq!(e.path, "items[1].size");
        assert_eq!(
            e.problem,
            Problem::WrongType {
                expected: "a number".into(),
                found: "string"
            }
        );
        assert!(!format!("{e:?}").contains("secret"));
        let e = invalid(r#"{"items": [{}]}"#);
        assert_eq!(
            (e.path.as_str(), e.problem),
            ("items[0]", Problem::Missing("size".into()))
        );
        let e = invalid(r#"{"items": {"a": 1.5}}"#);
        assert_eq!(
            e.problem,
            Problem::WrongType {
                expected: "an array".into(),
                found: "object"
            }
        );
        let e = invalid(r#"{"items": [[1, 2]]}"#);
        assert_eq!(
            (e.path.as_str(), &e.problem),
            (
                "items[0]",
                &Problem::WrongType {
                    expected: "an object".into(),
                    found: "array"
                }
            )
        );
        let e = invalid(r#"{"items": [{"size": 1, "when": "soon"}]}"#);
        assert_eq!(
            e.problem,
            Problem::BadValue {
                expected: "a date and time".into()
            }
        );
        let e = invalid("[]");
        assert_eq!(e.path, "");
    }

    #[test]
    fn what_is_not_json_is_told_apart() {
        for text in ["<html>", "", "{\"items\": []} x", "{\"items\": [}"] {
            assert!(
                matches!(
                    from_json::<Outer>(text.as_bytes()),
                    Err(Refusal::Parse(ParseError::NotJson))
                ),
                "{text}"
            );
        }
        // Nesting is read only as deep as the model goes: deeper is either a wrong type
        // or an unknown member, which serde_json skips without recursing.
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let ignored = format!("{{\"items\": [], \"x\": {deep}}}");
        assert!(from_json::<Outer>(ignored.as_bytes()).is_ok());
        let e = invalid(&format!("{{\"items\": {deep}}}"));
        assert_eq!(e.path, "items[0]");
    }
}

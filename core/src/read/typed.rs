//! Reading a model from a [`serde_value::Value`] tree by its serde `Deserialize`,
//! through `serde_path_to_error` and `serde_value`'s structured error type: a refusal
//! is an [`Invalid`] that says where and what, as data, never quoting a value.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_value::{DeserializerError, Unexpected, Value, ValueDeserializer};

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
                // Lengths, variants and unknown or repeated fields: no model here asks.
                _ => Problem::BadValue {
                    expected: "a readable value".to_owned(),
                },
            };
            Invalid { path, problem }
        },
    )
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
        from_value::<Outer>(super::super::parse(json.as_bytes()).unwrap()).unwrap_err()
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
}

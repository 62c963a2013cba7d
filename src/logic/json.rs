//! A read-only view of parsed JSON, filled by the platform's own parser.
//!
//! In the browser the text goes through `JSON.parse`, so the wasm bundle carries no
//! JSON parser of its own; natively (server, tests) it goes through `serde_json`.
//! The grant and token logic only ever sees this small tree.

/// Nesting deeper than this is refused: a grant or token payload is flat.
pub(crate) const MAX_DEPTH: usize = 16;

/// One parsed JSON value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object (the last one if repeated, as `JSON.parse` does).
    pub(crate) fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string member `key` of an object (`None` if absent or not a string).
    pub(crate) fn str(&self, key: &str) -> Option<&str> {
        match self.get(key) {
            Some(Json::String(text)) => Some(text),
            _ => None,
        }
    }

    /// The JSON type name, for error messages.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Number(_) => "number",
            Json::String(_) => "string",
            Json::Array(_) => "array",
            Json::Object(_) => "object",
        }
    }
}

/// Any serde format into the tree (natively: lets the history models implement
/// `Deserialize` through their one tolerant reader). Depth is bounded by the format
/// (`serde_json` stops at 128 levels).
impl<'de> serde::Deserialize<'de> for Json {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> serde::de::Visitor<'de> for TreeVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        serde::Deserialize::deserialize(d)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Number(n as f64))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json::Number(n as f64))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Json, E> {
        Ok(Json::Number(n))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_owned()))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry::<String, Json>()? {
            members.push(member);
        }
        Ok(Json::Object(members))
    }
}

/// Why a text is not the JSON we accept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum JsonError {
    Syntax,
    TooDeep,
}

/// Parses `text` with the platform's parser.
pub(crate) fn parse(text: &str) -> Result<Json, JsonError> {
    platform::parse(text)
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use super::{Json, JsonError, MAX_DEPTH};
    use wasm_bindgen::{JsCast, JsValue};

    pub(super) fn parse(text: &str) -> Result<Json, JsonError> {
        let value = js_sys::JSON::parse(text).map_err(|_| JsonError::Syntax)?;
        convert(&value, 0)
    }

    fn convert(value: &JsValue, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(JsonError::TooDeep);
        }
        if value.is_null() {
            Ok(Json::Null)
        } else if let Some(b) = value.as_bool() {
            Ok(Json::Bool(b))
        } else if let Some(n) = value.as_f64() {
            Ok(Json::Number(n))
        } else if let Some(s) = value.as_string() {
            Ok(Json::String(s))
        } else if let Some(array) = value.dyn_ref::<js_sys::Array>() {
            array
                .iter()
                .map(|v| convert(&v, depth + 1))
                .collect::<Result<_, _>>()
                .map(Json::Array)
        } else if let Some(object) = value.dyn_ref::<js_sys::Object>() {
            js_sys::Object::entries(object)
                .iter()
                .map(|entry| {
                    let pair: js_sys::Array = entry.unchecked_into();
                    let key = pair.get(0).as_string().unwrap_or_default();
                    convert(&pair.get(1), depth + 1).map(|v| (key, v))
                })
                .collect::<Result<_, _>>()
                .map(Json::Object)
        } else {
            Err(JsonError::Syntax)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use super::{Json, JsonError, MAX_DEPTH};
    use serde_json::Value;

    pub(super) fn parse(text: &str) -> Result<Json, JsonError> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            if e.to_string().contains("recursion limit") {
                JsonError::TooDeep
            } else {
                JsonError::Syntax
            }
        })?;
        convert(&value, 0)
    }

    fn convert(value: &Value, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(JsonError::TooDeep);
        }
        Ok(match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
            Value::String(s) => Json::String(s.clone()),
            Value::Array(items) => Json::Array(
                items
                    .iter()
                    .map(|v| convert(v, depth + 1))
                    .collect::<Result<_, _>>()?,
            ),
            Value::Object(map) => Json::Object(
                map.iter()
                    .map(|(k, v)| convert(v, depth + 1).map(|v| (k.clone(), v)))
                    .collect::<Result<_, _>>()?,
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_objects_and_reads_members() {
        let json = parse(r#"{"a": 1, "b": [true, null], "c": {"d": "x"}, "a": 2}"#).unwrap();
        assert_eq!(json.get("a"), Some(&Json::Number(2.0)));
        assert_eq!(json.get("b").map(Json::kind), Some("array"));
        assert_eq!(
            json.get("c").and_then(|c| c.get("d")),
            Some(&Json::String("x".into()))
        );
        assert_eq!(json.get("missing"), None);
    }

    #[test]
    fn refuses_syntax_errors_and_deep_nesting() {
        assert_eq!(parse("{"), Err(JsonError::Syntax));
        assert_eq!(parse("<html>"), Err(JsonError::Syntax));
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        assert_eq!(parse(&deep), Err(JsonError::TooDeep));
    }
}

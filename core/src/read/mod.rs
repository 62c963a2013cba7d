//! Reading JSON answers: one path on every platform, `serde_json`, with typed errors
//! that name the place and never quote a value (so they are safe to log).
//!
//! - Small flat answers (a grant, a token's payload, an error body) are parsed into
//!   `serde_json`'s own [`Value`] and read member by member, each member's JSON type
//!   checked by a `match` that reads like the contract's table ([`parse`], [`kind`]).
//! - Nested answers (the history) are read by their serde `Deserialize`, through
//!   `serde_path_to_error` ([`typed`]), so that an error says where
//!   (`data[0].recording_files[0].size`) and what.
//!
//! Either way, what is not JSON is a [`ParseError`].

pub(crate) mod typed;

use serde::de::DeserializeOwned;
use serde_json::Value;

/// Why text is not JSON that can be read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ParseError {
    /// Not JSON at all (HTML, truncated, empty...).
    NotJson,
    /// Nested deeper than `serde_json` reads (128 levels).
    TooDeep,
}

/// Parses JSON text (or UTF-8 bytes) into a type that takes any JSON value
/// (`serde_json::Value`).
pub(crate) fn parse<Tree: DeserializeOwned>(json: &[u8]) -> Result<Tree, ParseError> {
    serde_json::from_slice(json).map_err(|e| parse_error(&e))
}

/// Why `serde_json` could not parse: too deep, or not JSON.
pub(crate) fn parse_error(error: &serde_json::Error) -> ParseError {
    // serde_json classes its depth limit as a syntax error; its message tells.
    if error.to_string().starts_with("recursion limit exceeded") {
        ParseError::TooDeep
    } else {
        ParseError::NotJson
    }
}

/// The JSON type of a value: `null`, `boolean`, `number`, `string`, `array`, `object`.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_and_depth_are_told_apart() {
        assert_eq!(parse::<Value>(b"<html>").unwrap_err(), ParseError::NotJson);
        assert_eq!(parse::<Value>(b"").unwrap_err(), ParseError::NotJson);
        assert_eq!(parse::<Value>(b"{} x").unwrap_err(), ParseError::NotJson);
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(
            parse::<Value>(deep.as_bytes()).unwrap_err(),
            ParseError::TooDeep
        );
        assert_eq!(with_article("array"), "an array");
        assert_eq!(with_article("number"), "a number");
        assert_eq!(kind(&serde_json::json!({"a": 1})), "object");
    }
}

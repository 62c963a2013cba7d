//! Reading JSON answers: one path on every platform. The text is parsed by `serde_json`
//! into its [`Value`] ([`parse`]); each model is then read from that value by one
//! function, member by member, with each member's JSON type checked as the contract or
//! the model says ([`value`]): what is wrong is a typed error that names the place
//! (`data[0].recording_files[0].size`) and never quotes a value, so it is safe to log.
//! The models' serde `Deserialize` is that same function behind `Value`'s own
//! `Deserialize`, so both accept exactly the same input.
//!
//! One parser for every answer keeps the browser bundle small: a grant, a token's
//! payload, an error body, a page of history and the reference server's answers all
//! share `serde_json`'s one `Value` parser instead of a deserializer per model.

pub(crate) mod value;

use serde_json::Value;

/// Why text is not JSON that can be read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ParseError {
    /// Not JSON at all (HTML, truncated, empty...).
    NotJson,
    /// Nested deeper than `serde_json` reads (128 levels).
    TooDeep,
}

/// How deep `serde_json` nests arrays and objects before it refuses (its recursion
/// limit).
const MAX_DEPTH: usize = 127;

/// Parses JSON text (or UTF-8 bytes) into a [`Value`].
pub(crate) fn parse(json: &[u8]) -> Result<Value, ParseError> {
    serde_json::from_slice(json).map_err(|_| {
        if nests_deeper_than(json, MAX_DEPTH) {
            ParseError::TooDeep
        } else {
            ParseError::NotJson
        }
    })
}

/// Whether arrays and objects in `json` nest deeper than `limit` (brackets inside
/// strings do not count). Asked only of text `serde_json` refused, to say why without
/// reading its error message.
fn nests_deeper_than(json: &[u8], limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0_usize, false, false);
    for &byte in json {
        match (in_string, byte) {
            (true, _) if escaped => escaped = false,
            (true, b'\\') => escaped = true,
            (true, b'"') | (false, b'"') => in_string = !in_string,
            (false, b'[' | b'{') => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            (false, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
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
        assert_eq!(parse(b"<html>").unwrap_err(), ParseError::NotJson);
        assert_eq!(parse(b"").unwrap_err(), ParseError::NotJson);
        assert_eq!(parse(b"{} x").unwrap_err(), ParseError::NotJson);
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(parse(deep.as_bytes()).unwrap_err(), ParseError::TooDeep);
        // The depth serde_json allows is the depth the check allows.
        let most = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(most.as_bytes()).is_ok());
        let one_more = format!("[{most}]");
        assert_eq!(parse(one_more.as_bytes()).unwrap_err(), ParseError::TooDeep);
        // Brackets in strings are text, however many; a broken deep text is still deep.
        let quoted = format!("[\"{}\\\"{}\"] x", "[".repeat(300), "{".repeat(300));
        assert_eq!(parse(quoted.as_bytes()).unwrap_err(), ParseError::NotJson);
        assert_eq!(
            parse(format!("{} x", "{\"a\":".repeat(200)).as_bytes()).unwrap_err(),
            ParseError::TooDeep
        );
        assert_eq!(with_article("array"), "an array");
        assert_eq!(with_article("number"), "a number");
        assert_eq!(kind(&serde_json::json!({"a": 1})), "object");
    }
}

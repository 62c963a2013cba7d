//! Reading imMail's JSON answers. Errors name the call and the member that was wrong,
//! never its value: an answer may hold a token.

use serde_json::Value;

use super::client::ApiCall;
use crate::upstream::UpstreamError;

/// The non-empty string member `name` of an answer object.
pub fn text<'a>(call: &ApiCall, answer: &'a Value, name: &str) -> Result<&'a str, UpstreamError> {
    match answer.get(name) {
        Some(Value::String(text)) if !text.is_empty() => Ok(text),
        Some(_) => Err(UpstreamError::Failed(format!(
            "{call}: the answer's `{name}` is not a non-empty string"
        ))),
        None if answer.is_object() => Err(UpstreamError::Failed(format!(
            "{call}: the answer has no `{name}`"
        ))),
        None => Err(UpstreamError::Failed(format!(
            "{call}: the answer is not a JSON object"
        ))),
    }
}

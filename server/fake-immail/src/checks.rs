//! Request checks: what the real imMail API expects of a request. A request that fails one
//! is a *violation*: recorded, and answered `400`.

use axum::http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use axum::http::HeaderMap;
use serde_json::{Map, Value};

/// The header `/auth/token` reads the API key from.
pub const API_KEY_HEADER: &str = "x-auth-token";

/// The type a member of a request body must have.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    /// A non-empty string.
    Text,
    /// `true` or `false`.
    Bool,
    /// A whole number of at least 1.
    PositiveInt,
    /// A string `YYYY-MM-DD HH:MM`.
    StartAt,
}

/// A member of a request body.
pub(crate) struct Field {
    pub(crate) name: &'static str,
    pub(crate) kind: Kind,
    pub(crate) required: bool,
}

impl Field {
    pub(crate) const fn required(name: &'static str, kind: Kind) -> Self {
        Self {
            name,
            kind,
            required: true,
        }
    }

    pub(crate) const fn optional(name: &'static str, kind: Kind) -> Self {
        Self {
            name,
            kind,
            required: false,
        }
    }
}

/// A JSON request: `Content-Type: application/json` and a body that is an object with
/// exactly the given members (no others), each of its type.
pub(crate) fn json_body(
    headers: &HeaderMap,
    body: &[u8],
    fields: &[Field],
) -> Result<Map<String, Value>, String> {
    let types: Vec<&str> = headers
        .get_all(CONTENT_TYPE)
        .iter()
        .map(|v| v.to_str().unwrap_or("<not text>"))
        .collect();
    let media_type = types
        .first()
        .and_then(|t| t.split(';').next())
        .map(|t| t.trim().to_ascii_lowercase());
    if types.len() != 1 || media_type.as_deref() != Some("application/json") {
        return Err(format!(
            "Content-Type must be application/json, got {types:?}"
        ));
    }
    let object = match serde_json::from_slice(body) {
        Ok(Value::Object(object)) => object,
        Ok(other) => return Err(format!("the body is JSON but not an object: {other}")),
        Err(e) => return Err(format!("the body is not JSON: {e}")),
    };
    for name in object.keys() {
        if !fields.iter().any(|f| f.name == name) {
            return Err(format!("unexpected member `{name}` in {object:?}"));
        }
    }
    for field in fields {
        match object.get(field.name) {
            None if field.required => {
                return Err(format!("missing member `{}` in {object:?}", field.name))
            }
            None => {}
            Some(value) if !has_kind(value, field.kind) => {
                return Err(format!(
                    "member `{}` must be {:?}, got {value}",
                    field.name, field.kind
                ))
            }
            Some(_) => {}
        }
    }
    Ok(object)
}

fn has_kind(value: &Value, kind: Kind) -> bool {
    match kind {
        Kind::Text => value.as_str().is_some_and(|s| !s.trim().is_empty()),
        Kind::Bool => value.is_boolean(),
        Kind::PositiveInt => value.as_u64().is_some_and(|n| n >= 1),
        Kind::StartAt => value.as_str().is_some_and(|s| {
            let form = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
            time::PrimitiveDateTime::parse(s, form).is_ok()
        }),
    }
}

/// The API key of an `/auth/token` request: exactly one `X-AUTH-TOKEN` header and no
/// `Authorization` header.
pub(crate) fn api_key(headers: &HeaderMap) -> Result<String, String> {
    if headers.contains_key(AUTHORIZATION) {
        return Err("/auth/token must not carry an Authorization header".into());
    }
    single_header(headers, API_KEY_HEADER)
}

/// The service token of a bearer call: exactly one `Authorization: Bearer <token>` and
/// never the API key (it belongs to `/auth/token` only).
pub(crate) fn bearer(headers: &HeaderMap) -> Result<String, String> {
    if headers.contains_key(API_KEY_HEADER) {
        return Err("the API key (X-AUTH-TOKEN) was sent to a call other than /auth/token".into());
    }
    let value = single_header(headers, AUTHORIZATION.as_str())?;
    match value.strip_prefix("Bearer ") {
        Some(token) if !token.is_empty() && !token.contains(' ') => Ok(token.to_owned()),
        _ => Err("Authorization must be `Bearer <service token>`".into()),
    }
}

fn single_header(headers: &HeaderMap, name: &str) -> Result<String, String> {
    let values: Vec<_> = headers.get_all(name).iter().collect();
    match values.as_slice() {
        [value] => value
            .to_str()
            .map(str::to_owned)
            .map_err(|_| format!("header {name} is not visible ASCII")),
        [] => Err(format!("header {name} is missing")),
        _ => Err(format!("header {name} is sent {} times", values.len())),
    }
}

/// A `GET` call: a bearer service token ([`bearer`]), no body or `Content-Type`, and
/// exactly one `Accept: <accept>`.
pub(crate) fn get(headers: &HeaderMap, body: &[u8], accept: &str) -> Result<String, String> {
    let token = bearer(headers)?;
    if headers.contains_key(CONTENT_TYPE) || !body.is_empty() {
        return Err("a GET must not carry a body or a Content-Type".into());
    }
    let sent = single_header(headers, ACCEPT.as_str())?;
    if sent != accept {
        return Err(format!("Accept must be {accept}, got {sent:?}"));
    }
    Ok(token)
}

/// The paging query of the sessions call: `page` and `limit`, whole numbers from 1.
pub(crate) fn paging(query: &str) -> Result<(usize, usize), String> {
    let (mut page, mut limit) = (None, None);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let number = value.parse::<usize>().ok().filter(|n| *n >= 1);
        match key {
            "page" if page.is_none() => page = number,
            "limit" if limit.is_none() => limit = number,
            _ => return Err(format!("unexpected query member {pair:?} in {query:?}")),
        }
    }
    match (page, limit) {
        (Some(page), Some(limit)) => Ok((page, limit)),
        _ => Err(format!(
            "page and limit must be whole numbers from 1: {query:?}"
        )),
    }
}

//! Extractors whose rejections are [`ApiError`]s: axum's `Json`, `Path` and `Query`
//! under the API's error answers, and [`JsonOrEmpty`] for a body that may be absent.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::de::DeserializeOwned;

use crate::ApiError;

/// A JSON body: `Content-Type: application/json` required (else `415`), at most
/// [`super::MAX_BODY_BYTES`] (else `413`), valid for `T` (else `400`).
#[derive(Debug, FromRequest)]
#[from_request(via(Json), rejection(ApiError))]
pub struct JsonBody<T>(pub T);

/// A path parameter (`404` when it cannot be read).
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct PathParam<T>(pub T);

/// A query string (`400` when it cannot be read).
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct QueryParams<T>(pub T);

/// A JSON body that may be left out: no body at all (and no `Content-Type`, as `fetch`
/// sends a bodiless `POST`) is `T::default()`; any body must be `application/json`, like
/// [`JsonBody`]. A form (`text/plain`, `application/x-www-form-urlencoded`,
/// `multipart/form-data`) always names its type, so it is refused (`415`) even empty.
#[derive(Debug)]
pub struct JsonOrEmpty<T>(pub T);

impl<S, T> FromRequest<S> for JsonOrEmpty<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Default,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let typed = request.headers().contains_key(CONTENT_TYPE);
        if typed && !is_json(request.headers()) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let body =
            Bytes::from_request(request, state)
                .await
                .map_err(|rejection| match rejection.status() {
                    StatusCode::PAYLOAD_TOO_LARGE => ApiError::TooLarge,
                    _ => ApiError::BadRequest("The request body could not be read.".into()),
                })?;
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Self(T::default()));
        }
        if !typed {
            return Err(ApiError::UnsupportedMediaType);
        }
        let Json(value) = Json::<T>::from_bytes(&body)?;
        Ok(Self(value))
    }
}

/// `application/json` or `application/<something>+json`, parameters allowed.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(Ok(value)) = headers.get(CONTENT_TYPE).map(|v| v.to_str()) else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || essence
            .strip_prefix("application/")
            .is_some_and(|sub| sub.ends_with("+json"))
}

//! `GET /recordings/{file}`: a recording, streamed from the upstream to the
//! browser chunk by chunk (never held whole: recordings are hundreds of MB), with
//! `Content-Length`, a sanitised `Content-Disposition: attachment`, and single byte
//! ranges (`206`, `416`, `Accept-Ranges`, `If-Range`) so a download can resume. For
//! the moderator of the room whose session list held the file only.

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;

use super::PathParam;
use crate::content_disposition::attachment;
use crate::range::RangeRequest;
use crate::{ApiError, Caller, MeetApi};

/// `GET /recordings/{file}` (and `HEAD`): [`MeetApi::recording`] as an HTTP answer.
pub async fn download(
    State(api): State<MeetApi>,
    caller: Caller,
    PathParam(file_id): PathParam<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    // A header that is not text is unreadable: `""` parses as `Invalid`.
    let range = RangeRequest::parse(headers.get(header::RANGE).map(|v| v.to_str().unwrap_or("")));
    let if_range = headers.get(header::IF_RANGE).and_then(|v| v.to_str().ok());
    let crate::api::Recording {
        name,
        stream: recording,
    } = api.recording(&caller, &file_id, range, if_range).await?;

    let (status, length) = match recording.range {
        Some(part) => (StatusCode::PARTIAL_CONTENT, part.len()),
        None => (StatusCode::OK, recording.length),
    };
    tracing::info!(file = %file_id, status = status.as_u16(), bytes = length, "recording download");
    let fallback = format!("recording-{file_id}");
    let disposition = attachment(name.as_deref().unwrap_or(""), &fallback);
    let media_type = recording
        .content_type
        .as_deref()
        .filter(|t| is_media_type(t))
        .unwrap_or("application/octet-stream");
    let mut response = Response::new(Body::from_stream(recording.body));
    *response.status_mut() = status;
    let out = response.headers_mut();
    out.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    out.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    out.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    out.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    for (name, value) in [
        (header::CONTENT_TYPE, Some(media_type.to_owned())),
        (header::CONTENT_DISPOSITION, Some(disposition)),
        (header::ETAG, recording.etag),
        (
            header::CONTENT_RANGE,
            recording
                .range
                .map(|part| format!("bytes {part}/{}", recording.length)),
        ),
    ] {
        if let Some(value) = value.and_then(|v| HeaderValue::from_str(&v).ok()) {
            out.insert(name, value);
        }
    }
    Ok(response)
}

/// `type/subtype` made of token characters (no parameters, nothing that could smuggle
/// another header).
fn is_media_type(text: &str) -> bool {
    let token = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$&^_.+-".contains(&b))
    };
    text.split_once('/')
        .is_some_and(|(kind, sub)| token(kind) && token(sub))
}

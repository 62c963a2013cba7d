//! The three history calls on imMail: a room's sessions, a session's messages, and a
//! recording's bytes. Their paths are not public: they come from [`HistoryPaths`]
//! (assumed defaults, configurable). Answers are read with the component crate's
//! tolerant models (the same reader the browser uses); a recording is streamed through,
//! never held.

use std::time::Duration;

use futures::stream;
use reqwest::header::{
    HeaderValue, CONTENT_LENGTH, CONTENT_RANGE, CONTENT_TYPE, ETAG, IF_RANGE, RANGE,
};
use reqwest::{Response, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::error::Category;

use super::client::{not_json, read_body, ApiCall, ImmailClient};
use super::history_paths::HistoryPaths;
use crate::range::{ByteRange, RangeRequest, RangeSpec};
use crate::upstream::{ByteStream, RecordingRequest, RecordingStream, UpstreamError};

/// How long one recording download may take in all (the read time-out still ends one
/// that stalls): recordings are hundreds of MB and browsers can be slow.
pub const DOWNLOAD_TIME_LIMIT: Duration = Duration::from_secs(6 * 3600);

/// `GET` a history answer and read it as `T` (`404` is [`UpstreamError::NotFound`]).
pub(super) async fn get_json<T: DeserializeOwned>(
    client: &ImmailClient,
    path: String,
) -> Result<T, UpstreamError> {
    let call = ApiCall::get(path).passing(&[StatusCode::NOT_FOUND]);
    let response = client.send(&call).await?;
    if response.status() == StatusCode::NOT_FOUND {
        return Err(UpstreamError::NotFound);
    }
    let body = read_body(&call, response).await?;
    // Read once, straight into the model. The tolerant reader's errors name a member
    // and a type, never a value.
    serde_json::from_slice(&body).map_err(|e| match e.classify() {
        Category::Syntax | Category::Eof => not_json(&call),
        _ => UpstreamError::Failed(format!("{call}: {e}")),
    })
}

/// `GET` a recording, passing the range on (`Range`, and `If-Range` with it). imMail
/// may answer `206` (its part), `200` (the whole file: then the asked range, if any and
/// not made void by `If-Range`, is cut out here as the bytes stream by), `416` or `404`.
pub(super) async fn recording(
    client: &ImmailClient,
    paths: &HistoryPaths,
    request: &RecordingRequest<'_>,
) -> Result<RecordingStream, UpstreamError> {
    let mut call = ApiCall::get(paths.recording(request.file_id))
        .accept("*/*")
        .passing(&[StatusCode::NOT_FOUND, StatusCode::RANGE_NOT_SATISFIABLE])
        .time_limit(DOWNLOAD_TIME_LIMIT);
    let asked = match request.range {
        RangeRequest::One(spec) => Some(spec),
        _ => None,
    };
    let if_range = request
        .if_range
        .and_then(|tag| HeaderValue::from_str(tag).ok());
    if let Some(spec) = asked {
        if let Ok(value) = HeaderValue::from_str(&range_header(spec)) {
            call = call.header(RANGE, value);
        }
        if let Some(tag) = &if_range {
            call = call.header(IF_RANGE, tag.clone());
        }
    }
    let response = client.send(&call).await?;
    let failed = |why: &str| UpstreamError::Failed(format!("{call}: {why}"));
    let etag = text_header(&response, ETAG);
    let content_type = text_header(&response, CONTENT_TYPE);
    let declared = text_header(&response, CONTENT_LENGTH).and_then(|v| v.parse::<u64>().ok());
    let content_range = text_header(&response, CONTENT_RANGE);
    match response.status() {
        StatusCode::NOT_FOUND => Err(UpstreamError::NotFound),
        StatusCode::RANGE_NOT_SATISFIABLE => {
            let length = content_range
                .as_deref()
                .and_then(|v| v.strip_prefix("bytes */"))
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| failed("416 without the file's length"))?;
            Err(UpstreamError::RangeNotSatisfiable(length))
        }
        StatusCode::PARTIAL_CONTENT => {
            let (part, length) = content_range
                .as_deref()
                .and_then(parse_content_range)
                .ok_or_else(|| failed("206 without a readable Content-Range"))?;
            if declared.is_some_and(|n| n != part.len()) {
                return Err(failed("206 whose Content-Length is not its range"));
            }
            Ok(RecordingStream {
                length,
                range: Some(part),
                content_type,
                etag,
                body: body_of(response, 0, part.len()),
            })
        }
        StatusCode::OK => {
            let length = declared.ok_or_else(|| failed("200 without a Content-Length"))?;
            // A range imMail ignored is cut out here; one it refused through If-Range
            // (another version of the file) is not: the whole file is the answer.
            let range = match (request.range, &if_range) {
                (RangeRequest::One(_), Some(_)) => RangeRequest::Whole,
                (range, _) => range,
            };
            let part = range
                .resolve(length)
                .map_err(UpstreamError::RangeNotSatisfiable)?;
            let (skip, take) = part.map_or((0, length), |p| (p.start, p.len()));
            Ok(RecordingStream {
                length,
                range: part,
                content_type,
                etag,
                body: body_of(response, skip, take),
            })
        }
        other => Err(failed(&format!("unexpected status {other}"))),
    }
}

/// `bytes=a-b`, `bytes=a-` or `bytes=-n`.
fn range_header(spec: RangeSpec) -> String {
    match spec {
        RangeSpec::FromTo(a, b) => format!("bytes={a}-{b}"),
        RangeSpec::From(a) => format!("bytes={a}-"),
        RangeSpec::Suffix(n) => format!("bytes=-{n}"),
    }
}

/// `bytes a-b/length` as a range and the file's length.
fn parse_content_range(value: &str) -> Option<(ByteRange, u64)> {
    let (range, length) = value.strip_prefix("bytes ")?.split_once('/')?;
    let (start, end) = range.split_once('-')?;
    let (start, end, length) = (start.parse().ok()?, end.parse().ok()?, length.parse().ok()?);
    (start <= end && end < length).then_some((ByteRange { start, end }, length))
}

fn text_header(response: &Response, name: reqwest::header::HeaderName) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The answer's body as a stream, chunk by chunk as it arrives: `skip` bytes dropped,
/// then at most `take` bytes passed on (a range cut out of a whole file).
fn body_of(response: Response, skip: u64, take: u64) -> ByteStream {
    let chunks = stream::unfold(
        (Some(response), skip, take),
        |(response, mut skip, mut take)| async move {
            let mut response = response?;
            loop {
                if take == 0 {
                    return None;
                }
                let mut chunk = match response.chunk().await {
                    Ok(Some(chunk)) => chunk,
                    Ok(None) => return None,
                    Err(_) => {
                        let broken = std::io::Error::other("the imMail download broke off");
                        return Some((Err(broken), (None, 0, 0)));
                    }
                };
                let dropped = skip.min(chunk.len() as u64);
                skip -= dropped;
                let _ = chunk.split_to(dropped as usize);
                if chunk.is_empty() {
                    continue;
                }
                chunk.truncate(take.min(chunk.len() as u64) as usize);
                take -= chunk.len() as u64;
                return Some((Ok(chunk), (Some(response), skip, take)));
            }
        },
    );
    Box::pin(chunks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_content_ranges() {
        assert_eq!(
            parse_content_range("bytes 0-99/1000"),
            Some((ByteRange { start: 0, end: 99 }, 1000))
        );
        for bad in [
            "bytes 5-2/10",
            "bytes 0-10/10",
            "bytes */10",
            "0-1/2",
            "bytes 0-1/x",
        ] {
            assert_eq!(parse_content_range(bad), None, "{bad}");
        }
        assert_eq!(range_header(RangeSpec::Suffix(7)), "bytes=-7");
    }
}

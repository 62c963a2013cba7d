//! The one HTTP exchange of this crate, used by the grant sources, the history
//! components and the reference server's calls: gloo-net's request, a time-out that
//! aborts it (`AbortController`), and a size limit that holds however the answer is
//! sent: the body is read as a stream and reading stops (the stream is cancelled) at
//! the limit, with or without a `Content-Length`, true or not.

use gloo_net::http::{Request, RequestBuilder, Response};
use js_sys::Uint8Array;
use wasm_bindgen::JsCast as _;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, ReadableStreamDefaultReader, ReadableStreamReadResult, RequestCache,
    RequestCredentials,
};

use crate::timer::within;
use crate::FetchError;

/// How long one exchange may take, and how large its answer may be.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    /// Milliseconds, from sending the request to the last byte of the answer.
    pub timeout_ms: u32,
    /// Bytes of the answer's body.
    pub max_bytes: u32,
}

/// `builder` as this crate's calls send it: with the page's own credentials (same
/// origin), never from the cache, asking for JSON.
pub(crate) fn json_request(builder: RequestBuilder) -> RequestBuilder {
    builder
        .credentials(RequestCredentials::SameOrigin)
        .cache(RequestCache::NoStore)
        .header("Accept", "application/json")
}

/// Sends the request `finish` makes of `builder` (which carries the exchange's abort
/// signal) and reads its answer: the body of a 2xx answer, or the error that says why
/// not. An answer that came through a redirect (typically a sign-in page) is
/// [`FetchError::Redirected`]; a non-2xx one a [`FetchError::Status`] with the server's
/// own message. Past `limits.timeout_ms` the request (or the body still arriving) is
/// aborted; past `limits.max_bytes` reading stops. A request `finish` fails to build is
/// a [`FetchError::Source`].
pub(crate) async fn fetch(
    builder: RequestBuilder,
    finish: impl FnOnce(RequestBuilder) -> Result<Request, gloo_net::Error>,
    limits: Limits,
) -> Result<Vec<u8>, FetchError> {
    let abort = AbortController::new().map_err(|_| FetchError::Network)?;
    let request = finish(builder.abort_signal(Some(&abort.signal()))).map_err(not_built)?;
    let answer = within(limits.timeout_ms, exchange(request, limits.max_bytes)).await;
    // Ends whatever still runs: a request without an answer, or a body still arriving.
    abort.abort();
    answer.unwrap_or(Err(FetchError::Timeout(limits.timeout_ms)))
}

/// The request's answer, read within `max_bytes`.
async fn exchange(request: Request, max_bytes: u32) -> Result<Vec<u8>, FetchError> {
    let response = request.send().await.map_err(|_| FetchError::Network)?;
    if response.redirected() {
        return Err(FetchError::Redirected {
            url: response.url(),
        });
    }
    let body = read_body(&response, max_bytes).await?;
    if !response.ok() {
        let text = String::from_utf8_lossy(&body);
        return Err(FetchError::from_status(response.status(), &text));
    }
    Ok(body)
}

/// The body, chunk by chunk, refused as soon as it is larger than `max_bytes` (or says
/// it will be).
async fn read_body(response: &Response, max_bytes: u32) -> Result<Vec<u8>, FetchError> {
    let max = max_bytes as usize;
    let declared = response.headers().get("content-length");
    let declared = declared.and_then(|length| length.trim().parse::<u64>().ok());
    if declared.is_some_and(|length| length > u64::from(max_bytes)) {
        return Err(FetchError::TooLarge(max_bytes));
    }
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut body = Vec::new();
    loop {
        let read: ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(|_| FetchError::Network)?
            .unchecked_into();
        if read.get_done().unwrap_or(true) {
            return Ok(body);
        }
        let chunk = Uint8Array::new(&read.get_value());
        let end = body.len() + chunk.length() as usize;
        if end > max {
            // Tells the sender to stop: nothing more is read.
            let _ = reader.cancel();
            return Err(FetchError::TooLarge(max_bytes));
        }
        let start = body.len();
        body.resize(end, 0);
        chunk.copy_to(&mut body[start..]);
    }
}

/// Why a request could not be built, in gloo-net's words (a JSON body that could not
/// be written has no more to say).
fn not_built(error: gloo_net::Error) -> FetchError {
    FetchError::Source(match error {
        gloo_net::Error::JsError(error) => error.message,
        gloo_net::Error::GlooError(message) => message,
        gloo_net::Error::SerdeError(_) => {
            "the request body could not be written as JSON".to_owned()
        }
    })
}

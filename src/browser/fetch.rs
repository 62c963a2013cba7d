//! One HTTP exchange on `window.fetch`, shared by the grant sources and the history
//! components: a time-out that aborts the request and a limit on the answer's size,
//! for a plain call (same-origin credentials, no caching, JSON accepted) or for a
//! request the app built.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen_futures::JsFuture;

use crate::logic::GrantFetchError;

/// `method url` (with a JSON `body` if given); the answer's text if its status is 2xx,
/// else a `Status` error carrying the server's `{"error": {...}}` message. Gives up
/// (aborting the request) after `timeout_ms`, and refuses answers over `max_bytes`.
pub(crate) async fn fetch_text(
    method: &str,
    url: &str,
    body: Option<&str>,
    timeout_ms: u32,
    max_bytes: u32,
) -> Result<String, GrantFetchError> {
    settle(
        fetch_js(method, url, body, timeout_ms, max_bytes, "same-origin"),
        timeout_ms,
        max_bytes,
    )
    .await
}

/// `GET url` without credentials: no cookie is sent, and none the answer sets is kept.
/// For public answers, which must not take part in who the caller is (a first visit's
/// concurrent calls would each be handed a new visitor cookie, and the last one would
/// win). Otherwise as [`fetch_text`].
pub(crate) async fn fetch_public_text(
    url: &str,
    timeout_ms: u32,
    max_bytes: u32,
) -> Result<String, GrantFetchError> {
    settle(
        fetch_js("GET", url, None, timeout_ms, max_bytes, "omit"),
        timeout_ms,
        max_bytes,
    )
    .await
}

/// `request` as the app built it, with the same time-out, size limit and errors as
/// [`fetch_text`].
pub(crate) async fn fetch_request(
    request: &web_sys::Request,
    timeout_ms: u32,
    max_bytes: u32,
) -> Result<String, GrantFetchError> {
    settle(
        fetch_request_js(request, timeout_ms, max_bytes),
        timeout_ms,
        max_bytes,
    )
    .await
}

/// The exchange's outcome as the answer's text or the error that says why.
async fn settle(
    exchange: js_sys::Promise,
    timeout_ms: u32,
    max_bytes: u32,
) -> Result<String, GrantFetchError> {
    let (status, text) = match JsFuture::from(exchange).await {
        Ok(answer) => {
            let answer = js_sys::Array::from(&answer);
            let status = answer.get(0).as_f64().unwrap_or_default() as u16;
            (status, answer.get(1).as_string().unwrap_or_default())
        }
        Err(why) => {
            return Err(match why.as_f64() {
                Some(1.0) => GrantFetchError::Timeout(timeout_ms),
                Some(2.0) => GrantFetchError::TooLarge(max_bytes),
                _ => GrantFetchError::Network,
            })
        }
    };
    accept(status, text, max_bytes)
}

/// An answer's text if it is within `max_bytes` and its status is 2xx, else the error
/// that says why (a `Status` error carries the server's `{"error": {...}}` message).
fn accept(status: u16, text: String, max_bytes: u32) -> Result<String, GrantFetchError> {
    if text.len() > max_bytes as usize {
        return Err(GrantFetchError::TooLarge(max_bytes));
    }
    if !(200..300).contains(&status) {
        return Err(GrantFetchError::from_status(status, &text));
    }
    Ok(text)
}

// The HTTP exchange, written in a few lines of JavaScript on `window.fetch`: web-sys
// bindings for `Request`, `Headers` and `AbortController` plus a Rust timer cost the
// bundle several times more. It resolves to `[status, text]` or rejects with why:
// 0 no answer (network, CORS), 1 time-out (the request is aborted), 2 a declared
// `Content-Length` over the limit (aborted before reading).
#[wasm_bindgen(inline_js = r#"
function exchange(input, init, ms, max) {
  const abort = new AbortController();
  let why = 0;
  const timer = setTimeout(() => { why = 1; abort.abort(); }, ms);
  init.signal = abort.signal;
  return fetch(input, init).then(async (response) => {
    if (+response.headers.get("content-length") > max) { why = 2; throw why; }
    return [response.status, await response.text()];
  }).catch(() => { abort.abort(); throw why; })
    .finally(() => clearTimeout(timer));
}
export function fetchText(method, url, body, ms, max, credentials) {
  const headers = { Accept: "application/json" };
  if (body != null) headers["Content-Type"] = "application/json";
  return exchange(url, { method, credentials, cache: "no-store", headers, body }, ms, max);
}
export function fetchRequest(request, ms, max) {
  return exchange(request, {}, ms, max);
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = fetchText)]
    fn fetch_js(
        method: &str,
        url: &str,
        body: Option<&str>,
        ms: u32,
        max: u32,
        credentials: &str,
    ) -> js_sys::Promise;
    #[wasm_bindgen(js_name = fetchRequest)]
    fn fetch_request_js(request: &web_sys::Request, ms: u32, max: u32) -> js_sys::Promise;
}

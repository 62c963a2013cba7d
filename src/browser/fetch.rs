//! One HTTP exchange on `window.fetch`, shared by the grant source and the history
//! components: same-origin credentials, no caching, JSON accepted, a time-out that
//! aborts the request, and a limit on the answer's size.
//!
//! Written on `window.fetch` directly (not gloo-net): the bundle carries no request
//! builder or stream glue it does not use.

use wasm_bindgen::{JsCast as _, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, Headers, Request, RequestCache, RequestCredentials, RequestInit, Response,
};

use crate::logic::GrantFetchError;

use super::timer;

/// `method url` (with a JSON `body` if given); the answer's text if its status is 2xx.
/// Gives up (aborting the request) after `timeout_ms`, and refuses answers over
/// `max_bytes`.
pub(crate) async fn fetch_text(
    method: &str,
    url: &str,
    body: Option<&str>,
    timeout_ms: u32,
    max_bytes: u32,
) -> Result<String, GrantFetchError> {
    let abort = AbortController::new().map_err(|_| GrantFetchError::Network)?;
    let exchange = exchange(method, url, body, &abort, max_bytes);
    let (status, text) = match timer::within(timeout_ms, exchange).await {
        Some(answer) => answer?,
        None => {
            abort.abort();
            return Err(GrantFetchError::Timeout(timeout_ms));
        }
    };
    if !(200..300).contains(&status) {
        return Err(GrantFetchError::from_status(status, &text));
    }
    Ok(text)
}

/// The HTTP exchange: status and body text, refusing bodies over the limit.
async fn exchange(
    method: &str,
    url: &str,
    body: Option<&str>,
    abort: &AbortController,
    max_bytes: u32,
) -> Result<(u16, String), GrantFetchError> {
    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(RequestCredentials::SameOrigin);
    init.set_cache(RequestCache::NoStore);
    init.set_signal(Some(&abort.signal()));
    let headers = Headers::new().map_err(|_| GrantFetchError::Network)?;
    let _ = headers.set("Accept", "application/json");
    if let Some(body) = body {
        let _ = headers.set("Content-Type", "application/json");
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let request =
        Request::new_with_str_and_init(url, &init).map_err(|_| GrantFetchError::Network)?;
    let window = web_sys::window().ok_or(GrantFetchError::Network)?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| GrantFetchError::Network)?
        .unchecked_into();
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.parse::<u64>().ok());
    if declared.is_some_and(|n| n > u64::from(max_bytes)) {
        abort.abort();
        return Err(GrantFetchError::TooLarge(max_bytes));
    }
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|t| t.as_string()),
        Err(_) => None,
    }
    .ok_or(GrantFetchError::Network)?;
    if text.len() > max_bytes as usize {
        return Err(GrantFetchError::TooLarge(max_bytes));
    }
    Ok((response.status(), text))
}

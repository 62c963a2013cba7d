//! Where a `<MeetEmbed>` gets its grant: the customer's endpoint, or any async function.

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use futures::future::LocalBoxFuture;
use futures::FutureExt as _;
use gloo_net::http::{Request, RequestBuilder};
use web_sys::{RequestCache, RequestCredentials};

use crate::logic::{GrantFetchError, GrantResponse, MeetError};

use super::fetch::{fetch_request, fetch_text};
use super::timer;

/// Largest grant answer read, in bytes. A grant is a few hundred bytes.
pub const MAX_GRANT_BYTES: u32 = 16 * 1024;
/// How long a grant request may take before it is abandoned, in milliseconds.
pub const DEFAULT_GRANT_TIMEOUT_MS: u32 = 10_000;

type Fetch = dyn Fn(u32) -> LocalBoxFuture<'static, Result<GrantResponse, MeetError>> + Send + Sync;

/// Fetches a grant. Cheap to clone.
///
/// # Usage
/// ```
/// use immail_meet::{GrantResponse, GrantSource, Jwt};
/// // The customer's endpoint (what `<MeetEmbed endpoint=...>` uses):
/// let endpoint = GrantSource::endpoint("/api/meet/rooms/abc/grant");
/// // The endpoint with what your backend also wants, e.g. a CSRF header:
/// let csrf = GrantSource::endpoint_request("/api/meet/rooms/abc/grant", |request| {
///     request.header("X-CSRF-Token", "token-from-your-page").build()
/// });
/// // Or any async function, e.g. a Leptos server function:
/// let custom = GrantSource::from_fn(|| async {
///     Ok::<_, String>(GrantResponse {
///         room_name: Some("abc".into()),
///         jwt: Jwt::new("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"),
///         ..Default::default()
///     })
/// });
/// ```
///
/// # Server-Side Rendering
/// A source can be built on the server; it is only called in the browser.
#[derive(Clone)]
pub struct GrantSource(Arc<Fetch>);

impl GrantSource {
    /// `POST url` with same-origin credentials and no body.
    pub fn endpoint(url: impl Into<String>) -> Self {
        Self::endpoint_with_body(url, None)
    }

    /// `POST url` with same-origin credentials and, if given, a JSON body.
    pub fn endpoint_with_body(url: impl Into<String>, body: Option<GrantBody>) -> Self {
        let url: Arc<str> = url.into().into();
        Self(Arc::new(move |timeout_ms| {
            let (url, body) = (url.clone(), body.clone());
            async move { fetch_grant(&url, body.as_ref(), timeout_ms).await }.boxed_local()
        }))
    }

    /// `POST url` built with gloo-net and finished by `customize`, for a backend that
    /// wants more than the plain endpoint call: a CSRF header, an `Authorization` header
    /// of your own app, a JSON body, another method.
    ///
    /// The builder `customize` receives already has `POST`, same-origin credentials,
    /// `no-store` caching and `Accept: application/json`; it adds what the backend
    /// needs and builds the request (`.build()`, `.body(..)` or `.json(..)`). It is sent
    /// and read like the endpoint's call (the same time-out, which aborts it, at most
    /// [`MAX_GRANT_BYTES`], the same errors), and `customize` runs again at each join,
    /// so a header can carry a value that changes. Never put a role in the request: the
    /// server decides roles. A request `customize` fails to build is a
    /// [`GrantFetchError::Source`] with gloo-net's message.
    pub fn endpoint_request<F>(url: impl Into<String>, customize: F) -> Self
    where
        F: Fn(RequestBuilder) -> Result<Request, gloo_net::Error> + Send + Sync + 'static,
    {
        let url: Arc<str> = url.into().into();
        Self(Arc::new(move |timeout_ms| {
            let builder = Request::post(&url)
                .credentials(RequestCredentials::SameOrigin)
                .cache(RequestCache::NoStore)
                .header("Accept", "application/json");
            let request = customize(builder)
                .map(web_sys::Request::from)
                .map_err(|e| GrantFetchError::Source(e.to_string()));
            async move {
                let text = fetch_request(&request?, timeout_ms, MAX_GRANT_BYTES).await?;
                Ok(GrantResponse::from_json(&text)?)
            }
            .boxed_local()
        }))
    }

    /// Any async function that returns a [`GrantResponse`]; its error's `Display`
    /// becomes the message shown.
    pub fn from_fn<F, Fut, E>(f: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<GrantResponse, E>> + 'static,
        E: fmt::Display,
    {
        Self(Arc::new(move |timeout_ms| {
            let future = f();
            async move {
                match timer::within(timeout_ms, future).await {
                    Some(answer) => {
                        answer.map_err(|e| GrantFetchError::Source(e.to_string()).into())
                    }
                    None => Err(GrantFetchError::Timeout(timeout_ms).into()),
                }
            }
            .boxed_local()
        }))
    }

    /// Fetches one answer, giving up after `timeout_ms`.
    pub(crate) async fn fetch(&self, timeout_ms: u32) -> Result<GrantResponse, MeetError> {
        (self.0)(timeout_ms).await
    }
}

impl PartialEq for GrantSource {
    /// The same source: clones of one [`GrantSource`] (what a `<MeetEmbed>` compares to
    /// tell that its `grant_source` prop changed).
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for GrantSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("GrantSource")
    }
}

/// A JSON request body for the grant endpoint, chosen by the app (e.g. which room or
/// display name). Never put a role in it: the server decides roles.
///
/// # Usage
/// ```
/// use immail_meet::GrantBody;
/// let raw = GrantBody::from(r#"{"display_name":"Zoë"}"#);
/// let built = GrantBody::from(serde_json::json!({ "display_name": "Zoë" }));
/// assert_eq!(raw.as_str(), built.as_str());
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantBody(String);

impl GrantBody {
    /// The JSON text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<String> for GrantBody {
    /// JSON text, sent as it is.
    fn from(json: String) -> Self {
        Self(json)
    }
}

impl From<&str> for GrantBody {
    fn from(json: &str) -> Self {
        Self(json.to_owned())
    }
}

impl From<serde_json::Value> for GrantBody {
    fn from(value: serde_json::Value) -> Self {
        Self(value.to_string())
    }
}

/// `POST url`, read at most [`MAX_GRANT_BYTES`], abort after `timeout_ms`.
async fn fetch_grant(
    url: &str,
    body: Option<&GrantBody>,
    timeout_ms: u32,
) -> Result<GrantResponse, MeetError> {
    let body = body.map(GrantBody::as_str);
    let text = fetch_text("POST", url, body, timeout_ms, MAX_GRANT_BYTES).await?;
    Ok(GrantResponse::from_json(&text)?)
}

impl From<GrantBody> for leptos::prelude::MaybeProp<String> {
    /// Lets `request_body=GrantBody::from(json!(...))` fill `<MeetEmbed>`'s prop.
    fn from(body: GrantBody) -> Self {
        Some(body.0).into()
    }
}

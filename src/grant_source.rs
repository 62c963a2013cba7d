//! [`GrantSource`]: where a `<MeetEmbed>` gets its grant (the customer's endpoint, a
//! request the app builds, or any async function), and [`GrantBody`].

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use futures::future::LocalBoxFuture;
use futures::FutureExt as _;
use gloo_net::http::{Request, RequestBuilder};
use serde::Serialize;

use crate::fetch::{fetch, json_request, Limits};
use crate::timer::within;
use crate::{FetchError, GrantRequest, GrantResponse, MeetError, MAX_GRANT_BYTES};

/// How long a grant request may take before it is abandoned, in milliseconds.
pub const DEFAULT_GRANT_TIMEOUT_MS: u32 = 10_000;

type Fetch = dyn Fn(u32) -> LocalBoxFuture<'static, Result<GrantResponse, MeetError>> + Send + Sync;

/// Fetches a grant. Cheap to clone; two sources are equal when one is a clone of the
/// other.
///
/// The endpoint sources send one HTTP exchange (the crate's only one, on gloo-net): a
/// time-out that aborts the request, at most [`MAX_GRANT_BYTES`] read (as a stream:
/// reading stops there, whatever `Content-Length` says), and an answer that came
/// through a redirect (a sign-in page) refused as such. The answer is read by the
/// grant contract ([`GrantResponse::from_json`]); every failure is a [`MeetError`].
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
/// assert_eq!(endpoint.clone(), endpoint);
/// assert_ne!(csrf, custom);
/// ```
///
/// # Server-Side Rendering
/// A source can be made on the server; it is only called in the browser.
#[derive(Clone)]
pub struct GrantSource(Arc<Fetch>);

impl GrantSource {
    /// `POST url` with same-origin credentials and no body.
    pub fn endpoint(url: impl Into<String>) -> Self {
        Self::endpoint_with_body(url, None)
    }

    /// `POST url` with same-origin credentials and, if given, a JSON body.
    pub fn endpoint_with_body(url: impl Into<String>, body: Option<GrantBody>) -> Self {
        Self::endpoint_request(url, move |request| match &body {
            Some(body) => request
                .header("Content-Type", "application/json")
                .body(body.as_str()),
            None => request.build(),
        })
    }

    /// `POST url` built with gloo-net and finished by `customize`, for a backend that
    /// wants more than the plain endpoint call: a CSRF header, an `Authorization` header
    /// of your own app, a JSON body, another method.
    ///
    /// The builder `customize` receives already has `POST`, same-origin credentials,
    /// `no-store` caching, `Accept: application/json` and the exchange's abort signal;
    /// it adds what the backend needs and builds the request (`.build()`, `.body(..)` or
    /// `.json(..)`). It is sent like the endpoint's call (the same time-out, which aborts
    /// it, the same size limit and errors), and `customize` runs again at each join, so
    /// a header can carry a value that changes. Never put a role in the request: the
    /// server decides roles. A request `customize` fails to build is a
    /// [`FetchError::Source`] with gloo-net's message.
    pub fn endpoint_request<F>(url: impl Into<String>, customize: F) -> Self
    where
        F: Fn(RequestBuilder) -> Result<Request, gloo_net::Error> + Send + Sync + 'static,
    {
        let url: String = url.into();
        let customize = Arc::new(customize);
        Self(Arc::new(move |timeout_ms| {
            let (url, customize) = (url.clone(), customize.clone());
            async move {
                let limits = Limits {
                    timeout_ms,
                    max_bytes: MAX_GRANT_BYTES,
                };
                let builder = json_request(Request::post(&url));
                let answer = fetch(builder, |request| customize(request), limits).await?;
                Ok(GrantResponse::from_json(answer)?)
            }
            .boxed_local()
        }))
    }

    /// Any async function that returns a [`GrantResponse`]; its error's `Display`
    /// becomes the message shown ([`FetchError::Source`]). It is given up after the
    /// time-out.
    pub fn from_fn<F, Fut, E>(f: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<GrantResponse, E>> + 'static,
        E: fmt::Display,
    {
        Self(Arc::new(move |timeout_ms| {
            let future = f();
            async move {
                match within(timeout_ms, future).await {
                    Some(answer) => answer.map_err(|e| FetchError::Source(e.to_string()).into()),
                    None => Err(FetchError::Timeout(timeout_ms).into()),
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
/// use immail_meet::{GrantBody, GrantRequest};
/// let raw = GrantBody::from(r#"{"display_name":"Zoë"}"#);
/// let typed = GrantBody::from(GrantRequest { display_name: Some("Zoë".into()) });
/// let built = GrantBody::from(serde_json::json!({ "display_name": "Zoë" }));
/// assert_eq!(raw, typed);
/// assert_eq!(raw.as_str(), built.as_str());
/// ```
///
/// # Server-Side Rendering
/// Pure data: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantBody(String);

impl GrantBody {
    /// `value` as JSON (serde_json fails only for a map whose keys are not strings).
    pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<Self, serde_json::Error> {
        serde_json::to_string(value).map(Self)
    }

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
    /// JSON text, sent as it is.
    fn from(json: &str) -> Self {
        Self(json.to_owned())
    }
}

impl From<GrantRequest> for GrantBody {
    /// The reference server's grant request body.
    fn from(request: GrantRequest) -> Self {
        // Cannot fail: a struct of an optional string.
        Self::json(&request).unwrap_or_else(|_| Self::from("{}"))
    }
}

impl From<serde_json::Value> for GrantBody {
    fn from(value: serde_json::Value) -> Self {
        Self(value.to_string())
    }
}

impl From<GrantBody> for String {
    /// The JSON text.
    fn from(body: GrantBody) -> Self {
        body.0
    }
}

impl From<GrantBody> for leptos::prelude::MaybeProp<String> {
    /// Lets `request_body=GrantBody::from(..)` fill `<MeetEmbed>`'s prop.
    fn from(body: GrantBody) -> Self {
        Some(body.0).into()
    }
}

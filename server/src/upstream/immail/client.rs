//! [`ImmailClient`]: every imMail API call goes through here. One shared `reqwest`
//! client (rustls, time-outs, no redirects), the service-token cache, a 401 -> refresh
//! once -> retry once rule, retries only where they are safe, and faults mapped to
//! [`UpstreamError`] without a key, a token or an upstream body.
//!
//! Retry policy:
//! - A request that never reached imMail (connection refused or reset while connecting)
//!   is retried once, whatever the call: nothing happened upstream.
//! - A `5xx` answer is retried once only for an idempotent call ([`ApiCall::idempotent`]):
//!   for the others the first request may have taken effect.
//! - A time-out is not retried: the time budget is spent; the caller gets `504` quickly.
//! - A `401` on a bearer call drops the service token, fetches a new one and resends
//!   once, for every call: a `401` means imMail refused the request before acting on it.

use std::fmt;
use std::time::{Duration, Instant};

use reqwest::header::{HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};

use super::answer;
use super::service_token::{ServiceToken, ServiceTokenCache};
use super::settings::{ApiKey, ImmailSettings};
use super::SettingsError;
use crate::upstream::UpstreamError;

/// `POST /auth/token`: API key + email domain -> service token.
pub const AUTH_TOKEN_PATH: &str = "/auth/token";
/// The header `/auth/token` reads the API key from.
pub const API_KEY_HEADER: &str = "X-AUTH-TOKEN";
/// Largest answer read from imMail.
pub const MAX_ANSWER_BYTES: usize = 256 * 1024;
/// Wait before the one retry a safe call gets.
pub const RETRY_DELAY: Duration = Duration::from_millis(100);

/// One imMail API call: method, path under the API base, optional JSON body, and whether
/// it may be repeated safely.
///
/// # Usage
/// ```
/// use immail_meet_server::upstream::immail::ApiCall;
/// let call = ApiCall::post("/v2/videoconference/token", serde_json::json!({})).idempotent();
/// assert_eq!(call.to_string(), "POST /v2/videoconference/token");
/// assert!(call.is_idempotent());
/// ```
///
/// # Server-Side Rendering
/// Server only: this type exists only in the backend.
#[derive(Clone, Debug)]
pub struct ApiCall {
    method: Method,
    path: String,
    body: Option<Value>,
    idempotent: bool,
    accept: &'static str,
    headers: Vec<(HeaderName, HeaderValue)>,
    passing: &'static [StatusCode],
    time_limit: Option<Duration>,
}

impl ApiCall {
    /// A `POST` with a JSON body, not idempotent until marked so.
    pub fn post(path: impl Into<String>, body: Value) -> Self {
        Self {
            method: Method::POST,
            path: path.into(),
            body: Some(body),
            idempotent: false,
            accept: "application/json",
            headers: Vec::new(),
            passing: &[],
            time_limit: None,
        }
    }

    /// A `GET` (idempotent). Path segments taken from data must be percent-encoded by the
    /// caller.
    pub fn get(path: impl Into<String>) -> Self {
        Self {
            method: Method::GET,
            path: path.into(),
            body: None,
            idempotent: true,
            accept: "application/json",
            headers: Vec::new(),
            passing: &[],
            time_limit: None,
        }
    }

    /// Marks the call safe to repeat after a `5xx`: it changes nothing upstream (or
    /// changes it the same way however often it runs).
    pub fn idempotent(mut self) -> Self {
        self.idempotent = true;
        self
    }

    /// The `Accept` header (default `application/json`), e.g. `*/*` for a file download.
    pub fn accept(mut self, media_type: &'static str) -> Self {
        self.accept = media_type;
        self
    }

    /// One more request header (e.g. `Range` for a download). Never a credential: those
    /// come from the client.
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// Answers with these statuses come back as responses for the caller to read (e.g.
    /// `404`, `416`) instead of becoming errors.
    pub fn passing(mut self, statuses: &'static [StatusCode]) -> Self {
        self.passing = statuses;
        self
    }

    /// The limit for the whole exchange, body included (default: the client's connect
    /// time-out plus twice its read time-out). A large download needs more; the read
    /// time-out still ends an answer that stalls.
    pub fn time_limit(mut self, limit: Duration) -> Self {
        self.time_limit = Some(limit);
        self
    }

    /// Whether an answer with this status goes back to the caller.
    fn hands_back(&self, status: StatusCode) -> bool {
        status.is_success() || self.passing.contains(&status)
    }

    /// Whether the call is safe to repeat.
    pub fn is_idempotent(&self) -> bool {
        self.idempotent
    }
}

impl fmt::Display for ApiCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// How a request authenticates.
enum Auth<'a> {
    /// `X-AUTH-TOKEN: <API key>` (`/auth/token` only).
    ApiKey(&'a ApiKey),
    /// `Authorization: Bearer <service token>`.
    Bearer(&'a ServiceToken),
}

/// What to do after one attempt.
enum Next {
    Done(Result<Response, UpstreamError>),
    Retry,
}

/// The imMail API client.
pub struct ImmailClient {
    http: reqwest::Client,
    api_url: String,
    email_domain: String,
    api_key: ApiKey,
    tokens: ServiceTokenCache,
}

impl ImmailClient {
    /// A client for checked settings: one `reqwest` client with rustls (ring), the
    /// system's root certificates, the time-outs, and no redirects (a redirect could carry
    /// the key's header to another host).
    pub fn new(settings: &ImmailSettings) -> Result<Self, SettingsError> {
        // reqwest is built without a default TLS crypto provider: ring is ours. An `Err`
        // means one is installed already, which is all that is needed.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .connect_timeout(settings.connect_timeout)
            .read_timeout(settings.read_timeout)
            .timeout(settings.connect_timeout + settings.read_timeout * 2)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("immail-meet-server/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(SettingsError::HttpClient)?;
        Ok(Self {
            http,
            api_url: settings.api_url.clone(),
            email_domain: settings.email_domain.clone(),
            api_key: settings.api_key.clone(),
            tokens: ServiceTokenCache::new(
                settings.service_token_policy,
                settings.service_token_ttl,
                settings.service_token_margin,
            ),
        })
    }

    /// Sends an authorized call and reads its JSON answer (at most
    /// [`MAX_ANSWER_BYTES`]).
    pub async fn json(&self, call: &ApiCall) -> Result<Value, UpstreamError> {
        let response = self.send(call).await?;
        read_json(call, response).await
    }

    /// Sends an authorized call: a cached service token, one refresh and resend on `401`,
    /// the retry policy of this module. Gives a `2xx` response (or one of the call's
    /// [`ApiCall::passing`] statuses), e.g. to stream a download.
    pub async fn send(&self, call: &ApiCall) -> Result<Response, UpstreamError> {
        let mut refreshed = false;
        let mut retried = false;
        loop {
            let token = self.tokens.get(|| self.fetch_service_token()).await?;
            let outcome = self.attempt(call, Auth::Bearer(&token)).await;
            if let Ok(response) = &outcome {
                if response.status() == StatusCode::UNAUTHORIZED {
                    if refreshed {
                        return Err(UpstreamError::Failed(format!(
                            "{call} refused a freshly obtained service token (401)"
                        )));
                    }
                    tracing::info!(%call, "imMail refused the service token (401): refreshing");
                    refreshed = true;
                    self.tokens.invalidate(&token);
                    continue;
                }
            }
            match settle(call, outcome, &mut retried).await {
                Next::Done(result) => return result,
                Next::Retry => continue,
            }
        }
    }

    /// `POST /auth/token`. Idempotent in effect: it only issues a token, so a `5xx` is
    /// retried once.
    async fn fetch_service_token(&self) -> Result<ServiceToken, UpstreamError> {
        let call = ApiCall::post(
            AUTH_TOKEN_PATH,
            json!({ "email_domain": self.email_domain }),
        )
        .idempotent();
        let mut retried = false;
        let response = loop {
            let outcome = self.attempt(&call, Auth::ApiKey(&self.api_key)).await;
            if let Ok(response) = &outcome {
                if matches!(
                    response.status(),
                    StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
                ) {
                    return Err(UpstreamError::Failed(format!(
                        "{call}: imMail refused the API key or email domain ({}): check \
                         IMMAIL_API_KEY and IMMAIL_EMAIL_DOMAIN",
                        response.status()
                    )));
                }
            }
            match settle(&call, outcome, &mut retried).await {
                Next::Done(result) => break result?,
                Next::Retry => continue,
            }
        };
        let answer = read_json(&call, response).await?;
        let token = answer::text(&call, &answer, "token")?;
        if !token.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(UpstreamError::Failed(format!(
                "{call}: the service token holds characters a header cannot carry"
            )));
        }
        Ok(ServiceToken::new(token.to_owned()))
    }

    /// One request, as sent on the wire.
    async fn attempt(&self, call: &ApiCall, auth: Auth<'_>) -> Result<Response, reqwest::Error> {
        let mut request = self
            .http
            .request(
                call.method.clone(),
                format!("{}{}", self.api_url, call.path),
            )
            .header(ACCEPT, call.accept);
        // Both header values are checked to be visible ASCII when read.
        request = match auth {
            Auth::ApiKey(key) => request.header(API_KEY_HEADER, sensitive(key.expose())),
            Auth::Bearer(token) => request.header(
                AUTHORIZATION,
                sensitive(&format!("Bearer {}", token.expose())),
            ),
        };
        if let Some(body) = &call.body {
            request = request
                .header(CONTENT_TYPE, "application/json")
                .body(body.to_string());
        }
        for (name, value) in &call.headers {
            request = request.header(name, value.clone());
        }
        if let Some(limit) = call.time_limit {
            request = request.timeout(limit);
        }
        let started = Instant::now();
        let outcome = request.send().await;
        tracing::debug!(
            %call,
            status = outcome.as_ref().ok().map(|r| r.status().as_u16()),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "imMail call"
        );
        outcome
    }
}

/// A header value marked sensitive (hidden from `Debug` of the request and from HTTP/2
/// header compression tables).
fn sensitive(value: &str) -> HeaderValue {
    let mut value = HeaderValue::from_str(value).unwrap_or_else(|_| HeaderValue::from_static(""));
    value.set_sensitive(true);
    value
}

/// Judges one attempt: success, a retry the policy allows, or an error.
async fn settle(
    call: &ApiCall,
    outcome: Result<Response, reqwest::Error>,
    retried: &mut bool,
) -> Next {
    let retry = match &outcome {
        Ok(response) if call.hands_back(response.status()) => false,
        Ok(response) => response.status().is_server_error() && call.idempotent,
        // Never reached imMail: safe for any call. A connect time-out is not retried.
        Err(e) => e.is_connect() && !e.is_timeout(),
    };
    if retry && !*retried {
        *retried = true;
        tracing::warn!(%call, cause = %cause(&outcome), "imMail call failed: retrying once");
        tokio::time::sleep(RETRY_DELAY).await;
        return Next::Retry;
    }
    Next::Done(match outcome {
        Ok(response) if call.hands_back(response.status()) => Ok(response),
        Ok(response) => Err(UpstreamError::Failed(format!(
            "{call} answered {}",
            response.status()
        ))),
        Err(e) => Err(transport_error(call, &e)),
    })
}

/// A transport failure as an [`UpstreamError`]: cannot connect (also a connect time-out)
/// -> `Unavailable`; no answer in time -> `Timeout`; anything else -> `Failed`.
fn transport_error(call: &ApiCall, e: &reqwest::Error) -> UpstreamError {
    let kind = if e.is_connect() {
        UpstreamError::Unavailable
    } else if e.is_timeout() {
        UpstreamError::Timeout
    } else {
        return UpstreamError::Failed(format!("{call}: {}", error_chain(e)));
    };
    tracing::warn!(%call, cause = %error_chain(e), "imMail call failed");
    kind
}

/// What went wrong with an attempt, for the log: a status or the transport error chain.
fn cause(outcome: &Result<Response, reqwest::Error>) -> String {
    match outcome {
        Ok(response) => format!("status {}", response.status()),
        Err(e) => error_chain(e),
    }
}

/// The causes of a transport error, for the log (`connection refused`, `timed out`...).
/// reqwest's own top message, which names the URL, is left out when there are causes.
fn error_chain(e: &reqwest::Error) -> String {
    let mut causes = Vec::new();
    let mut source = std::error::Error::source(e);
    while let Some(error) = source {
        causes.push(error.to_string());
        source = error.source();
    }
    if causes.is_empty() {
        causes.push(e.to_string());
    }
    causes.join(": ")
}

/// Reads an answer body as JSON, at most [`MAX_ANSWER_BYTES`]. Errors say what was wrong
/// with it, never what it held.
pub async fn read_json(call: &ApiCall, response: Response) -> Result<Value, UpstreamError> {
    let body = read_body(call, response).await?;
    serde_json::from_slice(&body).map_err(|_| not_json(call))
}

/// The error for an answer that is not JSON at all.
pub(crate) fn not_json(call: &ApiCall) -> UpstreamError {
    UpstreamError::Failed(format!("{call}: the answer is not JSON"))
}

/// Reads an answer body, at most [`MAX_ANSWER_BYTES`].
pub(crate) async fn read_body(
    call: &ApiCall,
    mut response: Response,
) -> Result<Vec<u8>, UpstreamError> {
    let too_large = || {
        UpstreamError::Failed(format!(
            "{call}: the answer is larger than {MAX_ANSWER_BYTES} bytes"
        ))
    };
    if response
        .content_length()
        .is_some_and(|n| n > MAX_ANSWER_BYTES as u64)
    {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| transport_error(call, &e))?
    {
        body.extend_from_slice(&chunk);
        if body.len() > MAX_ANSWER_BYTES {
            return Err(too_large());
        }
    }
    Ok(body)
}

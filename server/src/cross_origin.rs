//! Where a request comes from, as the browser says it (`Sec-Fetch-Site`, `Origin`), and
//! the guard that refuses state-changing requests from other origins.
//!
//! | request | `POST` routes | a new visitor cookie |
//! | --- | --- | --- |
//! | `Sec-Fetch-Site: same-origin` or `none` (typed URL, bookmark) | yes | yes |
//! | `Sec-Fetch-Site: same-site` (another port, a sibling subdomain) | `403` unless its `Origin` is allowed | yes: the browser sends its `SameSite=Lax` cookie to a same-site request, so none came because it has none |
//! | `Sec-Fetch-Site: cross-site` | `403` unless allowed | never: the browser holds back a `Lax` cookie from a cross-site request, so its absence proves nothing, and a new one would replace the one the browser holds |
//! | no `Sec-Fetch-Site`, `Origin` equal to `Host` | yes | yes |
//! | no `Sec-Fetch-Site`, another `Origin` (an older browser) | `403` unless allowed | never |
//! | neither header (not a browser: curl, a server) | yes | yes |
//!
//! Not a browser means no ambient cookie to abuse. The allowed origins are the
//! `--allowed-origin` list (with CORS); an `Origin` of `null` is never allowed.

use axum::extract::{Request, State};
use axum::http::header::{HOST, ORIGIN};
use axum::http::{HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::{ApiError, MeetApi};

/// What the browser says about a request's initiator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestOrigin {
    /// The page's own origin, or the user (address bar, bookmark).
    SameOrigin,
    /// Another origin of the same site (another port, a sibling subdomain).
    SameSite,
    /// Another site.
    CrossSite,
    /// Another origin, site unknown (a browser without `Sec-Fetch-Site`).
    OtherOrigin,
    /// No `Origin` and no `Sec-Fetch-Site`: not a browser.
    NotABrowser,
}

impl RequestOrigin {
    /// Reads the request's headers.
    pub fn of(headers: &HeaderMap) -> Self {
        let origin = headers.get(ORIGIN);
        match headers.get("sec-fetch-site").map(HeaderValue::as_bytes) {
            Some(b"same-origin" | b"none") => Self::SameOrigin,
            Some(b"same-site") => Self::SameSite,
            Some(b"cross-site") => Self::CrossSite,
            Some(_) => Self::OtherOrigin,
            None => match origin {
                None => Self::NotABrowser,
                Some(origin) if matches_host(origin, headers.get(HOST)) => Self::SameOrigin,
                Some(_) => Self::OtherOrigin,
            },
        }
    }

    /// Whether a new visitor cookie may be set on the answer (see the module table).
    pub fn may_set_cookie(self) -> bool {
        matches!(self, Self::SameOrigin | Self::SameSite | Self::NotABrowser)
    }
}

/// `Origin: scheme://host[:port]` naming the same host and port as `Host`.
fn matches_host(origin: &HeaderValue, host: Option<&HeaderValue>) -> bool {
    let (Ok(origin), Some(Ok(host))) = (origin.to_str(), host.map(HeaderValue::to_str)) else {
        return false;
    };
    origin
        .split_once("://")
        .is_some_and(|(_, authority)| authority.eq_ignore_ascii_case(host))
}

/// The origins allowed to send state-changing requests (and to read answers, CORS).
#[derive(Clone, Debug, Default)]
pub struct AllowedOrigins(Vec<HeaderValue>);

impl AllowedOrigins {
    /// From `scheme://host[:port]` texts (a trailing `/` is ignored; an unreadable or
    /// `null` one never matches).
    pub fn new<I, S>(origins: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        Self(
            origins
                .into_iter()
                .filter_map(|o| HeaderValue::from_str(o.as_ref().trim().trim_end_matches('/')).ok())
                .filter(|o| o != "null")
                .collect(),
        )
    }

    /// Whether the request's `Origin` is one of them.
    pub fn allows(&self, headers: &HeaderMap) -> bool {
        headers
            .get(ORIGIN)
            .is_some_and(|origin| self.0.iter().any(|allowed| allowed == origin))
    }

    /// The list, for CORS.
    pub fn values(&self) -> &[HeaderValue] {
        &self.0
    }
}

/// Middleware: a request that may change state (any method but `GET`, `HEAD`,
/// `OPTIONS`) from another origin is answered `403 cross_origin_request`, unless its
/// origin is allowed.
pub async fn refuse_cross_origin(
    State(api): State<MeetApi>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let headers = request.headers();
    let trusted = matches!(
        RequestOrigin::of(headers),
        RequestOrigin::SameOrigin | RequestOrigin::NotABrowser
    );
    if safe || trusted || api.allowed_origins().allows(headers) {
        next.run(request).await
    } else {
        tracing::info!(method = %request.method(), "cross-origin request refused");
        ApiError::CrossOrigin.into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| (k.parse().unwrap(), HeaderValue::from_static(v)))
            .collect()
    }

    #[test]
    fn fetch_metadata_wins_then_origin_against_host() {
        use RequestOrigin as R;
        let site = |pairs| RequestOrigin::of(&headers(pairs));
        assert_eq!(site(&[("sec-fetch-site", "same-origin")]), R::SameOrigin);
        assert_eq!(site(&[("sec-fetch-site", "none")]), R::SameOrigin);
        assert_eq!(
            site(&[("sec-fetch-site", "same-site"), ("origin", "http://a:1")]),
            R::SameSite
        );
        assert_eq!(site(&[("sec-fetch-site", "cross-site")]), R::CrossSite);
        assert_eq!(site(&[("sec-fetch-site", "weird")]), R::OtherOrigin);
        assert_eq!(site(&[]), R::NotABrowser);
        assert_eq!(
            site(&[
                ("origin", "http://App.example:8080"),
                ("host", "app.example:8080")
            ]),
            R::SameOrigin
        );
        assert_eq!(
            site(&[
                ("origin", "http://app.example:8081"),
                ("host", "app.example:8080")
            ]),
            R::OtherOrigin
        );
        assert_eq!(
            site(&[("origin", "null"), ("host", "app.example")]),
            R::OtherOrigin
        );
        assert!(!R::CrossSite.may_set_cookie() && !R::OtherOrigin.may_set_cookie());
        assert!(R::SameSite.may_set_cookie() && R::NotABrowser.may_set_cookie());
    }

    #[test]
    fn allowed_origins_match_exactly() {
        let allowed = AllowedOrigins::new(["https://app.example.com/", "null", "bad\u{7f}"]);
        assert_eq!(allowed.values().len(), 1);
        assert!(allowed.allows(&headers(&[("origin", "https://app.example.com")])));
        assert!(!allowed.allows(&headers(&[("origin", "https://app.example.com.evil")])));
        assert!(!allowed.allows(&headers(&[("origin", "null")])));
        assert!(!allowed.allows(&headers(&[])));
    }
}

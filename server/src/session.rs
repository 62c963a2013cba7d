//! The session cookie: who the caller is, issued by this server.
//!
//! Every API response carries a session: an existing `immail_meet_session` cookie is
//! kept, anything else (absent, malformed) is replaced by a fresh random one
//! (`HttpOnly; SameSite=Lax; Path=/`, plus `Secure` with `--secure-cookies`). Handlers
//! read it as `Extension<SessionId>`.

use axum::extract::{Request, State};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

/// The cookie's name.
pub const COOKIE_NAME: &str = "immail_meet_session";

/// A session id: 32 random lower-case hex digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SessionId(String);

impl SessionId {
    fn new() -> Self {
        let mut bytes = [0_u8; 16];
        getrandom::fill(&mut bytes).expect("the OS random source works");
        Self(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    fn parse(value: &str) -> Option<Self> {
        (value.len() == 32
            && value
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        .then(|| Self(value.to_owned()))
    }
}

/// The session id in a `Cookie` header, if there is a well-formed one.
fn from_cookies(request: &Request) -> Option<SessionId> {
    request
        .headers()
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .and_then(|(_, value)| SessionId::parse(value))
}

/// Middleware: makes sure the request has a session, and sets the cookie when new.
pub async fn ensure_session(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let (session, is_new) = match from_cookies(&request) {
        Some(session) => (session, false),
        None => (SessionId::new(), true),
    };
    request.extensions_mut().insert(session.clone());
    let mut response = next.run(request).await;
    if is_new {
        let secure = if state.config.secure_cookies {
            "; Secure"
        } else {
            ""
        };
        let cookie = format!(
            "{COOKIE_NAME}={}; HttpOnly; SameSite=Lax; Path=/{secure}",
            session.0
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}

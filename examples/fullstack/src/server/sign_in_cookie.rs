//! [`SignInCookie`]: this app's own sign-in (a name is enough, it is an example), kept
//! in a signed cookie, and the meeting backend's [`Identity`] built on it.
//!
//! Stateless: the cookie holds the name and an HMAC-SHA256 tag (the `cookie` crate's
//! signed jar) made with a key kept in the meeting backend's store, so a restart or a
//! second instance on the same store honours it, and the server keeps nothing per
//! sign-in. Your app has its real sign-in here instead (sessions, OAuth, …): the
//! meeting backend only asks [`Identity::caller`] who is calling.

use std::time::Duration;

use async_trait::async_trait;
use axum::http::header::COOKIE;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use cookie::{Cookie, CookieJar, Key, SameSite};
use immail_meet_server::identity::caller::MAX_CALLER_ID_BYTES;
use immail_meet_server::{ApiError, Caller, CallerId, Identity, Store, StoreError};

/// The cookie's name.
pub const COOKIE_NAME: &str = "fullstack_user";
/// Where the signing key lives in the store.
pub const KEY_NAME: &str = "fullstack-sign-in";
/// Longest name, in characters.
pub const MAX_NAME_CHARS: usize = 64;
/// How long a sign-in lasts.
pub const MAX_AGE: Duration = Duration::from_secs(30 * 24 * 3600);

/// Signs names in and out, and tells who a request comes from.
#[derive(Clone)]
pub struct SignInCookie {
    key: Key,
    secure: bool,
}

impl SignInCookie {
    /// With a 32-byte master key (the signing key is derived from it); `secure` marks the
    /// cookie `Secure` (an app served over https).
    pub fn new(master: &[u8; 32], secure: bool) -> Self {
        Self {
            key: Key::derive_from(master),
            secure,
        }
    }

    /// With the store's key (made on first use), shared by every instance on the store.
    pub async fn from_store(store: &dyn Store, secure: bool) -> Result<Self, StoreError> {
        let master = store
            .key(KEY_NAME, immail_meet_server::random::bytes())
            .await?;
        Ok(Self::new(&master, secure))
    }

    /// The name signed in by the request's cookie, if its tag is this app's.
    pub fn user(&self, headers: &HeaderMap) -> Option<String> {
        let mut jar = CookieJar::new();
        headers
            .get_all(COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(Cookie::split_parse_encoded)
            .flatten()
            .filter(|cookie| cookie.name() == COOKIE_NAME)
            .for_each(|cookie| jar.add_original(cookie.into_owned()));
        let cookie = jar.signed(&self.key).get(COOKIE_NAME)?;
        Some(cookie.value().to_owned())
    }

    /// The `Set-Cookie` value that signs `name` in.
    pub fn sign_in(&self, name: &str) -> String {
        let cookie = Cookie::build((COOKIE_NAME, name.to_owned()))
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(self.secure)
            .path("/")
            .max_age(cookie::time::Duration::seconds(MAX_AGE.as_secs() as i64));
        let mut jar = CookieJar::new();
        jar.signed_mut(&self.key).add(cookie);
        let signed = jar.get(COOKIE_NAME).expect("just added");
        signed.encoded().to_string()
    }

    /// The `Set-Cookie` value that signs out.
    pub fn sign_out(&self) -> String {
        Cookie::build((COOKIE_NAME, ""))
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(self.secure)
            .path("/")
            .removal()
            .build()
            .to_string()
    }
}

/// What a caller id adds before the name.
const ID_PREFIX: &str = "user:";

/// The name as typed, trimmed, or why it cannot be used.
pub fn checked_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    let chars = name.chars().count();
    let fits = name.len() + ID_PREFIX.len() <= MAX_CALLER_ID_BYTES;
    if !(1..=MAX_NAME_CHARS).contains(&chars) || !fits || name.chars().any(char::is_control) {
        return Err(format!(
            "Your name must be 1 to {MAX_NAME_CHARS} characters, on one line."
        ));
    }
    Ok(name.to_owned())
}

/// The caller id of a signed-in name: what rooms are stored as created by.
fn caller_id(name: &str) -> Result<CallerId, ApiError> {
    CallerId::new(format!("{ID_PREFIX}{name}")).map_err(|_| ApiError::Unauthenticated)
}

#[async_trait]
impl Identity for SignInCookie {
    /// The signed-in name, or `401`: only signed-in people create, join or look back
    /// on meetings here. The default rules apply: whoever created a room moderates it
    /// (in any browser where they sign in) and reads its history; others are guests.
    async fn caller(&self, parts: &mut Parts) -> Result<Caller, ApiError> {
        let name = self.user(&parts.headers).ok_or(ApiError::Unauthenticated)?;
        Ok(Caller::from_id(caller_id(&name)?).with_display_name(name))
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn request_with(set_cookie: &str) -> HeaderMap {
        let pair = set_cookie.split(';').next().unwrap();
        HeaderMap::from_iter([(COOKIE, HeaderValue::from_str(pair).unwrap())])
    }

    #[test]
    fn a_signed_name_reads_back_and_a_forged_one_does_not() {
        let sign_in = SignInCookie::new(&[7; 32], false);
        let set = sign_in.sign_in("Zoë O'Brien; admin=1");
        assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Path=/"));
        assert_eq!(
            sign_in.user(&request_with(&set)).as_deref(),
            Some("Zoë O'Brien; admin=1")
        );
        let other_key = SignInCookie::new(&[8; 32], false);
        assert_eq!(other_key.user(&request_with(&set)), None, "another key");
        let unsigned = format!("{COOKIE_NAME}=alice");
        assert_eq!(sign_in.user(&request_with(&unsigned)), None, "no tag");
        let swapped = set.replacen("Zo%C3%AB", "Bob", 1);
        assert_eq!(
            sign_in.user(&request_with(&swapped)),
            None,
            "a tag for another name"
        );
    }

    #[test]
    fn signing_out_clears_the_cookie() {
        let set = SignInCookie::new(&[7; 32], true).sign_out();
        assert!(set.starts_with(&format!("{COOKIE_NAME}=;")), "{set}");
        assert!(set.contains("Max-Age=0") && set.contains("Secure"), "{set}");
    }

    #[test]
    fn names_are_checked() {
        assert_eq!(checked_name("  Alice ").unwrap(), "Alice");
        assert!(checked_name("   ").is_err());
        assert!(checked_name("a\nb").is_err());
        assert!(checked_name(&"é".repeat(MAX_NAME_CHARS)).is_ok());
        assert!(checked_name(&"é".repeat(MAX_NAME_CHARS + 1)).is_err());
        // Every name accepted makes a caller id, even in four-byte characters.
        let wide = "\u{10348}".repeat(MAX_NAME_CHARS);
        assert!(checked_name(&wide).is_err());
        let widest = checked_name(&wide[..4 * 62]).unwrap();
        assert!(caller_id(&widest).is_ok());
    }
}

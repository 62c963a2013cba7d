//! [`VisitorIdentity`]: the default [`Identity`], a server-issued visitor cookie.
//!
//! A visitor id is 16 random bytes; the cookie holds it with an HMAC-SHA256 tag (its
//! first 16 bytes) made with a key kept in the store, so every instance on the store
//! and every restart honour it, and only ids this server issued are honoured. Why
//! signed rather than listed in the store: checking costs no database call, and minting
//! costs no row, so cookieless requests cannot grow the database; the key in the store
//! gives what a list would (shared, durable) without either.
//!
//! A request without a valid cookie gets a new visitor, and the answer sets it, only when
//! the browser would have sent the cookie it holds (a same-origin or same-site request,
//! or no browser at all: see [`crate::cross_origin`]). A cross-site request without one
//! is anonymous and never gets a `Set-Cookie`: the cookie the browser may hold for this
//! site stays as it is.

use std::time::Duration;

use async_trait::async_trait;
use axum::http::header::COOKIE;
use axum::http::request::Parts;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use tower_cookies::cookie::{Cookie, SameSite};
use tower_cookies::Cookies;

use super::{Caller, CallerId, Identity};
use crate::cross_origin::RequestOrigin;
use crate::store::{Store, StoreError};
use crate::ApiError;

/// The cookie's name over plain http.
pub const COOKIE_NAME: &str = "immail_meet_visitor";
/// The cookie's name with `Secure`: the `__Host-` prefix makes browsers refuse it from a
/// sibling subdomain or with a `Domain`, so no other site can plant a visitor.
pub const SECURE_COOKIE_NAME: &str = "__Host-immail_meet_visitor";
/// The name of the signing key in the store.
pub const KEY_NAME: &str = "visitor-cookie";

/// How the visitor cookie is set.
///
/// # Usage
/// ```
/// use immail_meet_server::VisitorOptions;
/// let options = VisitorOptions { secure: true, ..VisitorOptions::default() };
/// assert!(!VisitorOptions::default().secure);
/// ```
///
/// # Server-Side Rendering
/// Server only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisitorOptions {
    /// `Secure` and the `__Host-` name (serve the app over https).
    pub secure: bool,
    /// How long the browser keeps it.
    pub max_age: Duration,
}

impl Default for VisitorOptions {
    /// Not `Secure` (plain-http development), kept 365 days.
    fn default() -> Self {
        Self {
            secure: false,
            max_age: Duration::from_secs(365 * 24 * 3600),
        }
    }
}

/// The default identity: an anonymous visitor, remembered by a signed cookie
/// (`HttpOnly; SameSite=Lax; Path=/`). Caller ids are `visitor:<32 hex digits>`.
///
/// Needs `tower_cookies::CookieManagerLayer` around the routes that identify callers
/// ([`crate::MeetApi::router`] has it).
///
/// # Usage
/// ```no_run
/// # async fn demo(store: immail_meet_server::store::SqlStore) -> Result<(), immail_meet_server::StoreError> {
/// use immail_meet_server::{VisitorIdentity, VisitorOptions};
/// let identity = VisitorIdentity::from_store(&store, VisitorOptions::default()).await?;
/// # Ok(()) }
/// ```
///
/// # Server-Side Rendering
/// Server only.
#[derive(Clone)]
pub struct VisitorIdentity {
    key: [u8; 32],
    options: VisitorOptions,
}

impl VisitorIdentity {
    /// With a signing key of your own.
    pub fn new(key: [u8; 32], options: VisitorOptions) -> Self {
        Self { key, options }
    }

    /// With the store's signing key (made on first use), shared by every instance.
    pub async fn from_store(
        store: &dyn Store,
        options: VisitorOptions,
    ) -> Result<Self, StoreError> {
        let key = store.key(KEY_NAME, crate::random::bytes()).await?;
        Ok(Self::new(key, options))
    }

    fn cookie_name(&self) -> &'static str {
        if self.options.secure {
            SECURE_COOKIE_NAME
        } else {
            COOKIE_NAME
        }
    }

    fn tag(&self, id: &[u8; 16]) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key");
        mac.update(b"immail-meet visitor v1:");
        mac.update(id);
        mac
    }

    /// A new cookie value: `<id hex>.<tag hex>`.
    fn issue(&self) -> ([u8; 16], String) {
        let id: [u8; 16] = crate::random::bytes();
        let tag = self.tag(&id).finalize().into_bytes();
        (
            id,
            format!("{}.{}", hex::encode(id), hex::encode(&tag[..16])),
        )
    }

    /// The id in a cookie value, if this server issued it.
    fn verify(&self, value: &str) -> Option<[u8; 16]> {
        let (id_hex, tag_hex) = value.split_once('.')?;
        let (mut id, mut tag) = ([0_u8; 16], [0_u8; 16]);
        hex::decode_to_slice(id_hex, &mut id).ok()?;
        hex::decode_to_slice(tag_hex, &mut tag).ok()?;
        self.tag(&id).verify_truncated_left(&tag).ok()?;
        Some(id)
    }

    fn caller_of(id: &[u8; 16]) -> Caller {
        let id = CallerId::new(format!("visitor:{}", hex::encode(id))).expect("a valid id");
        Caller::from_id(id)
    }
}

#[async_trait]
impl Identity for VisitorIdentity {
    async fn caller(&self, parts: &mut Parts) -> Result<Caller, ApiError> {
        let name = self.cookie_name();
        let held = parts
            .headers
            .get_all(COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(Cookie::split_parse)
            .filter_map(Result::ok)
            .filter(|c| c.name() == name)
            .find_map(|c| self.verify(c.value()));
        if let Some(id) = held {
            return Ok(Self::caller_of(&id));
        }
        let cookies = parts.extensions.get::<Cookies>();
        match cookies {
            Some(cookies) if RequestOrigin::of(&parts.headers).may_set_cookie() => {
                let (id, value) = self.issue();
                let max_age = self.options.max_age.as_secs().min(i64::MAX as u64) as i64;
                let cookie = Cookie::build((name, value))
                    .http_only(true)
                    .same_site(SameSite::Lax)
                    .path("/")
                    .secure(self.options.secure)
                    .max_age(time::Duration::seconds(max_age))
                    .build();
                cookies.add(cookie);
                Ok(Self::caller_of(&id))
            }
            _ => Ok(Caller::anonymous()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_issued_ids_verify() {
        let identity = VisitorIdentity::new([7; 32], VisitorOptions::default());
        let (id, value) = identity.issue();
        assert_eq!(identity.verify(&value), Some(id));
        let other_key = VisitorIdentity::new([8; 32], VisitorOptions::default());
        assert_eq!(other_key.verify(&value), None, "another store's key");
        let (id_hex, tag_hex) = value.split_once('.').unwrap();
        let forged = format!("{}.{tag_hex}", "0".repeat(32));
        assert_eq!(
            identity.verify(&forged),
            None,
            "a chosen id with a copied tag"
        );
        assert_eq!(identity.verify(id_hex), None, "no tag");
        assert_eq!(identity.verify(&format!("{id_hex}.")), None);
        assert_eq!(identity.verify("../../etc"), None);
    }
}

//! The grant contract (v1): what the customer's backend answers, its validation, and the
//! validated [`Grant`] that makes the iframe `src`.
//!
//! ```text
//! JSON text ─ GrantResponse::from_json ─▶ GrantResponse ─ GrantRules::validate ─▶ Grant ─ Grant::src ─▶ MeetingSrc
//! ```
//!
//! | file | holds |
//! | --- | --- |
//! | `response.rs` | [`GrantResponse`] and the contract's reader |
//! | `rules.rs` | [`GrantRules`] and the validation |
//! | `error.rs` | [`GrantError`] |

mod error;
mod response;
mod rules;

pub use error::GrantError;
pub use response::GrantResponse;
pub use rules::GrantRules;

use crate::error::MeetError;
use crate::jwt::Jwt;
use crate::limits::EXPIRY_MARGIN_SECS;
use crate::meeting_src::MeetingSrc;
use crate::meeting_url::MeetingUrl;
use crate::options::MeetOptions;

/// A grant that passed every check of [`GrantRules::validate`]: an allowed meeting URL,
/// a well-formed token, not expired.
///
/// # Usage
/// ```
/// use immail_meet_core::{GrantRules, MeetOptions};
/// // header {"alg":"HS256"}, payload {"exp":4102444800}
/// let answer = r#"{"room_name": "abc", "jwt": "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDB9.c2ln"}"#;
/// let grant = GrantRules::default().validate_json(answer, 1_800_000_000.0).unwrap();
/// assert_eq!(grant.meeting_url().to_string(), "https://web.immail.ca/meet/abc");
/// assert_eq!(grant.expires_at(), Some(4_102_444_800.0));
/// let src = grant.src(&MeetOptions::default()).unwrap();
/// assert!(src.expose_secret().starts_with("https://web.immail.ca/meet/abc?jwt=eyJ"));
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq)]
pub struct Grant {
    meeting_url: MeetingUrl,
    jwt: Jwt,
    moderator: Option<bool>,
    expires_at: Option<f64>,
}

impl Grant {
    /// The validated meeting URL (canonical form).
    pub fn meeting_url(&self) -> &MeetingUrl {
        &self.meeting_url
    }

    /// The participant token.
    pub fn jwt(&self) -> &Jwt {
        &self.jwt
    }

    /// The role, from the answer or else from the token: for display only.
    pub fn moderator(&self) -> Option<bool> {
        self.moderator
    }

    /// When the grant expires (the sooner of `expires_at` and the token's `exp`), in
    /// seconds since the Unix epoch.
    pub fn expires_at(&self) -> Option<f64> {
        self.expires_at
    }

    /// Whether the grant has expired at `now` (seconds since the Unix epoch), or will
    /// within [`EXPIRY_MARGIN_SECS`].
    pub fn is_expired(&self, now: f64) -> bool {
        self.expires_at
            .is_some_and(|at| at <= now + EXPIRY_MARGIN_SECS)
    }

    /// The iframe `src` for these options ([`MeetingSrc::build`]).
    pub fn src(&self, options: &MeetOptions) -> Result<MeetingSrc, MeetError> {
        Ok(MeetingSrc::build(&self.meeting_url, &self.jwt, options)?)
    }
}

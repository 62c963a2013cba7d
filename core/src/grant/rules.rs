//! [`GrantRules`]: what a grant is checked against, and the check.

use super::response::Place;
use super::{Grant, GrantError, GrantResponse};
use crate::error::MeetError;
use crate::meeting_url::{AllowedHosts, MeetingHost, RoomName};

/// What a grant is checked against: the meeting bases its URL may point to, and the
/// base a bare room name is placed under (which must be one of them: checked when the
/// rules are built).
///
/// # Usage
/// ```
/// use immail_meet_core::{AllowedHosts, GrantRules, MeetError, MeetingHost};
/// let sandbox = MeetingHost::parse("http://127.0.0.1:8788/sandbox/meet/").unwrap();
/// let rules = GrantRules::new(AllowedHosts::default().with_host(sandbox.clone()), sandbox.clone());
/// assert!(rules.is_ok());
/// // A base the allow-list does not hold fails now, not at every join.
/// assert!(matches!(GrantRules::new(AllowedHosts::default(), sandbox), Err(MeetError::Rules(_))));
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantRules {
    allowed_hosts: AllowedHosts,
    meeting_base: MeetingHost,
}

impl Default for GrantRules {
    /// imMail's host only, rooms under `https://web.immail.ca/meet/`.
    fn default() -> Self {
        Self {
            allowed_hosts: AllowedHosts::default(),
            meeting_base: MeetingHost::default(),
        }
    }
}

impl GrantRules {
    /// Rules with these allowed hosts and this base for bare room names; the base must
    /// be allowed ([`MeetError::Rules`] otherwise).
    pub fn new(allowed_hosts: AllowedHosts, meeting_base: MeetingHost) -> Result<Self, MeetError> {
        if !allowed_hosts.allows(&meeting_base) {
            return Err(MeetError::Rules(meeting_base.not_allowed()));
        }
        Ok(Self {
            allowed_hosts,
            meeting_base,
        })
    }

    /// The meeting bases a `meeting_url` may point to.
    pub fn allowed_hosts(&self) -> &AllowedHosts {
        &self.allowed_hosts
    }

    /// The base a bare `room_name` is placed under.
    pub fn meeting_base(&self) -> &MeetingHost {
        &self.meeting_base
    }

    /// Validates an answer at time `now` (seconds since the Unix epoch): the contract
    /// ([`GrantResponse::check`]), an allowed meeting URL (or a valid room name), a
    /// well-formed token, and a grant that expires neither by `expires_at` nor by the
    /// token's `exp` within [`EXPIRY_MARGIN_SECS`](crate::EXPIRY_MARGIN_SECS).
    ///
    /// # Usage
    /// ```
    /// use immail_meet_core::{GrantError, GrantResponse, GrantRules, Jwt, MeetError, MeetingUrlError};
    /// let answer = GrantResponse {
    ///     meeting_url: Some("javascript:alert(1)".into()),
    ///     jwt: Jwt::new("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"),
    ///     ..Default::default()
    /// };
    /// let refused = GrantRules::default().validate(answer, 0.0);
    /// assert!(matches!(refused, Err(MeetError::Grant(GrantError::MeetingUrl(MeetingUrlError::SchemeNotAllowed(_))))));
    /// ```
    pub fn validate(&self, answer: GrantResponse, now: f64) -> Result<Grant, MeetError> {
        let meeting_url = match answer.place()? {
            Place::Url(url) => self.allowed_hosts.check(url).map_err(GrantError::from)?,
            Place::Room(room) => self
                .meeting_base
                .meeting_url(RoomName::parse(room).map_err(GrantError::from)?),
        };
        let claims = answer.jwt.claims().map_err(GrantError::from)?;
        let expires_at = match (answer.stated_expiry()?, claims.expires_at) {
            (Some(stated), Some(token)) => Some(stated.min(token)),
            (stated, token) => stated.or(token),
        };
        let grant = Grant {
            meeting_url,
            jwt: answer.jwt,
            moderator: answer.moderator.or(claims.moderator),
            expires_at,
        };
        if grant.is_expired(now) {
            return Err(GrantError::Expired.into());
        }
        Ok(grant)
    }

    /// Reads an answer's JSON text ([`GrantResponse::from_json`]) and validates it
    /// ([`GrantRules::validate`]).
    ///
    /// # Usage
    /// ```
    /// use immail_meet_core::{GrantError, GrantRules, MeetError};
    /// let refused = GrantRules::default().validate_json("<html>Sign in</html>", 0.0);
    /// assert_eq!(refused.unwrap_err(), MeetError::Grant(GrantError::NotJson));
    /// ```
    pub fn validate_json(&self, json: impl AsRef<[u8]>, now: f64) -> Result<Grant, MeetError> {
        self.validate(GrantResponse::from_json(json)?, now)
    }
}

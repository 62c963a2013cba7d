//! [`MeetError`]: the one error of going from a grant to a meeting.

use crate::fetch_error::FetchError;
use crate::grant::GrantError;
use crate::meeting_url::MeetingUrlError;
use crate::options::OptionsError;
use crate::permission_warning::PermissionWarning;

/// Everything that can keep a participant from joining: the one error type `?` carries
/// along the path from a grant answer to an iframe `src`.
///
/// `Display` gives a sentence fit for the page; match on the variants for details.
///
/// # Usage
/// ```
/// use immail_meet_core::{FetchError, GrantError, MeetError};
/// let error = MeetError::from(FetchError::Timeout(10_000));
/// assert_eq!(error.to_string(), "Could not join: the meeting service did not answer within 10 s.");
/// assert!(error.is_transient());
/// assert!(!MeetError::from(GrantError::NotJson).is_transient());
/// ```
///
/// # Server-Side Rendering
/// Pure data: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MeetError {
    /// Neither an endpoint nor a grant source was given.
    #[error("no grant endpoint or grant source was configured")]
    NoGrantSource,
    /// The app's own rules are wrong: an allow-list entry that cannot be parsed, or a
    /// meeting base the allow-list does not hold. (`From<MeetingUrlError>` lands here; a
    /// refused *grant* URL is [`MeetError::Grant`] with [`GrantError::MeetingUrl`].)
    #[error("The meeting settings are wrong: {0}.")]
    Rules(#[from] MeetingUrlError),
    /// The grant could not be fetched.
    #[error("Could not join: {0}.")]
    Fetch(#[from] FetchError),
    /// The answer is not a valid grant (contract broken, refused URL, bad token,
    /// expired...).
    #[error("Could not join: {0}.")]
    Grant(#[from] GrantError),
    /// The names or extra options were refused.
    #[error("Could not join: {0}.")]
    Options(#[from] OptionsError),
    /// The page will not let the meeting's frame use a feature it needs (camera,
    /// microphone, screen sharing), and the app chose to refuse such a join
    /// (`<MeetEmbed permission_check=PermissionCheck::Refuse>`). Never empty.
    #[error("{}", blocked(.0))]
    PermissionsBlocked(Vec<PermissionWarning>),
}

/// The sentence of [`MeetError::PermissionsBlocked`]: each warning's.
fn blocked(warnings: &[PermissionWarning]) -> String {
    let mut text = String::from("Not joined:");
    for warning in warnings {
        text.push(' ');
        text.push_str(&warning.to_string());
    }
    text
}

impl MeetError {
    /// Whether trying again may help (network trouble, time-outs, server errors, an
    /// expired grant), as opposed to a configuration or contract error.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Fetch(error) => error.is_transient(),
            Self::Grant(GrantError::Expired) => true,
            _ => false,
        }
    }
}

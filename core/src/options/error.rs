//! [`OptionsError`]: why options were refused.

use crate::limits::MAX_NAME_CHARS;

/// Why options were refused.
///
/// # Usage
/// ```
/// use immail_meet_core::{MeetOptions, OptionsError};
/// let options = MeetOptions { extras: vec![("JWT".into(), "forged".into())], ..Default::default() };
/// assert_eq!(options.check(), Err(OptionsError::ReservedExtra("JWT".into())));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OptionsError {
    /// A name longer than [`MAX_NAME_CHARS`] characters.
    #[error("{field} is longer than {MAX_NAME_CHARS} characters")]
    NameTooLong {
        /// `first_name` or `last_name`.
        field: &'static str,
    },
    /// An extra option tries to set `jwt` or a documented option (compared without
    /// regard to letter case).
    #[error("the extra option \"{0}\" would override a documented option or the token")]
    ReservedExtra(String),
    /// An extra option's key is empty, too long or has characters outside
    /// `A-Z a-z 0-9 _ . -`.
    #[error("\"{0}\" is not a valid option name")]
    InvalidExtraKey(String),
}

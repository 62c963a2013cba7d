//! Why the imMail settings cannot be used: each case names the variable (or flag) to fix.

use std::path::PathBuf;

/// What is missing or wrong in the imMail settings, found at start-up by
/// [`ImmailConfig::settings`](super::ImmailConfig::settings) (the server refuses to start:
/// [`StartError::Immail`](crate::server::StartError::Immail)). Its text says which variable
/// to set; it never quotes the API key, nor credentials found in `IMMAIL_API_URL`.
///
/// # Usage
/// ```
/// use immail_meet_server::upstream::immail::{ImmailConfig, SettingsError};
///
/// let config = ImmailConfig {
///     email_domain: Some("example.com".into()),
///     ..ImmailConfig::default()
/// };
/// let error = config.settings().unwrap_err();
/// assert!(matches!(error, SettingsError::MissingApiKey));
/// assert!(error.to_string().contains("IMMAIL_API_KEY"));
/// ```
///
/// # Server-Side Rendering
/// Server only: this type exists only in the backend.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SettingsError {
    /// Neither `IMMAIL_API_KEY` nor `IMMAIL_API_KEY_FILE` is set.
    #[error(
        "imMail mode needs an API key: set IMMAIL_API_KEY, or IMMAIL_API_KEY_FILE to a file \
         holding it"
    )]
    MissingApiKey,
    /// Both `IMMAIL_API_KEY` and `IMMAIL_API_KEY_FILE` are set.
    #[error("both IMMAIL_API_KEY and IMMAIL_API_KEY_FILE are set: keep one")]
    TwoApiKeys,
    /// `IMMAIL_API_KEY_FILE` cannot be read.
    #[error("cannot read IMMAIL_API_KEY_FILE {}: {source}", path.display())]
    ApiKeyFile {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The key is empty once trimmed.
    #[error("the imMail API key is empty")]
    EmptyApiKey,
    /// The key holds bytes an HTTP header cannot carry.
    #[error(
        "the imMail API key holds characters an HTTP header cannot carry (spaces, control or \
         non-ASCII characters)"
    )]
    ApiKeyNotHeaderSafe,
    /// `IMMAIL_EMAIL_DOMAIN` is not set.
    #[error(
        "imMail mode needs IMMAIL_EMAIL_DOMAIN (or --immail-email-domain): your company's email \
         domain, sent with the API key"
    )]
    MissingEmailDomain,
    /// `IMMAIL_EMAIL_DOMAIN` is not a domain name.
    #[error("IMMAIL_EMAIL_DOMAIN must be a domain name such as example.com")]
    BadEmailDomain,
    /// `IMMAIL_API_URL` does not parse.
    #[error("IMMAIL_API_URL is not a URL ({0}), e.g. https://api.immail.ca")]
    ApiUrlNotUrl(url::ParseError),
    /// `IMMAIL_API_URL` holds a user name or password (never quoted back).
    #[error("IMMAIL_API_URL must not hold credentials: the key goes in IMMAIL_API_KEY")]
    ApiUrlCredentials,
    /// `IMMAIL_API_URL` is a URL this server will not call.
    #[error("IMMAIL_API_URL {url:?} {why}")]
    BadApiUrl {
        /// The URL as given (it holds no credentials: those are refused first).
        url: String,
        /// What is wrong with it.
        why: &'static str,
    },
    /// `IMMAIL_MEETING_BASE` is not a meeting base the whitelist accepts.
    #[error("IMMAIL_MEETING_BASE {given:?} is not a meeting base: {source}")]
    BadMeetingBase {
        /// The value as given.
        given: String,
        /// Why the whitelist refuses it.
        source: immail_meet_core::MeetingUrlError,
    },
    /// A history path template is not usable.
    #[error("{flag} {why}")]
    BadHistoryPath {
        /// The flag that sets it (e.g. `--immail-sessions-path`).
        flag: &'static str,
        /// What is wrong with it.
        why: String,
    },
    /// A duration that must be positive is zero.
    #[error("{name} must be at least 1 {unit}")]
    ZeroDuration {
        /// The variable (e.g. `IMMAIL_READ_TIMEOUT_MS`).
        name: &'static str,
        /// `millisecond` or `second`.
        unit: &'static str,
    },
    /// The HTTP client for imMail cannot be set up.
    #[error("cannot set up the HTTP client for imMail: {0}")]
    HttpClient(#[source] reqwest::Error),
}

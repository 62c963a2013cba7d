//! imMail settings: [`ImmailConfig`] as given (flags and environment), checked into
//! [`ImmailSettings`] at start-up; [`ApiKey`], which never prints.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use crate::models::MeetingHost;
use secrecy::{ExposeSecret, SecretString};

use super::history_paths::HistoryPaths;
use super::SettingsError;

/// The environment variable holding the API key.
pub const API_KEY_ENV: &str = "IMMAIL_API_KEY";
/// Default imMail API base.
pub const DEFAULT_API_URL: &str = "https://api.immail.ca";
/// Default meeting base: a room's URL is this plus its name.
pub const DEFAULT_MEETING_BASE: &str = "https://web.immail.ca/meet/";
/// Default connect time-out, milliseconds.
pub const DEFAULT_CONNECT_TIMEOUT_MS: u64 = 3_000;
/// Default read time-out, milliseconds.
pub const DEFAULT_READ_TIMEOUT_MS: u64 = 10_000;
/// Default service-token lifetime when the token shows no `exp`, seconds.
pub const DEFAULT_SERVICE_TOKEN_TTL_SECS: u64 = 600;
/// Default refresh margin before a service token expires, seconds.
pub const DEFAULT_SERVICE_TOKEN_MARGIN_SECS: u64 = 60;

/// The imMail API key. Its `Debug` never shows it, it has no `Display`, and its memory is
/// wiped when dropped (`secrecy`). Only the `X-AUTH-TOKEN` header of `/auth/token` reads it.
///
/// # Usage
/// ```
/// use immail_meet_server::upstream::immail::ApiKey;
/// let key = ApiKey::new("k-123");
/// assert_eq!(format!("{key:?}"), "ApiKey(<redacted>)");
/// ```
///
/// # Server-Side Rendering
/// Server only: this type exists only in the backend.
#[derive(Clone)]
pub struct ApiKey(SecretString);

impl ApiKey {
    /// Wraps a key.
    pub fn new(key: impl Into<String>) -> Self {
        Self(SecretString::from(key.into()))
    }

    /// The key in `IMMAIL_API_KEY`, if that variable is set.
    pub fn from_env() -> Option<Self> {
        std::env::var(API_KEY_ENV).ok().map(Self::new)
    }

    /// The key itself: for the `X-AUTH-TOKEN` header only.
    pub(crate) fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

/// How service tokens are obtained.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ServiceTokenPolicy {
    /// One token serves every call until it nears expiry (single flight refresh).
    #[default]
    Cached,
    /// A fresh `/auth/token` call before every API call, like the vendor's example. For
    /// the comparison benchmark only (`IMMAIL_NAIVE_SERVICE_TOKENS=true`).
    FreshPerCall,
}

/// The imMail settings as given: flags and environment variables. The API key comes from
/// `IMMAIL_API_KEY` (never a flag: flags show in process lists) or from a file.
#[derive(Clone, Debug, clap::Args)]
pub struct ImmailConfig {
    /// imMail API base URL.
    #[arg(long = "immail-api-url", env = "IMMAIL_API_URL", default_value = DEFAULT_API_URL)]
    pub api_url: String,

    /// Your company's email domain, sent with the API key to `/auth/token`.
    #[arg(long = "immail-email-domain", env = "IMMAIL_EMAIL_DOMAIN")]
    pub email_domain: Option<String>,

    /// A file holding the API key (a mounted secret), instead of IMMAIL_API_KEY.
    #[arg(long = "immail-api-key-file", env = "IMMAIL_API_KEY_FILE")]
    pub api_key_file: Option<PathBuf>,

    /// Where imMail meetings live: a room's URL is this plus its name.
    #[arg(long = "immail-meeting-base", env = "IMMAIL_MEETING_BASE", default_value = DEFAULT_MEETING_BASE)]
    pub meeting_base: String,

    /// Time-out for connecting to the imMail API, in milliseconds (then: 503).
    #[arg(long = "immail-connect-timeout-ms", env = "IMMAIL_CONNECT_TIMEOUT_MS", default_value_t = DEFAULT_CONNECT_TIMEOUT_MS)]
    pub connect_timeout_ms: u64,

    /// Time-out for each read of an imMail answer, in milliseconds (then: 504).
    #[arg(long = "immail-read-timeout-ms", env = "IMMAIL_READ_TIMEOUT_MS", default_value_t = DEFAULT_READ_TIMEOUT_MS)]
    pub read_timeout_ms: u64,

    /// Lifetime assumed for a service token that shows no `exp` claim, in seconds.
    #[arg(long = "immail-service-token-ttl", env = "IMMAIL_SERVICE_TOKEN_TTL", default_value_t = DEFAULT_SERVICE_TOKEN_TTL_SECS)]
    pub service_token_ttl_secs: u64,

    /// Refresh the service token this many seconds before it expires (at most half its
    /// lifetime).
    #[arg(long = "immail-service-token-margin", env = "IMMAIL_SERVICE_TOKEN_MARGIN", default_value_t = DEFAULT_SERVICE_TOKEN_MARGIN_SECS)]
    pub service_token_margin_secs: u64,

    /// Benchmark only: a fresh service token for every call (the vendor's naive flow).
    #[arg(
        long = "immail-naive-service-tokens",
        env = "IMMAIL_NAIVE_SERVICE_TOKENS",
        hide = true
    )]
    pub naive_service_tokens: bool,

    /// The API key from IMMAIL_API_KEY, if set.
    #[arg(skip = ApiKey::from_env())]
    pub api_key: Option<ApiKey>,

    /// Where the history APIs live (not public: assumed defaults, configurable).
    #[command(flatten)]
    pub history_paths: HistoryPaths,
}

impl Default for ImmailConfig {
    /// The documented defaults, no key and no domain.
    fn default() -> Self {
        Self {
            api_url: DEFAULT_API_URL.into(),
            email_domain: None,
            api_key_file: None,
            meeting_base: DEFAULT_MEETING_BASE.into(),
            connect_timeout_ms: DEFAULT_CONNECT_TIMEOUT_MS,
            read_timeout_ms: DEFAULT_READ_TIMEOUT_MS,
            service_token_ttl_secs: DEFAULT_SERVICE_TOKEN_TTL_SECS,
            service_token_margin_secs: DEFAULT_SERVICE_TOKEN_MARGIN_SECS,
            naive_service_tokens: false,
            api_key: None,
            history_paths: HistoryPaths::default(),
        }
    }
}

/// Checked imMail settings, ready for [`super::Immail::new`].
#[derive(Clone, Debug)]
pub struct ImmailSettings {
    /// API base without a trailing `/`, e.g. `https://api.immail.ca`.
    pub api_url: String,
    /// The company email domain.
    pub email_domain: String,
    /// The API key.
    pub api_key: ApiKey,
    /// Meeting base, ending in `/`.
    pub meeting_base: String,
    /// Connect time-out.
    pub connect_timeout: Duration,
    /// Read time-out (each read of an answer).
    pub read_timeout: Duration,
    /// Service-token lifetime when the token shows no `exp`.
    pub service_token_ttl: Duration,
    /// Refresh margin before a service token's expiry.
    pub service_token_margin: Duration,
    /// Cached (production) or one token per call (benchmark).
    pub service_token_policy: ServiceTokenPolicy,
    /// The history API paths (checked).
    pub history_paths: HistoryPaths,
}

impl ImmailConfig {
    /// Whether an API key is configured (in the environment or as a file).
    pub fn has_api_key(&self) -> bool {
        self.api_key.is_some() || self.api_key_file.is_some()
    }

    /// Checks everything and reads the key file. The error says what is missing or wrong
    /// and which variable sets it; it never quotes the key.
    pub fn settings(&self) -> Result<ImmailSettings, SettingsError> {
        let api_key = self.read_api_key()?;
        let email_domain = match self.email_domain.as_deref().map(str::trim) {
            Some(domain) if is_domain(domain) => domain.to_owned(),
            Some(_) => return Err(SettingsError::BadEmailDomain),
            None => return Err(SettingsError::MissingEmailDomain),
        };
        let api_url = api_url(&self.api_url)?;
        self.history_paths.check()?;
        let meeting_base = MeetingHost::parse(self.meeting_base.trim())
            .map_err(|source| SettingsError::BadMeetingBase {
                given: self.meeting_base.clone(),
                source,
            })?
            .to_string();
        let millis = |name: &'static str, ms: u64| {
            if ms == 0 {
                Err(SettingsError::ZeroDuration {
                    name,
                    unit: "millisecond",
                })
            } else {
                Ok(Duration::from_millis(ms))
            }
        };
        Ok(ImmailSettings {
            api_url,
            email_domain,
            api_key,
            meeting_base,
            connect_timeout: millis("IMMAIL_CONNECT_TIMEOUT_MS", self.connect_timeout_ms)?,
            read_timeout: millis("IMMAIL_READ_TIMEOUT_MS", self.read_timeout_ms)?,
            service_token_ttl: match self.service_token_ttl_secs {
                0 => {
                    return Err(SettingsError::ZeroDuration {
                        name: "IMMAIL_SERVICE_TOKEN_TTL",
                        unit: "second",
                    })
                }
                secs => Duration::from_secs(secs),
            },
            service_token_margin: Duration::from_secs(self.service_token_margin_secs),
            service_token_policy: if self.naive_service_tokens {
                ServiceTokenPolicy::FreshPerCall
            } else {
                ServiceTokenPolicy::Cached
            },
            history_paths: self.history_paths.clone(),
        })
    }

    fn read_api_key(&self) -> Result<ApiKey, SettingsError> {
        let key = match (&self.api_key, &self.api_key_file) {
            (Some(_), Some(_)) => return Err(SettingsError::TwoApiKeys),
            (None, None) => return Err(SettingsError::MissingApiKey),
            (Some(key), None) => key.expose().trim().to_owned(),
            (None, Some(path)) => std::fs::read_to_string(path)
                .map_err(|source| SettingsError::ApiKeyFile {
                    path: path.clone(),
                    source,
                })?
                .trim()
                .to_owned(),
        };
        if key.is_empty() {
            return Err(SettingsError::EmptyApiKey);
        }
        if !key.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(SettingsError::ApiKeyNotHeaderSafe);
        }
        Ok(ApiKey::new(key))
    }
}

fn is_domain(domain: &str) -> bool {
    !domain.is_empty()
        && domain.len() <= 253
        && domain.contains('.')
        && domain
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
}

/// `https://host[:port][/prefix]`, without a trailing `/`. Plain `http` only for a
/// loopback host (a local fake or proxy); never user-info, a query or a fragment.
fn api_url(given: &str) -> Result<String, SettingsError> {
    // Only a URL without user-info is ever quoted back: it could hold a secret.
    let url = reqwest::Url::parse(given.trim()).map_err(SettingsError::ApiUrlNotUrl)?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(SettingsError::ApiUrlCredentials);
    }
    let bad = |why: &'static str| SettingsError::BadApiUrl {
        url: url.as_str().to_owned(),
        why,
    };
    let loopback = match url.host() {
        Some(url::Host::Domain(name)) => name == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => return Err(bad("has no host")),
    };
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => return Err(bad("must use https (plain http only for a loopback host)")),
        _ => return Err(bad("must be an https URL")),
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad("must not have a query or a fragment"));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

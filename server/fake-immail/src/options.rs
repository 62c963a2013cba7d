//! [`FakeOptions`]: the fake's credentials, token style and latency.

use std::time::Duration;

/// What service tokens from `POST /auth/token` look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceTokenStyle {
    /// A JWT whose `exp` is this far in the future; refused once expired.
    Jwt(Duration),
    /// An opaque random string (no readable expiry), valid until revoked.
    Opaque,
}

/// How the fake behaves.
#[derive(Clone, Debug)]
pub struct FakeOptions {
    /// The one API key `/auth/token` accepts (header `X-AUTH-TOKEN`).
    pub api_key: String,
    /// The one `email_domain` `/auth/token` accepts.
    pub email_domain: String,
    /// Added to every call before it is answered (the benchmark's network + imMail time).
    pub latency: Duration,
    /// What service tokens look like.
    pub service_tokens: ServiceTokenStyle,
    /// Lifetime of participant JWTs (their `exp`).
    pub participant_ttl: Duration,
    /// Whether recording downloads honour `Range` (`206`, `416`); off, the whole file is
    /// always sent, as an API without range support would.
    pub ranges: bool,
}

impl Default for FakeOptions {
    /// Key `fake-api-key-7f3a9c2e51d84b06`, domain `example.com`, no latency, JWT service
    /// tokens valid for an hour, participant tokens for two hours, ranges honoured.
    fn default() -> Self {
        Self {
            api_key: "fake-api-key-7f3a9c2e51d84b06".into(),
            email_domain: "example.com".into(),
            latency: Duration::ZERO,
            service_tokens: ServiceTokenStyle::Jwt(Duration::from_secs(3600)),
            participant_ttl: Duration::from_secs(7200),
            ranges: true,
        }
    }
}

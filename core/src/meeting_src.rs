//! [`MeetingSrc`]: the iframe `src`, a validated meeting URL plus a percent-encoded
//! query.

use std::fmt;

use crate::jwt::Jwt;
use crate::meeting_url::MeetingUrl;
use crate::options::{MeetOptions, OptionSpec, OptionValue, OptionsError};

/// The full iframe `src`. It holds the participant token (and the names), so its
/// `Debug` and `Display` print `<redacted>`; [`MeetingSrc::expose_secret`] gives the
/// text for the iframe.
///
/// Usually made by [`Grant::src`](crate::Grant::src).
///
/// # Usage
/// ```
/// use immail_meet_core::{AllowedHosts, Jwt, MeetOptions, MeetingSrc};
/// let url = AllowedHosts::default().check("https://web.immail.ca/meet/abc").unwrap();
/// let options = MeetOptions { first_name: Some("Ana & Bo".into()), ..Default::default() };
/// let src = MeetingSrc::build(&url, &Jwt::new("a.b.c"), &options).unwrap();
/// assert!(src.expose_secret().starts_with(
///     "https://web.immail.ca/meet/abc?first_name=Ana+%26+Bo&jwt=a.b.c&start_recording=false"
/// ));
/// assert_eq!(src.to_string(), "<redacted>");
/// assert_eq!(format!("{src:?}"), "MeetingSrc(<redacted>)");
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, PartialEq, Eq)]
pub struct MeetingSrc {
    meeting_url: MeetingUrl,
    text: String,
}

impl MeetingSrc {
    /// Builds the `src` with a form encoder: every key and value is percent-encoded, so
    /// no name can add, drop or repeat a parameter. Parameters come in the vendor's
    /// order ([`MeetOptions::SPECS`]: names, then the token, then every switch with its
    /// value), extras last.
    pub fn build(
        meeting_url: &MeetingUrl,
        jwt: &Jwt,
        options: &MeetOptions,
    ) -> Result<Self, OptionsError> {
        options.check()?;
        let is_text = |spec: &&OptionSpec| matches!(spec.value(), OptionValue::Text { .. });
        let (names, switches): (Vec<&OptionSpec>, Vec<&OptionSpec>) =
            MeetOptions::SPECS.iter().partition(is_text);
        let sent = |spec: &OptionSpec| Some((spec.key(), spec.query_value(options)?));
        let pairs = names
            .into_iter()
            .filter_map(sent)
            .chain([("jwt", jwt.expose_secret())])
            .chain(switches.into_iter().filter_map(sent))
            .chain(options.extras.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        Ok(Self {
            meeting_url: meeting_url.clone(),
            text: format!("{meeting_url}?{query}"),
        })
    }

    /// The `src` text, token included: only for the iframe.
    pub fn expose_secret(&self) -> &str {
        &self.text
    }

    /// The meeting URL the `src` opens (no token, no names): fine to log.
    pub fn meeting_url(&self) -> &MeetingUrl {
        &self.meeting_url
    }
}

impl fmt::Debug for MeetingSrc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MeetingSrc(<redacted>)")
    }
}

impl fmt::Display for MeetingSrc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

//! The iframe `src`: a validated meeting URL plus a percent-encoded query.

use std::fmt;

use super::jwt::Jwt;
use super::meeting_url::MeetingUrl;
use super::options::{MeetOptions, OptionsError};

/// The full iframe `src`. It holds the participant token, so its `Debug` and `Display`
/// are redacted; [`MeetingSrc::expose_secret`] gives the text for the iframe.
///
/// # Usage
/// ```
/// use immail_meet::{AllowedHosts, Jwt, MeetOptions, MeetingSrc};
/// let url = AllowedHosts::default().check("https://web.immail.ca/meet/abc").unwrap();
/// let options = MeetOptions { first_name: Some("Ana & Bo".into()), ..Default::default() };
/// let src = MeetingSrc::build(&url, &Jwt::new("a.b.c"), &options).unwrap();
/// assert!(src.expose_secret().starts_with(
///     "https://web.immail.ca/meet/abc?first_name=Ana+%26+Bo&jwt=a.b.c&start_recording=false"
/// ));
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, PartialEq, Eq)]
pub struct MeetingSrc(String);

impl MeetingSrc {
    /// Builds the `src` with a form encoder: every key and value is percent-encoded, so
    /// no name can add, drop or repeat a parameter. Parameters come in the vendor's
    /// order, documented options always with their value, extras last.
    pub fn build(url: &MeetingUrl, jwt: &Jwt, options: &MeetOptions) -> Result<Self, OptionsError> {
        options.check()?;
        let mut query = form_urlencoded::Serializer::new(String::new());
        let names = [
            ("first_name", &options.first_name),
            ("last_name", &options.last_name),
        ];
        for (key, name) in names {
            if let Some(name) = name.as_deref().filter(|n| !n.is_empty()) {
                query.append_pair(key, name);
            }
        }
        query.append_pair("jwt", jwt.expose_secret());
        let flags = [
            ("start_recording", options.start_recording),
            ("startWithAudioMuted", options.start_with_audio_muted),
            ("startWithVideoMuted", options.start_with_video_muted),
            ("fileRecordingsEnabled", options.file_recordings_enabled),
            ("HIDE_INVITE_MORE_HEADER", options.hide_invite_more_header),
        ];
        for (key, on) in flags {
            query.append_pair(key, if on { "true" } else { "false" });
        }
        for (key, value) in &options.extras {
            query.append_pair(key, value);
        }
        Ok(Self(format!("{url}?{}", query.finish())))
    }

    /// The `src` text, token included.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for MeetingSrc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MeetingSrc(<redacted>)")
    }
}

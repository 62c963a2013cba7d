//! The options imMail documents for an embedded meeting, each defined once.
//!
//! The `meet_options!` entries below are the one definition of every documented option:
//! its [`MeetOptions`] field and documentation, imMail's default, its query key and a
//! label. The `src` builder ([`MeetingSrc`](crate::MeetingSrc)), components and
//! settings panels read them through [`MeetOptions::SPECS`]. Adding an option is one
//! entry here (and a line in the README's table).

mod error;
mod spec;

pub use error::OptionsError;
pub use spec::{OptionSpec, OptionValue};

use crate::limits::{MAX_EXTRA_KEY_LEN, MAX_NAME_CHARS};
use spec::meet_options;

meet_options! {
    /// The participant's first name: any text (it is percent-encoded); empty means
    /// none.
    first_name: Text, key "first_name", label "First name";
    /// The participant's last name: any text (it is percent-encoded); empty means none.
    last_name: Text, key "last_name", label "Last name";
    /// Start a recording on the participant's first entry.
    start_recording: Flag = false, key "start_recording", label "Start recording on first entry";
    /// Join with the microphone muted.
    start_with_audio_muted: Flag = true, key "startWithAudioMuted", label "Join with microphone muted";
    /// Join with the camera off.
    start_with_video_muted: Flag = false, key "startWithVideoMuted", label "Join with camera off";
    /// Offer recording to a file.
    file_recordings_enabled: Flag = true, key "fileRecordingsEnabled", label "Allow file recordings";
    /// Hide the "invite more participants" button.
    hide_invite_more_header: Flag = false, key "HIDE_INVITE_MORE_HEADER", label "Hide the invite button";
}

impl MeetOptions {
    /// The spec of an option, by its query key (`startWithAudioMuted`) or its field
    /// name (`start_with_audio_muted`).
    ///
    /// # Usage
    /// ```
    /// use immail_meet_core::MeetOptions;
    /// assert_eq!(MeetOptions::spec("start_recording").unwrap().key(), "start_recording");
    /// assert!(MeetOptions::spec("hideLogo").is_none());
    /// ```
    pub fn spec(name: &str) -> Option<&'static OptionSpec> {
        Self::SPECS
            .iter()
            .find(|spec| spec.key == name || spec.field == name)
    }

    /// Whether an extra option may not use `key`: `jwt` and every documented key,
    /// compared without regard to letter case.
    ///
    /// # Usage
    /// ```
    /// use immail_meet_core::MeetOptions;
    /// assert!(MeetOptions::is_reserved_key("JWT"));
    /// assert!(MeetOptions::is_reserved_key("startwithaudiomuted"));
    /// assert!(!MeetOptions::is_reserved_key("hideLogo"));
    /// ```
    pub fn is_reserved_key(key: &str) -> bool {
        key.eq_ignore_ascii_case("jwt")
            || Self::SPECS
                .iter()
                .any(|spec| spec.key.eq_ignore_ascii_case(key))
    }

    /// Checks names (at most [`MAX_NAME_CHARS`] characters) and extras (valid keys,
    /// none reserved).
    pub fn check(&self) -> Result<(), OptionsError> {
        for spec in Self::SPECS {
            if let OptionValue::Text { get, .. } = spec.value {
                if get(self).is_some_and(|text| text.chars().count() > MAX_NAME_CHARS) {
                    return Err(OptionsError::NameTooLong { field: spec.field });
                }
            }
        }
        for (key, _) in &self.extras {
            if Self::is_reserved_key(key) {
                return Err(OptionsError::ReservedExtra(key.clone()));
            }
            let valid = !key.is_empty()
                && key.len() <= MAX_EXTRA_KEY_LEN
                && key
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'));
            if !valid {
                return Err(OptionsError::InvalidExtraKey(key.clone()));
            }
        }
        Ok(())
    }
}

//! The options imMail documents for an embedded meeting, with imMail's defaults.

use std::fmt;

/// Longest first or last name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 256;

/// Query keys this crate writes itself; an extra option may never use one of them
/// (compared without regard to case).
pub const RESERVED_KEYS: [&str; 8] = [
    "jwt",
    "first_name",
    "last_name",
    "start_recording",
    "startWithAudioMuted",
    "startWithVideoMuted",
    "fileRecordingsEnabled",
    "HIDE_INVITE_MORE_HEADER",
];

/// Every option of the vendor's two tables, plus pass-through extras.
///
/// `Default` gives imMail's documented defaults: no names, `start_recording = false`,
/// `start_with_audio_muted = true`, `start_with_video_muted = false`,
/// `file_recordings_enabled = true`, `hide_invite_more_header = false`, no extras.
///
/// # Usage
/// ```
/// use immail_meet::MeetOptions;
/// let options = MeetOptions {
///     first_name: Some("Zoë".into()),
///     start_with_video_muted: true,
///     extras: vec![("hideLogo".into(), "true".into())],
///     ..MeetOptions::default()
/// };
/// assert!(options.check().is_ok());
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetOptions {
    /// `first_name`: the participant's first name (any text; it is percent-encoded).
    pub first_name: Option<String>,
    /// `last_name`: the participant's last name.
    pub last_name: Option<String>,
    /// `start_recording`: start a recording on the participant's first entry.
    pub start_recording: bool,
    /// `startWithAudioMuted`: join with the microphone muted.
    pub start_with_audio_muted: bool,
    /// `startWithVideoMuted`: join with the camera off.
    pub start_with_video_muted: bool,
    /// `fileRecordingsEnabled`: offer file recording.
    pub file_recordings_enabled: bool,
    /// `HIDE_INVITE_MORE_HEADER`: hide the "invite more participants" button.
    pub hide_invite_more_header: bool,
    /// Undocumented options passed through as they are (e.g. `hideLogo`,
    /// `liveStreamingEnabled`). Keys are `A-Z a-z 0-9 _ . -`, at most 64 bytes, and
    /// never one of [`RESERVED_KEYS`].
    pub extras: Vec<(String, String)>,
}

impl Default for MeetOptions {
    fn default() -> Self {
        Self {
            first_name: None,
            last_name: None,
            start_recording: false,
            start_with_audio_muted: true,
            start_with_video_muted: false,
            file_recordings_enabled: true,
            hide_invite_more_header: false,
            extras: Vec::new(),
        }
    }
}

impl MeetOptions {
    /// Checks names and extras.
    pub fn check(&self) -> Result<(), OptionsError> {
        for (field, name) in [
            ("first_name", &self.first_name),
            ("last_name", &self.last_name),
        ] {
            if name
                .as_ref()
                .is_some_and(|n| n.chars().count() > MAX_NAME_CHARS)
            {
                return Err(OptionsError::NameTooLong { field });
            }
        }
        for (key, _) in &self.extras {
            if RESERVED_KEYS.iter().any(|r| r.eq_ignore_ascii_case(key)) {
                return Err(OptionsError::ReservedExtra(key.clone()));
            }
            let valid = !key.is_empty()
                && key.len() <= 64
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

/// Why options were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionsError {
    /// A name longer than [`MAX_NAME_CHARS`] characters.
    NameTooLong {
        /// `first_name` or `last_name`.
        field: &'static str,
    },
    /// An extra option tries to set `jwt` or a documented option.
    ReservedExtra(String),
    /// An extra option's key is empty, too long or has unusual characters.
    InvalidExtraKey(String),
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NameTooLong { field } => {
                write!(f, "{field} is longer than {MAX_NAME_CHARS} characters")
            }
            Self::ReservedExtra(k) => {
                write!(
                    f,
                    "the extra option \"{k}\" would override a documented option or the token"
                )
            }
            Self::InvalidExtraKey(k) => write!(f, "\"{k}\" is not a valid option name"),
        }
    }
}

impl std::error::Error for OptionsError {}

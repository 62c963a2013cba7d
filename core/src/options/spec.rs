//! [`OptionSpec`]: one imMail option as data (its query key, default, label and
//! accessors), and the `meet_options!` macro that defines every option once.

use std::fmt;

use super::MeetOptions;

/// One documented imMail option, as data: what the `src` builder, a component's props
/// and a settings panel read instead of repeating the option.
///
/// Every option is listed in [`MeetOptions::SPECS`], in the order the `src` carries
/// them.
///
/// # Usage
/// A settings panel that shows every switch with its label and imMail's default:
/// ```
/// use immail_meet_core::{MeetOptions, OptionValue};
/// let mut options = MeetOptions::default();
/// for spec in MeetOptions::SPECS {
///     if let OptionValue::Flag { default, set, .. } = spec.value() {
///         println!("[{}] {} ({}, default {default})", spec.key(), spec.label(), spec.description());
///         set(&mut options, !default); // e.g. what the user ticked
///     }
/// }
/// assert!(options.start_recording && !options.start_with_audio_muted);
/// let spec = MeetOptions::spec("startWithVideoMuted").unwrap();
/// assert_eq!((spec.field(), spec.label()), ("start_with_video_muted", "Join with camera off"));
/// ```
///
/// # Server-Side Rendering
/// Pure data: works the same on the server and in the browser.
#[derive(Clone, Copy, Debug)]
pub struct OptionSpec {
    pub(super) field: &'static str,
    pub(super) key: &'static str,
    pub(super) label: &'static str,
    pub(super) doc: &'static str,
    pub(super) value: OptionValue,
}

impl OptionSpec {
    /// The Rust name: the [`MeetOptions`] field (and a component's prop), e.g.
    /// `start_with_audio_muted`.
    pub fn field(&self) -> &'static str {
        self.field
    }

    /// imMail's query key, e.g. `startWithAudioMuted`.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// A short label for a settings panel, e.g. `Join with microphone muted`.
    pub fn label(&self) -> &'static str {
        self.label
    }

    /// One sentence saying what the option does (the field's documentation).
    pub fn description(&self) -> &'static str {
        self.doc.trim()
    }

    /// The kind of value, with its default and accessors.
    pub fn value(&self) -> OptionValue {
        self.value
    }

    /// The value `options` sends for this option: a non-empty text, or `true`/`false`.
    pub fn query_value<'o>(&self, options: &'o MeetOptions) -> Option<&'o str> {
        match self.value {
            OptionValue::Text { get, .. } => get(options).filter(|text| !text.is_empty()),
            OptionValue::Flag { get, .. } => Some(if get(options) { "true" } else { "false" }),
        }
    }
}

/// The kind of value an option takes, and how to read and write it on [`MeetOptions`].
///
/// # Usage
/// ```
/// use immail_meet_core::{MeetOptions, OptionValue};
/// let mut options = MeetOptions::default();
/// match MeetOptions::spec("first_name").unwrap().value() {
///     OptionValue::Text { set, get } => {
///         set(&mut options, Some("Zoë".into()));
///         assert_eq!(get(&options), Some("Zoë"));
///     }
///     OptionValue::Flag { .. } => unreachable!("a name is text"),
/// }
/// ```
#[derive(Clone, Copy)]
pub enum OptionValue {
    /// A text, such as a name: sent when present and not empty.
    Text {
        /// Reads it.
        get: fn(&MeetOptions) -> Option<&str>,
        /// Writes it.
        set: fn(&mut MeetOptions, Option<String>),
    },
    /// A switch: always sent, as `true` or `false`.
    Flag {
        /// imMail's documented default.
        default: bool,
        /// Reads it.
        get: fn(&MeetOptions) -> bool,
        /// Writes it.
        set: fn(&mut MeetOptions, bool),
    },
}

impl fmt::Debug for OptionValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text { .. } => f.write_str("Text"),
            Self::Flag { default, .. } => write!(f, "Flag {{ default: {default} }}"),
        }
    }
}

/// Defines [`MeetOptions`] (its fields, their documentation, `Default`) and
/// [`MeetOptions::SPECS`] from one entry per option:
///
/// ```text
/// /// What it does (the field's documentation and the spec's description).
/// field_name: Flag = default, key "queryKey", label "Label for a settings panel";
/// field_name: Text, key "query_key", label "Label";
/// ```
macro_rules! meet_options {
    ($(
        $(#[doc = $doc:literal])+
        $field:ident: $kind:ident $(= $default:literal)?, key $key:literal, label $label:literal;
    )+) => {
        /// The participant's names and every option of the vendor's two tables, plus
        /// pass-through extras.
        ///
        /// `Default` gives imMail's documented defaults (see each field). Each option
        /// is defined once, in `options/mod.rs`; [`MeetOptions::SPECS`] describes
        /// them as data.
        ///
        /// # Usage
        /// ```
        /// use immail_meet_core::MeetOptions;
        /// let options = MeetOptions {
        ///     first_name: Some("Zoë".into()),
        ///     start_with_video_muted: true,
        ///     extras: vec![("hideLogo".into(), "true".into())],
        ///     ..MeetOptions::default()
        /// };
        /// assert!(options.check().is_ok());
        /// assert!(options.start_with_audio_muted, "imMail's default");
        /// ```
        ///
        /// # Server-Side Rendering
        /// Pure data and logic: works the same on the server and in the browser.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct MeetOptions {
            $(
                $(#[doc = $doc])+
                #[doc = ""]
                #[doc = concat!("Query key `", $key, "`", $(", imMail's default `", $default, "`",)? ".")]
                pub $field: meet_options!(@type $kind),
            )+
            /// Undocumented options passed through as they are (e.g. `hideLogo`,
            /// `liveStreamingEnabled`), after the documented ones. Keys are
            /// `A-Z a-z 0-9 _ . -`, at most [`MAX_EXTRA_KEY_LEN`](crate::MAX_EXTRA_KEY_LEN)
            /// bytes, and never `jwt` or a documented key (in any letter case).
            pub extras: Vec<(String, String)>,
        }

        impl Default for MeetOptions {
            fn default() -> Self {
                Self {
                    $($field: meet_options!(@default $kind $($default)?),)+
                    extras: Vec::new(),
                }
            }
        }

        impl MeetOptions {
            /// Every documented option, as data, in the order the `src` carries them
            /// (texts before the token, switches after it).
            pub const SPECS: &'static [OptionSpec] = &[$(
                OptionSpec {
                    field: stringify!($field),
                    key: $key,
                    label: $label,
                    doc: concat!($($doc),+),
                    value: meet_options!(@value $kind $field $($default)?),
                },
            )+];
        }
    };
    (@type Text) => { Option<String> };
    (@type Flag) => { bool };
    (@default Text) => { None };
    (@default Flag $default:literal) => { $default };
    (@value Text $field:ident) => {
        OptionValue::Text {
            get: |options| options.$field.as_deref(),
            set: |options, text| options.$field = text,
        }
    };
    (@value Flag $field:ident $default:literal) => {
        OptionValue::Flag {
            default: $default,
            get: |options| options.$field,
            set: |options, on| options.$field = on,
        }
    };
}

pub(super) use meet_options;

//! Options, their one definition, and the iframe `src`. Run natively and (with the same
//! assertions) in the browser.

mod common;

use common::HOSTILE_NAMES;
use immail_meet_core::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn meeting_url() -> MeetingUrl {
    AllowedHosts::default()
        .check("https://web.immail.ca/meet/abc")
        .unwrap()
}

#[test]
fn options_defaults_follow_the_vendor() {
    let o = MeetOptions::default();
    assert_eq!((o.first_name, o.last_name), (None, None));
    assert!(!o.start_recording && o.start_with_audio_muted && !o.start_with_video_muted);
    assert!(o.file_recordings_enabled && !o.hide_invite_more_header && o.extras.is_empty());
}

#[test]
fn each_option_is_defined_once_and_readable_as_data() {
    let keys: Vec<&str> = MeetOptions::SPECS.iter().map(OptionSpec::key).collect();
    assert_eq!(
        keys,
        [
            "first_name",
            "last_name",
            "start_recording",
            "startWithAudioMuted",
            "startWithVideoMuted",
            "fileRecordingsEnabled",
            "HIDE_INVITE_MORE_HEADER"
        ]
    );
    // The defaults the specs state are `Default`'s, and the accessors reach the fields.
    let mut options = MeetOptions::default();
    for spec in MeetOptions::SPECS {
        assert!(!spec.label().is_empty() && spec.description().ends_with('.'));
        assert!(!spec.description().starts_with(' '));
        match spec.value() {
            OptionValue::Flag { default, get, set } => {
                assert_eq!(get(&options), default, "{}", spec.key());
                set(&mut options, !default);
                assert_eq!(get(&options), !default, "{}", spec.key());
            }
            OptionValue::Text { get, set } => {
                assert_eq!(get(&options), None);
                set(&mut options, Some(spec.field().to_uppercase()));
            }
        }
    }
    assert_eq!(
        options,
        MeetOptions {
            first_name: Some("FIRST_NAME".into()),
            last_name: Some("LAST_NAME".into()),
            start_recording: true,
            start_with_audio_muted: false,
            start_with_video_muted: true,
            file_recordings_enabled: false,
            hide_invite_more_header: true,
            extras: Vec::new(),
        }
    );
    let spec = MeetOptions::spec("fileRecordingsEnabled").unwrap();
    assert_eq!(spec.field(), "file_recordings_enabled");
    assert_eq!(
        MeetOptions::spec("file_recordings_enabled").unwrap().key(),
        spec.key()
    );
    assert_eq!(spec.query_value(&MeetOptions::default()), Some("true"));
    assert_eq!(format!("{:?}", spec.value()), "Flag { default: true }");
}

#[test]
fn extras_never_override_documented_keys() {
    for key in [
        "jwt",
        "JWT",
        "first_name",
        "FIRST_NAME",
        "startWithAudioMuted",
        "startwithaudiomuted",
        "hide_invite_more_header",
    ] {
        let o = MeetOptions {
            extras: vec![(key.into(), "x".into())],
            ..Default::default()
        };
        assert_eq!(
            o.check(),
            Err(OptionsError::ReservedExtra(key.into())),
            "{key}"
        );
    }
    for key in ["", "a b", "a&b", "x=y", &"k".repeat(MAX_EXTRA_KEY_LEN + 1)] {
        let o = MeetOptions {
            extras: vec![(key.into(), "x".into())],
            ..Default::default()
        };
        assert_eq!(
            o.check(),
            Err(OptionsError::InvalidExtraKey(key.into())),
            "{key:?}"
        );
    }
    let long = MeetOptions {
        last_name: Some("x".repeat(MAX_NAME_CHARS + 1)),
        ..Default::default()
    };
    assert_eq!(
        long.check(),
        Err(OptionsError::NameTooLong { field: "last_name" })
    );
    let longest = MeetOptions {
        first_name: Some("é".repeat(MAX_NAME_CHARS)),
        ..Default::default()
    };
    assert_eq!(longest.check(), Ok(()), "counted in characters");
}

#[test]
fn src_has_every_option_in_order() {
    let options = MeetOptions {
        first_name: Some("Zoë".into()),
        last_name: Some("x&start_recording=true#".into()),
        start_recording: true,
        extras: vec![("hideLogo".into(), "true".into())],
        ..Default::default()
    };
    let src = MeetingSrc::build(&meeting_url(), &Jwt::new("h.p.s"), &options).unwrap();
    assert_eq!(
        src.expose_secret(),
        "https://web.immail.ca/meet/abc?first_name=Zo%C3%AB&last_name=x%26start_recording%3Dtrue%23&jwt=h.p.s\
         &start_recording=true&startWithAudioMuted=true&startWithVideoMuted=false\
         &fileRecordingsEnabled=true&HIDE_INVITE_MORE_HEADER=false&hideLogo=true"
    );
    assert_eq!(format!("{src:?}"), "MeetingSrc(<redacted>)");
    assert_eq!(src.to_string(), "<redacted>");
    let empty_names = MeetOptions {
        first_name: Some(String::new()),
        ..Default::default()
    };
    assert!(
        !MeetingSrc::build(&meeting_url(), &Jwt::new("h.p.s"), &empty_names)
            .unwrap()
            .expose_secret()
            .contains("first_name")
    );
}

#[test]
fn hostile_names_stay_names() {
    for name in HOSTILE_NAMES {
        let options = MeetOptions {
            first_name: Some((*name).into()),
            last_name: Some((*name).into()),
            ..Default::default()
        };
        let src = MeetingSrc::build(&meeting_url(), &Jwt::new("h.p.s"), &options).unwrap();
        let query = src.expose_secret().split_once('?').unwrap().1;
        assert!(!query.contains('#'), "{name:?}");
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        assert_eq!(pairs[0], ("first_name".into(), (*name).into()));
        assert_eq!(pairs[1], ("last_name".into(), (*name).into()));
        assert_eq!(pairs[2], ("jwt".into(), "h.p.s".into()));
        assert_eq!(pairs.len(), 8, "{name:?}: no parameter added or dropped");
    }
}

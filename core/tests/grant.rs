//! Grant validation, rules checked when built, expiry, and the one step from an answer
//! to a `src`. Run natively and (with the same assertions) in the browser.

mod common;

use common::{answer, expired_token, fresh_token, token, NOW};
use immail_meet_core::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[test]
fn grant_validation() {
    let rules = GrantRules::default();
    let grant = rules
        .validate(
            answer("https://web.immail.ca/meet/abc", &fresh_token()),
            NOW,
        )
        .unwrap();
    assert_eq!(grant.meeting_url().room().as_str(), "abc");
    assert_eq!(grant.expires_at(), Some(4_102_444_800.0));
    assert!(!grant.is_expired(NOW) && grant.is_expired(4_102_444_795.0));

    let by_room = GrantResponse {
        room_name: Some("abc".into()),
        jwt: Jwt::new(fresh_token()),
        ..Default::default()
    };
    let grant = rules.validate(by_room.clone(), NOW).unwrap();
    assert_eq!(
        grant.meeting_url().to_string(),
        "https://web.immail.ca/meet/abc"
    );
    let bad_room = GrantResponse {
        room_name: Some("../admin".into()),
        ..by_room.clone()
    };
    assert_eq!(
        rules.validate(bad_room, NOW),
        Err(MeetError::Grant(GrantError::MeetingUrl(
            MeetingUrlError::InvalidRoomName
        )))
    );
    let both = GrantResponse {
        meeting_url: Some("https://web.immail.ca/meet/abc".into()),
        ..by_room
    };
    assert_eq!(
        rules.validate(both, NOW),
        Err(MeetError::Grant(GrantError::Ambiguous))
    );
    let neither = GrantResponse {
        jwt: Jwt::new(fresh_token()),
        ..Default::default()
    };
    assert_eq!(
        rules.validate(neither, NOW),
        Err(MeetError::Grant(GrantError::MissingField("meeting_url")))
    );
    assert!(matches!(
        rules.validate(answer("https://web.immail.ca/meet/abc", "not-a-jwt"), NOW),
        Err(MeetError::Grant(GrantError::Jwt(JwtError::NotThreeParts)))
    ));
    let normalised = rules
        .validate(
            answer("HTTPS://WEB.immail.ca:443/meet/abc", &fresh_token()),
            NOW,
        )
        .unwrap();
    assert_eq!(
        normalised.meeting_url().to_string(),
        "https://web.immail.ca/meet/abc"
    );
}

#[test]
fn rules_are_checked_when_built() {
    let elsewhere = MeetingHost::parse("meet.example.com").unwrap();
    assert_eq!(
        GrantRules::new(AllowedHosts::default(), elsewhere.clone()),
        Err(MeetError::Rules(MeetingUrlError::HostNotAllowed {
            host: "meet.example.com".into(),
            entry: Some(elsewhere.clone()),
        }))
    );
    assert_eq!(
        GrantRules::new(AllowedHosts::default(), elsewhere.clone())
            .unwrap_err()
            .to_string(),
        "The meeting settings are wrong: the meeting host \"meet.example.com\" is not allowed; add \"https://meet.example.com/meet/\" to <MeetEmbed allowed_hosts>."
    );
    let rules = GrantRules::new(
        AllowedHosts::default().with_host(elsewhere.clone()),
        elsewhere,
    )
    .unwrap();
    let grant = rules
        .validate(
            GrantResponse {
                room_name: Some("abc".into()),
                jwt: Jwt::new(fresh_token()),
                ..Default::default()
            },
            NOW,
        )
        .unwrap();
    assert_eq!(
        grant.meeting_url().to_string(),
        "https://meet.example.com/meet/abc"
    );
    assert!(rules
        .validate(
            answer("https://web.immail.ca/meet/abc", &fresh_token()),
            NOW
        )
        .is_ok());
    assert_eq!(
        GrantRules::default().meeting_base(),
        &MeetingHost::default()
    );
}

#[test]
fn expiry_from_token_or_expires_at() {
    let rules = GrantRules::default();
    let expired = rules.validate(
        answer("https://web.immail.ca/meet/abc", &expired_token()),
        NOW,
    );
    assert_eq!(expired, Err(MeetError::Grant(GrantError::Expired)));
    assert!(expired.unwrap_err().is_transient());
    let stated = |at: &str| GrantResponse {
        expires_at: Some(at.into()),
        ..answer("https://web.immail.ca/meet/abc", &fresh_token())
    };
    assert_eq!(
        rules.validate(stated("2020-01-01T00:00:00Z"), NOW),
        Err(MeetError::Grant(GrantError::Expired))
    );
    assert_eq!(
        rules.validate(stated("yesterday"), NOW),
        Err(MeetError::Grant(GrantError::BadExpiresAt))
    );
    let ok = rules.validate(stated("2030-01-01T00:00:00Z"), NOW).unwrap();
    assert_eq!(ok.expires_at(), Some(1_893_456_000.0));
    // Within the safety margin counts as expired.
    let soon = token(&format!(r#"{{"exp":{}}}"#, NOW + EXPIRY_MARGIN_SECS - 5.0));
    assert_eq!(
        rules.validate(answer("https://web.immail.ca/meet/abc", &soon), NOW),
        Err(MeetError::Grant(GrantError::Expired))
    );
}

#[test]
fn one_step_from_an_answer_to_a_src_with_one_error_type() {
    fn src(json: &str, options: &MeetOptions) -> Result<MeetingSrc, MeetError> {
        let rules = GrantRules::new(
            AllowedHosts::default().with("http://127.0.0.1:8788/sandbox/meet/")?,
            MeetingHost::parse("http://127.0.0.1:8788/sandbox/meet/")?,
        )?;
        rules.validate_json(json, NOW)?.src(options)
    }
    let jwt = fresh_token();
    let by_room = format!(r#"{{"room_name":"abc","jwt":"{jwt}"}}"#);
    let made = src(&by_room, &MeetOptions::default()).unwrap();
    assert_eq!(
        made.expose_secret(),
        format!(
            "http://127.0.0.1:8788/sandbox/meet/abc?jwt={jwt}&start_recording=false\
             &startWithAudioMuted=true&startWithVideoMuted=false&fileRecordingsEnabled=true\
             &HIDE_INVITE_MORE_HEADER=false"
        )
    );
    assert_eq!(made.to_string(), "<redacted>");
    assert_eq!(format!("{made:?}"), "MeetingSrc(<redacted>)");
    assert_eq!(
        made.meeting_url().to_string(),
        "http://127.0.0.1:8788/sandbox/meet/abc"
    );
    let reserved = MeetOptions {
        extras: vec![("jwt".into(), "forged".into())],
        ..Default::default()
    };
    assert_eq!(
        src(&by_room, &reserved),
        Err(MeetError::Options(OptionsError::ReservedExtra(
            "jwt".into()
        )))
    );
    assert_eq!(
        src("<html>", &MeetOptions::default()),
        Err(MeetError::Grant(GrantError::NotJson))
    );
    let hostile = format!(r#"{{"meeting_url":"https://evil.com/meet/abc","jwt":"{jwt}"}}"#);
    assert_eq!(
        src(&hostile, &MeetOptions::default())
            .unwrap_err()
            .to_string(),
        "Could not join: the meeting host \"evil.com\" is not allowed; add \"https://evil.com/meet/\" to <MeetEmbed allowed_hosts>."
    );
}

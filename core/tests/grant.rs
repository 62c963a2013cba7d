//! The grant contract, its validation and the one step from an answer to a `src`. Run
//! natively and (with the same assertions) in the browser.

mod common;

use common::{expired_token, fresh_token, token};
use immail_meet_core::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const NOW: f64 = 1_800_000_000.0;

fn answer(url: &str, jwt: &str) -> GrantResponse {
    GrantResponse {
        meeting_url: Some(url.into()),
        jwt: Jwt::new(jwt),
        ..Default::default()
    }
}

#[test]
fn grant_json_errors_are_distinct() {
    use GrantError::*;
    let parse = GrantResponse::from_json;
    assert_eq!(parse("<html>oops</html>"), Err(NotJson));
    assert_eq!(parse(""), Err(NotJson));
    assert_eq!(parse("[]"), Err(NotAnObject { found: "array" }));
    assert_eq!(parse("null"), Err(NotAnObject { found: "null" }));
    assert_eq!(
        parse(r#"["https://web.immail.ca/meet/a", null, "a.b.c"]"#),
        Err(NotAnObject { found: "array" }),
        "never read as the members in order"
    );
    assert_eq!(
        parse("[]").unwrap_err().to_string(),
        "the grant is a JSON array, not an object"
    );
    assert_eq!(
        parse(r#"{"meeting_url":"https://web.immail.ca/meet/a"}"#),
        Err(MissingField("jwt"))
    );
    assert_eq!(
        parse(r#"{"jwt":null,"room_name":"a"}"#),
        Err(MissingField("jwt"))
    );
    assert_eq!(
        parse(r#"{"jwt":7}"#),
        Err(WrongType {
            field: "jwt",
            expected: "string",
            found: "number"
        })
    );
    assert_eq!(
        parse(r#"{"jwt":"a.b.c","moderator":"true"}"#),
        Err(WrongType {
            field: "moderator",
            expected: "boolean",
            found: "string"
        })
    );
    assert_eq!(
        parse(r#"{"jwt":"a.b.c","meeting_url":{"href":"x"}}"#),
        Err(WrongType {
            field: "meeting_url",
            expected: "string",
            found: "object"
        })
    );
    assert_eq!(
        parse(r#"{"jwt":"a.b.c","meeting_url":["x"]}"#)
            .unwrap_err()
            .to_string(),
        "the grant's \"meeting_url\" is an array, not a string"
    );
    assert_eq!(
        parse(r#"{"jwt":"a.b.c","room_name":"a","version":2}"#),
        Err(UnsupportedVersion)
    );
    assert_eq!(
        parse(r#"{"jwt":"a.b.c","version":2}"#),
        Err(UnsupportedVersion)
    );
    assert_eq!(
        parse(r#"{"jwt":"a.b.c","room_name":"a","version":"1"}"#),
        Err(WrongType {
            field: "version",
            expected: "number",
            found: "string"
        })
    );
    assert_eq!(
        parse(r#"{"jwt":"a.b.c"}"#),
        Err(MissingField("meeting_url"))
    );
    assert_eq!(
        parse(r#"{"jwt":"a.b.c","room_name":"a","meeting_url":"https://web.immail.ca/meet/a"}"#),
        Err(Ambiguous)
    );
    assert_eq!(
        parse(r#"{"jwt":"a.b.c","room_name":"a","expires_at":"tomorrow"}"#),
        Err(BadExpiresAt)
    );
    assert_eq!(
        parse(r#"{"jwt":"a.b.c","room_name":"a","expires_at":"2030-01-01T00:00:00+01:00"}"#),
        Err(BadExpiresAt),
        "the contract wants UTC"
    );
    let deep = format!(
        r#"{{"jwt":"a.b.c","x":{}1{}}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    assert_eq!(parse(&deep), Err(TooDeep));
    let ok = parse(
        r#"{"jwt":"a.b.c","room_name":"abc","unknown":[[[1]]],"version":1,"moderator":null,"meeting_url":null}"#,
    )
    .unwrap();
    assert_eq!(ok.room_name.as_deref(), Some("abc"));
    assert_eq!((ok.moderator, ok.meeting_url), (None, None));
    assert!(
        GrantResponse::from_json(br#"{"jwt":"a.b.c","room_name":"abc","version":1.0}"#).is_ok()
    );
}

#[test]
fn deserialize_accepts_exactly_what_the_contract_reader_accepts() {
    let jwt = fresh_token();
    let samples = [
        format!(r#"{{"jwt":"{jwt}","room_name":"abc"}}"#),
        format!(
            r#"{{"jwt":"{jwt}","meeting_url":"https://web.immail.ca/meet/a","moderator":true,"expires_at":"2030-01-01T00:00:00Z","version":1}}"#
        ),
        format!(r#"{{"jwt":"{jwt}","room_name":"abc","extra":{{"a":[1,2]}},"moderator":null}}"#),
        format!(
            r#"{{"jwt":"{jwt}","room_name":"abc","meeting_url":"https://web.immail.ca/meet/a"}}"#
        ),
        format!(r#"{{"jwt":"{jwt}"}}"#),
        format!(r#"{{"jwt":"{jwt}","room_name":"abc","version":2}}"#),
        format!(r#"{{"jwt":"{jwt}","room_name":"abc","expires_at":"soon"}}"#),
        format!(r#"{{"jwt":"{jwt}","room_name":7}}"#),
        r#"{"room_name":"abc"}"#.to_owned(),
        r#"["jwt"]"#.to_owned(),
        "<html>".to_owned(),
    ];
    for sample in &samples {
        let read = GrantResponse::from_json(sample);
        let derived = serde_json::from_str::<GrantResponse>(sample);
        match (&read, &derived) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{sample}"),
            (Err(a), Err(b)) if !matches!(a, GrantError::NotJson) => {
                assert_eq!(a.to_string(), b.to_string(), "{sample}")
            }
            (Err(_), Err(_)) => {}
            _ => panic!("{sample}: {read:?} but {derived:?}"),
        }
    }
    // A Rust backend's answer reads back as itself.
    let sent = GrantResponse {
        meeting_url: Some("https://web.immail.ca/meet/a".into()),
        jwt: Jwt::new(jwt),
        moderator: Some(false),
        expires_at: Some("2030-01-01T00:00:00.000Z".into()),
        ..Default::default()
    };
    let json = serde_json::to_string(&sent).unwrap();
    assert_eq!(GrantResponse::from_json(&json).unwrap(), sent);
    assert!(
        !format!("{sent:?}").contains("eyJ"),
        "the token stays redacted"
    );
}

#[test]
fn jwt_is_redacted_and_shape_checked() {
    let jwt = Jwt::new(fresh_token());
    assert_eq!(format!("{jwt:?}"), "Jwt(<redacted>)");
    assert_eq!(jwt.to_string(), "<redacted JWT>");
    assert_eq!(jwt.claims().unwrap().expires_at, Some(4_102_444_800.0));
    assert_eq!(Jwt::new("").claims(), Err(JwtError::Empty));
    assert_eq!(Jwt::new("a.b").claims(), Err(JwtError::NotThreeParts));
    assert_eq!(Jwt::new("a..c").claims(), Err(JwtError::NotThreeParts));
    assert_eq!(Jwt::new("a.b.c.d").claims(), Err(JwtError::NotThreeParts));
    assert_eq!(Jwt::new("a+b.c/d.e=").claims(), Err(JwtError::NotBase64Url));
    assert_eq!(
        Jwt::new(fresh_token() + "=").claims(),
        Err(JwtError::NotBase64Url)
    );
    assert_eq!(
        Jwt::new("bm90IGpzb24.bm90IGpzb24.c2ln").claims(),
        Err(JwtError::NotJsonObject)
    );
    assert_eq!(
        Jwt::new(token("[1,2]")).claims(),
        Err(JwtError::NotJsonObject)
    );
    assert_eq!(
        Jwt::new("x".repeat(9000) + ".a.b").claims(),
        Err(JwtError::TooLong)
    );
}

#[test]
fn an_exp_claim_of_the_wrong_type_is_malformed_not_eternal() {
    for (payload, found) in [
        (r#"{"exp":"1000"}"#, "string"),
        (r#"{"exp":true}"#, "boolean"),
        (r#"{"exp":[1]}"#, "array"),
        (r#"{"exp":{"at":1}}"#, "object"),
    ] {
        let refused = Jwt::new(token(payload)).claims();
        assert_eq!(
            refused,
            Err(JwtError::WrongClaimType {
                claim: "exp",
                expected: "a number",
                found
            }),
            "{payload}"
        );
    }
    assert_eq!(
        Jwt::new(token(r#"{"exp":"1000"}"#))
            .claims()
            .unwrap_err()
            .to_string(),
        "the participant token's \"exp\" claim is a string, not a number"
    );
    let refused = GrantRules::default().validate(
        answer(
            "https://web.immail.ca/meet/abc",
            &token(r#"{"exp":"1000"}"#),
        ),
        NOW,
    );
    assert!(matches!(
        refused,
        Err(MeetError::Grant(GrantError::Jwt(
            JwtError::WrongClaimType { .. }
        )))
    ));
    // `null` is an absent claim; a fraction is a number.
    assert_eq!(
        Jwt::new(token(r#"{"exp":null}"#))
            .claims()
            .unwrap()
            .expires_at,
        None
    );
    assert_eq!(
        Jwt::new(token(r#"{"exp":4102444800.5}"#))
            .claims()
            .unwrap()
            .expires_at,
        Some(4_102_444_800.5)
    );
}

#[test]
fn moderator_claim_is_read_in_its_usual_forms() {
    let moderator = |payload: &str| Jwt::new(token(payload)).claims().unwrap().moderator;
    assert_eq!(moderator(r#"{"moderator":true}"#), Some(true));
    assert_eq!(moderator(r#"{"role":"guest"}"#), Some(false));
    assert_eq!(moderator(r#"{"role":"Moderator"}"#), Some(true));
    assert_eq!(
        moderator(r#"{"context":{"user":{"moderator":"true"}}}"#),
        Some(true)
    );
    assert_eq!(
        moderator(r#"{"context":{"user":{"moderator":false}}}"#),
        Some(false)
    );
    assert_eq!(
        moderator(r#"{"moderator":false,"role":"moderator"}"#),
        Some(false)
    );
    // Display-only claims in another form are ignored, never refused.
    assert_eq!(moderator(r#"{"moderator":"yes"}"#), None);
    assert_eq!(moderator(r#"{"role":7,"context":"x"}"#), None);
    assert_eq!(moderator("{}"), None);
}

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
        Err(MeetError::Rules(MeetingUrlError::HostNotAllowed(
            "https://meet.example.com/meet/".into()
        )))
    );
    assert_eq!(
        GrantRules::new(AllowedHosts::default(), elsewhere.clone())
            .unwrap_err()
            .to_string(),
        "The meeting settings are wrong: the meeting host \"https://meet.example.com/meet/\" is not an allowed meeting host."
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
        "Could not join: the meeting host \"evil.com\" is not an allowed meeting host."
    );
}

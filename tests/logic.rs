//! The pure core, run natively and (with the same assertions) in the browser, where
//! JSON goes through `JSON.parse` instead of `serde_json`.

mod common;

use common::{expired_token, fresh_token, token, REFUSED_URLS};
use immail_meet::*;
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
fn accepts_immail_meeting_urls() {
    let hosts = AllowedHosts::default();
    for url in [
        "https://web.immail.ca/meet/19wda8xxxs8eas8q",
        "https://web.immail.ca/meet/75769f9a-1f49",
    ] {
        let checked = hosts.check(url).unwrap();
        assert_eq!(checked.to_string(), url);
    }
    assert_eq!(
        hosts
            .check("https://web.immail.ca/meet/abc_DEF-1")
            .unwrap()
            .room()
            .as_str(),
        "abc_DEF-1"
    );
}

#[test]
fn refuses_every_hostile_meeting_url_with_a_reason() {
    let hosts = AllowedHosts::default();
    for (url, why) in REFUSED_URLS {
        let error = hosts.check(url).expect_err(why);
        assert!(!error.to_string().is_empty(), "{why}");
    }
}

#[test]
fn refusal_reasons_are_specific() {
    use MeetingUrlError::*;
    let hosts = AllowedHosts::default();
    let check = |u: &str| hosts.check(u).unwrap_err();
    assert_eq!(
        check("javascript:alert(1)"),
        SchemeNotAllowed("javascript".into())
    );
    assert_eq!(check("data:text/html,x"), SchemeNotAllowed("data".into()));
    assert_eq!(
        check("blob:https://web.immail.ca/x"),
        SchemeNotAllowed("blob".into())
    );
    assert_eq!(check("/meet/abc"), Relative);
    assert_eq!(check("//web.immail.ca/meet/abc"), ProtocolRelative);
    assert_eq!(check("http://web.immail.ca/meet/abc"), InsecureScheme);
    assert_eq!(
        check("https://web.immail.ca.evil.com/meet/abc"),
        HostNotAllowed {
            host: "web.immail.ca.evil.com".into(),
            entry: Some(MeetingHost::parse("https://web.immail.ca.evil.com/meet/").unwrap())
        }
    );
    assert_eq!(
        check("https://WEB.immail.ca/meet/abc"),
        MalformedHost("WEB.immail.ca".into())
    );
    assert_eq!(
        check("https://web.immail.ca./meet/abc"),
        MalformedHost("web.immail.ca.".into())
    );
    assert_eq!(check("https://u@web.immail.ca/meet/abc"), HasUserInfo);
    assert_eq!(check("https://web.immail.ca/meet/abc?x=1"), HasQuery);
    assert_eq!(check("https://web.immail.ca/meet/abc#x"), HasFragment);
    assert_eq!(check("https://web.immail.ca/meet/a.b"), InvalidRoomName);
    assert_eq!(check("https://web.immail.ca/meeting/abc"), PathNotAllowed);
    assert_eq!(check("https://wеb.immail.ca/meet/abc"), InvalidCharacter);
    assert_eq!(check(""), Empty);
}

#[test]
fn http_only_for_explicitly_allowed_loopback_sandboxes() {
    assert_eq!(
        AllowedHosts::default()
            .with("http://example.com/meet/")
            .unwrap_err(),
        MeetingUrlError::HttpNotLoopback("example.com".into())
    );
    assert!(AllowedHosts::default()
        .with("http://10.0.0.1:80/meet/")
        .is_err());
    let hosts = AllowedHosts::default()
        .with("http://127.0.0.1:8787/sandbox/meet/")
        .unwrap();
    assert!(hosts
        .check("http://127.0.0.1:8787/sandbox/meet/abc")
        .is_ok());
    assert_eq!(
        hosts
            .check("http://127.0.0.1:8788/sandbox/meet/abc")
            .unwrap_err(),
        MeetingHost::parse("http://127.0.0.1:8788/sandbox/meet/")
            .unwrap()
            .not_allowed()
    );
    assert_eq!(
        hosts.check("http://127.0.0.1:8787/meet/abc").unwrap_err(),
        MeetingUrlError::PathNotAllowed
    );
    assert!(hosts
        .check("http://localhost:8787/sandbox/meet/abc")
        .is_err());
    for entry in [
        "http://localhost:3000/x/",
        "http://[::1]:3000/meet/",
        "http://127.1.2.3/meet/",
    ] {
        assert!(MeetingHost::parse(entry).is_ok(), "{entry}");
    }
    assert!(MeetingHost::parse("ftp://web.immail.ca/meet/").is_err());
    assert!(MeetingHost::parse("https://web.immail.ca/meet").is_err());
}

#[test]
fn custom_hosts_and_bases() {
    let hosts =
        AllowedHosts::new(["meet.example.com", "https://video.example.org:8443/rooms/"]).unwrap();
    assert!(hosts.check("https://meet.example.com/meet/x").is_ok());
    assert!(hosts
        .check("https://video.example.org:8443/rooms/x")
        .is_ok());
    assert!(hosts.check("https://web.immail.ca/meet/x").is_err());
    assert_eq!(
        MeetingHost::parse("Meet.Example.com").unwrap().host(),
        "meet.example.com"
    );
}

#[test]
fn room_names_are_checked() {
    assert!(RoomName::parse("19wda8xxxs8eas8q").is_ok());
    for bad in ["", "a/b", "..", "a b", "a?b", "é", &"x".repeat(129)] {
        assert_eq!(
            RoomName::parse(bad),
            Err(MeetingUrlError::InvalidRoomName),
            "{bad:?}"
        );
    }
}

#[test]
fn jwt_is_redacted_and_shape_checked() {
    let jwt = Jwt::new(fresh_token());
    assert_eq!(format!("{jwt:?}"), "Jwt(<redacted>)");
    assert_eq!(jwt.to_string(), "<redacted JWT>");
    assert!(!format!(
        "{:?}",
        answer("https://web.immail.ca/meet/a", &fresh_token())
    )
    .contains(&fresh_token()));
    assert_eq!(jwt.claims().unwrap().expires_at, Some(4_102_444_800.0));
    assert_eq!(Jwt::new("").claims(), Err(JwtError::Empty));
    assert_eq!(Jwt::new("a.b").claims(), Err(JwtError::NotThreeParts));
    assert_eq!(Jwt::new("a..c").claims(), Err(JwtError::NotThreeParts));
    assert_eq!(Jwt::new("a+b.c/d.e=").claims(), Err(JwtError::NotBase64Url));
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
    assert_eq!(moderator(r#"{"moderator":"yes"}"#), None);
    assert_eq!(moderator("{}"), None);
}

#[test]
fn grant_json_errors_are_distinct() {
    use GrantError::*;
    let parse = GrantResponse::from_json;
    assert_eq!(parse("<html>oops</html>"), Err(NotJson));
    assert_eq!(parse("[]"), Err(NotAnObject { found: "array" }));
    assert_eq!(parse("null"), Err(NotAnObject { found: "null" }));
    assert_eq!(
        parse(r#"{"meeting_url":"https://web.immail.ca/meet/a"}"#),
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
        parse(r#"{"jwt":"a.b.c","version":2}"#),
        Err(UnsupportedVersion)
    );
    let deep = format!(
        r#"{{"jwt":"a.b.c","x":{}1{}}}"#,
        "[".repeat(30),
        "]".repeat(30)
    );
    assert_eq!(parse(&deep), Err(TooDeep));
    let ok =
        parse(r#"{"jwt":"a.b.c","room_name":"abc","unknown":[1],"version":1,"moderator":null}"#)
            .unwrap();
    assert_eq!(ok.room_name.as_deref(), Some("abc"));
    assert_eq!(ok.moderator, None);
}

#[test]
fn grant_validation() {
    let rules = GrantRules::default();
    let grant = Grant::validate(
        answer("https://web.immail.ca/meet/abc", &fresh_token()),
        &rules,
        NOW,
    )
    .unwrap();
    assert_eq!(grant.meeting_url.room().as_str(), "abc");
    assert_eq!(grant.expires_at, Some(4_102_444_800.0));

    let by_room = GrantResponse {
        room_name: Some("abc".into()),
        jwt: Jwt::new(fresh_token()),
        ..Default::default()
    };
    let grant = Grant::validate(by_room.clone(), &rules, NOW).unwrap();
    assert_eq!(
        grant.meeting_url.to_string(),
        "https://web.immail.ca/meet/abc"
    );

    let elsewhere = GrantRules {
        meeting_base: MeetingHost::parse("meet.example.com").unwrap(),
        ..rules.clone()
    };
    assert!(matches!(
        Grant::validate(by_room.clone(), &elsewhere, NOW),
        Err(GrantError::MeetingUrl(
            MeetingUrlError::HostNotAllowed { .. }
        ))
    ));
    let both = GrantResponse {
        meeting_url: Some("https://web.immail.ca/meet/abc".into()),
        ..by_room
    };
    assert_eq!(
        Grant::validate(both, &rules, NOW),
        Err(GrantError::Ambiguous)
    );
    let neither = GrantResponse {
        jwt: Jwt::new(fresh_token()),
        ..Default::default()
    };
    assert_eq!(
        Grant::validate(neither, &rules, NOW),
        Err(GrantError::MissingField("meeting_url"))
    );
    assert!(matches!(
        Grant::validate(
            answer("https://web.immail.ca/meet/abc", "not-a-jwt"),
            &rules,
            NOW
        ),
        Err(GrantError::Jwt(JwtError::NotThreeParts))
    ));
}

#[test]
fn expiry_from_token_or_expires_at() {
    let rules = GrantRules::default();
    let expired = Grant::validate(
        answer("https://web.immail.ca/meet/abc", &expired_token()),
        &rules,
        NOW,
    );
    assert_eq!(expired, Err(GrantError::Expired));
    let stated = |at: &str| GrantResponse {
        expires_at: Some(at.into()),
        ..answer("https://web.immail.ca/meet/abc", &fresh_token())
    };
    assert_eq!(
        Grant::validate(stated("2020-01-01T00:00:00Z"), &rules, NOW),
        Err(GrantError::Expired)
    );
    assert_eq!(
        Grant::validate(stated("yesterday"), &rules, NOW),
        Err(GrantError::BadExpiresAt)
    );
    let ok = Grant::validate(stated("2030-01-01T00:00:00Z"), &rules, NOW).unwrap();
    assert_eq!(ok.expires_at, Some(1_893_456_000.0));
    // Within the safety margin counts as expired.
    let soon = token(&format!(r#"{{"exp":{}}}"#, NOW + 5.0));
    assert_eq!(
        Grant::validate(answer("https://web.immail.ca/meet/abc", &soon), &rules, NOW),
        Err(GrantError::Expired)
    );
}

#[test]
fn options_defaults_follow_the_vendor() {
    let o = MeetOptions::default();
    assert_eq!((o.first_name, o.last_name), (None, None));
    assert!(!o.start_recording && o.start_with_audio_muted && !o.start_with_video_muted);
    assert!(o.file_recordings_enabled && !o.hide_invite_more_header && o.extras.is_empty());
}

#[test]
fn extras_never_override_documented_keys() {
    for key in [
        "jwt",
        "JWT",
        "first_name",
        "startWithAudioMuted",
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
    for key in ["", "a b", "a&b", "x=y"] {
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
        last_name: Some("x".repeat(257)),
        ..Default::default()
    };
    assert_eq!(
        long.check(),
        Err(OptionsError::NameTooLong { field: "last_name" })
    );
}

#[test]
fn src_has_every_option_in_order() {
    let url = AllowedHosts::default()
        .check("https://web.immail.ca/meet/abc")
        .unwrap();
    let options = MeetOptions {
        first_name: Some("Zoë".into()),
        last_name: Some("x&start_recording=true#".into()),
        start_recording: true,
        extras: vec![("hideLogo".into(), "true".into())],
        ..Default::default()
    };
    let src = MeetingSrc::build(&url, &Jwt::new("h.p.s"), &options).unwrap();
    assert_eq!(
        src.expose_secret(),
        "https://web.immail.ca/meet/abc?first_name=Zo%C3%AB&last_name=x%26start_recording%3Dtrue%23&jwt=h.p.s\
         &start_recording=true&startWithAudioMuted=true&startWithVideoMuted=false\
         &fileRecordingsEnabled=true&HIDE_INVITE_MORE_HEADER=false&hideLogo=true"
    );
    assert_eq!(format!("{src:?}"), "MeetingSrc(<redacted>)");
    let empty_names = MeetOptions {
        first_name: Some(String::new()),
        ..Default::default()
    };
    assert!(!MeetingSrc::build(&url, &Jwt::new("h.p.s"), &empty_names)
        .unwrap()
        .expose_secret()
        .contains("first_name"));
}

#[test]
fn server_error_bodies_become_messages() {
    let e = GrantFetchError::from_status(
        404,
        r#"{"error":{"code":"room_not_found","message":"No such room"}}"#,
    );
    assert_eq!(
        e,
        GrantFetchError::Status {
            status: 404,
            code: Some("room_not_found".into()),
            message: Some("No such room".into())
        }
    );
    assert_eq!(
        MeetError::from(e).to_string(),
        "Could not join: No such room (HTTP 404)."
    );
    let html = GrantFetchError::from_status(502, "<html>Bad gateway</html>");
    assert_eq!(html.to_string(), "the meeting service answered HTTP 502");
    let long = GrantFetchError::from_status(
        500,
        &format!(r#"{{"error":{{"message":"{}"}}}}"#, "x".repeat(5000)),
    );
    assert!(
        matches!(long, GrantFetchError::Status { message: Some(m), .. } if m.chars().count() == 200)
    );
    assert!(MeetError::Fetch(GrantFetchError::Timeout(10_000)).is_transient());
    assert!(!MeetError::Grant(GrantError::NotJson).is_transient());
}

#[test]
fn a_refused_host_is_named_with_the_entry_that_would_allow_it() {
    let hosts = AllowedHosts::default();
    let refused = |url: &str| hosts.check(url).unwrap_err().to_string();
    // The reference server's sandbox, not yet in the list.
    assert_eq!(
        refused("http://127.0.0.1:8788/sandbox/meet/abc"),
        r#"the meeting host "127.0.0.1:8788" is not allowed; add "http://127.0.0.1:8788/sandbox/meet/" to <MeetEmbed allowed_hosts>"#
    );
    assert_eq!(
        refused("https://meet.example.com/rooms/abc"),
        r#"the meeting host "meet.example.com" is not allowed; add "https://meet.example.com/rooms/" to <MeetEmbed allowed_hosts>"#
    );
    // No entry is suggested where none could allow the URL.
    assert_eq!(
        refused("https://meet.example.com/a.b/abc"),
        r#"the meeting host "meet.example.com" is not in <MeetEmbed allowed_hosts>"#
    );
    assert_eq!(
        refused("http://example.com/meet/abc"),
        "the meeting URL uses plain http, which only a loopback sandbox in <MeetEmbed allowed_hosts> may use"
    );
    // A room name under a meeting base that is not allowed.
    let rules = GrantRules {
        meeting_base: MeetingHost::parse("http://127.0.0.1:8788/sandbox/meet/").unwrap(),
        ..GrantRules::default()
    };
    let by_room = GrantResponse {
        room_name: Some("abc".into()),
        jwt: Jwt::new(fresh_token()),
        ..Default::default()
    };
    assert_eq!(
        Grant::validate(by_room, &rules, NOW)
            .unwrap_err()
            .to_string(),
        r#"the meeting host "127.0.0.1:8788" is not allowed; add "http://127.0.0.1:8788/sandbox/meet/" to <MeetEmbed allowed_hosts>"#
    );
}

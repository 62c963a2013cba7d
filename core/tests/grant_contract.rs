//! The grant contract: the one reader of a backend's answer, and serde's `Deserialize`
//! accepting exactly the same. Run natively and (with the same assertions) in the browser.

mod common;

use common::fresh_token;
use immail_meet_core::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

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

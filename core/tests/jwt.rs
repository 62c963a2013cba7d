//! The participant token: redacted, shape-checked, its claims read (never trusted). Run
//! natively and (with the same assertions) in the browser.

mod common;

use common::{answer, fresh_token, token, NOW};
use immail_meet_core::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

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

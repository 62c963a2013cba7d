//! `FetchError` and `MeetError`: messages, server error bodies, what is worth a retry.
//! Run natively and (with the same assertions) in the browser.

use immail_meet_core::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[test]
fn server_error_bodies_become_messages() {
    let e = FetchError::from_status(
        404,
        r#"{"error":{"code":"room_not_found","message":"No such room"}}"#,
    );
    assert_eq!(
        e,
        FetchError::Status {
            status: 404,
            code: Some("room_not_found".into()),
            message: Some("No such room".into())
        }
    );
    assert_eq!(
        MeetError::from(e).to_string(),
        "Could not join: No such room (HTTP 404)."
    );
    let html = FetchError::from_status(502, "<html>Bad gateway</html>");
    assert_eq!(html.to_string(), "the meeting service answered HTTP 502");
    let long = FetchError::from_status(
        500,
        &format!(r#"{{"error":{{"message":"{}"}}}}"#, "x".repeat(5000)),
    );
    assert!(
        matches!(long, FetchError::Status { message: Some(m), code: None, .. } if m.chars().count() == MAX_SERVER_MESSAGE_CHARS)
    );
    let blank = FetchError::from_status(400, r#"{"error":{"code":"bad","message":"  "}}"#);
    assert_eq!(
        blank,
        FetchError::Status {
            status: 400,
            code: Some("bad".into()),
            message: None
        }
    );
    // The server writes the same type the client reads.
    let body = serde_json::to_string(&ErrorBody::new("forbidden", "Only the moderator.")).unwrap();
    assert_eq!(
        FetchError::from_status(403, &body).to_string(),
        "Only the moderator. (HTTP 403)"
    );
}

#[test]
fn each_failure_reads_as_a_sentence_and_says_whether_to_retry() {
    let cases = [
        (
            FetchError::Network,
            "could not reach the meeting service",
            true,
        ),
        (
            FetchError::Timeout(10_001),
            "the meeting service did not answer within 11 s",
            true,
        ),
        (
            FetchError::TooLarge(MAX_GRANT_BYTES),
            "the meeting service's answer is larger than 16384 bytes",
            false,
        ),
        (
            FetchError::Redirected {
                url: "https://example.com/login?next=%2F".into(),
            },
            "the request was redirected, probably to a sign-in page: sign in and try again",
            false,
        ),
        (FetchError::Source("offline".into()), "offline", true),
        (
            FetchError::Unreadable("it has no \"mode\"".into()),
            "the meeting service's answer cannot be read: it has no \"mode\"",
            false,
        ),
        (
            FetchError::from_status(503, ""),
            "the meeting service answered HTTP 503",
            true,
        ),
        (
            FetchError::from_status(429, ""),
            "the meeting service answered HTTP 429",
            true,
        ),
        (
            FetchError::from_status(403, ""),
            "the meeting service answered HTTP 403",
            false,
        ),
    ];
    for (error, text, transient) in cases {
        assert_eq!(error.to_string(), text);
        assert_eq!(error.is_transient(), transient, "{text}");
        assert_eq!(MeetError::from(error.clone()).is_transient(), transient);
        assert_eq!(
            HistoryError::from(error).to_string(),
            text,
            "history shows the same sentence"
        );
    }
    assert!(!MeetError::Grant(GrantError::NotJson).is_transient());
    assert!(MeetError::Grant(GrantError::Expired).is_transient());
    assert!(!MeetError::NoGrantSource.is_transient());
    assert!(!MeetError::from(MeetingUrlError::Empty).is_transient());
}

//! In imMail mode no secret reaches a log line, even at TRACE level with every library's
//! own logging (reqwest, hyper, rustls): not the API key, not a service token, not a
//! participant JWT, not an upstream body. In its own test binary: tracing caches each
//! callsite's interest process-wide (see logs.rs).

mod common;

use common::immail::*;
use common::*;
use immail_fake::{Endpoint, Fault, UPSTREAM_BODY_MARKER};

#[tokio::test]
async fn no_key_token_or_upstream_body_reaches_a_log_line() {
    let (logs, _guard) = capture_logs();

    let rig = rig().await;
    let (room, host) = create_room(&rig.app.api).await;
    grant(&rig.app.api, &room, Some(&host), "").await;
    grant(&rig.app.api, &room, None, "").await;
    // A rotation (401, refresh, resend), a retried 500, malformed and error answers that
    // carry a token-like value and the marker, a refused key.
    rig.fake.revoke_service_tokens();
    grant(&rig.app.api, &room, Some(&host), "").await;
    rig.fake.push_fault(Endpoint::Token, Fault::status(500));
    grant(&rig.app.api, &room, Some(&host), "").await;
    let issued = rig.fake.participant_tokens();
    let echoed = format!(r#"{{"token": 7, "was": "{}"}}"#, issued[0]);
    rig.fake.push_fault(Endpoint::Token, Fault::ok_body(echoed));
    grant(&rig.app.api, &room, Some(&host), "").await;
    rig.fake.push_fault(
        Endpoint::Token,
        Fault::ok_body(format!("not json {UPSTREAM_BODY_MARKER}")),
    );
    grant(&rig.app.api, &room, Some(&host), "").await;
    rig.fake.push_fault(Endpoint::Schedule, Fault::status(502));
    post_room(&rig.app.api, r#"{"topic":"x"}"#).await;
    rig.fake.revoke_service_tokens();
    rig.fake.push_fault(Endpoint::AuthToken, Fault::status(401));
    grant(&rig.app.api, &room, Some(&host), "").await;

    let logs = logs.text();
    for expected in [
        "imMail service token obtained",
        "imMail refused the service token (401): refreshing",
        "retrying once",
        "the answer's `token` is not a non-empty string",
        "the answer is not JSON",
        "refused the API key or email domain",
        "grant issued",
    ] {
        assert!(logs.contains(expected), "no {expected:?} in: {logs}");
    }
    assert!(
        logs.contains("hyper") || logs.contains("reqwest"),
        "library logs were captured too"
    );
    assert_no_secret_in(&logs, &rig.fake);
    let participant = rig.fake.participant_tokens();
    assert!(participant.len() >= 4);
    for jwt in &participant {
        let signature = jwt.split('.').nth(2).unwrap();
        assert!(
            !logs.contains(signature),
            "a participant JWT leaked: {logs}"
        );
    }
    let session = host.trim_start_matches("immail_meet_visitor=");
    assert!(!logs.contains(session), "a session id leaked: {logs}");
    rig.fake.assert_no_violations();
}

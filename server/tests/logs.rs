//! No secret reaches a log line. In its own test binary: tracing caches each log
//! callsite's interest process-wide, so tests running beside it without a subscriber
//! could silence the lines this test reads.

mod common;

use common::*;

#[tokio::test]
async fn no_token_reaches_a_log_line() {
    let (logs, _guard) = capture_logs();
    let app = app().await;
    let (room, host) = create_room(&app.api).await;
    let grant = grant(&app.api, &room, Some(&host), "").await;
    call(
        &app.api,
        "POST",
        "/api/meet/rooms/nope/grant",
        Some(&host),
        "",
    )
    .await;
    let jwt = grant.body["jwt"].as_str().unwrap();
    let logs = logs.text();
    assert!(logs.contains("grant issued"), "{logs}");
    let session = host.trim_start_matches("immail_meet_visitor=");
    for secret in [jwt, jwt.split('.').nth(2).unwrap(), session] {
        assert!(!logs.contains(secret), "a secret reached the log: {logs}");
    }
}

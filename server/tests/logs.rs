//! No secret reaches a log line, and every line written while a request is served
//! carries its id. In its own test binary: tracing caches each log callsite's interest
//! process-wide, so tests running beside it without a subscriber could silence the
//! lines this test reads.

mod common;

use common::*;

#[tokio::test]
async fn no_token_reaches_a_log_line_and_every_request_line_has_its_id() {
    let (logs, _guard) = capture_logs();
    let app = app().await;
    let (room, host) = create_room(&app.api).await;
    let grant = grant(&app.api, &room, Some(&host), "").await;
    let id = grant.headers["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    call(
        &app.api,
        "POST",
        "/api/meet/rooms/nope/grant",
        Some(&host),
        "",
    )
    .await;
    // An id sent by the client is replaced by the server's own.
    let forged = call_with(
        &app.api,
        "GET",
        "/api/meet/config",
        &[("x-request-id", "eyJforged.client.id")],
        "",
    )
    .await;
    assert_ne!(forged.headers["x-request-id"], "eyJforged.client.id");

    let jwt = grant.body["jwt"].as_str().unwrap();
    let logs = logs.text();
    let issued: Vec<&str> = logs
        .lines()
        .filter(|l| l.contains("grant issued"))
        .collect();
    assert_eq!(issued.len(), 1, "{logs}");
    assert!(issued[0].contains(&format!("request{{id={id}")), "{logs}");
    assert!(
        logs.lines()
            .filter(|l| l.contains("finished processing request"))
            .all(|l| l.contains("request{id=")),
        "{logs}"
    );
    assert!(!logs.contains("eyJforged"), "{logs}");
    let visitor = host.trim_start_matches("immail_meet_visitor=");
    for secret in [jwt, jwt.split('.').nth(2).unwrap(), visitor] {
        assert!(!logs.contains(secret), "a secret reached the log: {logs}");
    }
}

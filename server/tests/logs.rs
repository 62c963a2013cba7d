//! No secret reaches a log line. In its own test binary: tracing caches each log
//! callsite's interest process-wide, so tests running beside it without a subscriber
//! could silence the lines this test reads.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::*;

/// A writer the tests can read back.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn no_token_reaches_a_log_line() {
    let logs = Captured::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let app = app();
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
    let logs = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("grant issued"), "{logs}");
    let session = host.trim_start_matches("immail_meet_session=");
    for secret in [jwt, jwt.split('.').nth(2).unwrap(), session] {
        assert!(!logs.contains(secret), "a secret reached the log: {logs}");
    }
}

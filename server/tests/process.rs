//! The server binary as processes: `kill -9` and a restart on the same store keep every
//! room, role and history link; two processes on one PostgreSQL serve each other's rooms
//! and share 1,000 concurrent creations without losing or doubling one; start-up refuses
//! a store it must not touch.

mod common;

use common::postgres::fresh_database;
use common::process::*;
use immail_fake::{Endpoint, FakeImmail, FakeOptions};
use immail_meet_server::upstream::sandbox::recording::{fill, seed_of};
use sqlx::{Connection, Row};

/// A host's room, a guest, and a session and a recording listed by the host.
struct Used {
    room: String,
    host: String,
    guest: String,
    session: String,
    file: String,
    jwt: String,
}

async fn use_a_room(server: &ServerProcess) -> Used {
    let http = client();
    let created = post(&http, &server.api("/rooms"), None, r#"{"topic":"Kept"}"#).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let host = created.cookie.unwrap();
    let room = created.body["name"].as_str().unwrap().to_owned();
    let guest = post(
        &http,
        &server.api(&format!("/rooms/{room}/grant")),
        None,
        "",
    )
    .await;
    assert_eq!(guest.body["moderator"], false);
    let host_grant = post(
        &http,
        &server.api(&format!("/rooms/{room}/grant")),
        Some(&host),
        "",
    )
    .await;
    assert_eq!(host_grant.body["moderator"], true);
    let listed = get(
        &http,
        &server.api(&format!("/rooms/{room}/sessions")),
        Some(&host),
    )
    .await;
    assert_eq!(listed.status, 200, "{}", listed.body);
    let session = &listed.body["data"][0];
    Used {
        room,
        host,
        guest: guest.cookie.unwrap(),
        session: session["_id"].as_str().unwrap().to_owned(),
        file: session["recording_files"][0]["_id"]
            .as_str()
            .unwrap()
            .to_owned(),
        jwt: host_grant.body["jwt"].as_str().unwrap().to_owned(),
    }
}

/// Everything `used` made works on `server` (a restart of the one that made it).
async fn still_works(server: &ServerProcess, used: &Used) {
    let http = client();
    let grant = server.api(&format!("/rooms/{}/grant", used.room));
    let host = post(&http, &grant, Some(&used.host), "").await;
    assert_eq!(host.status, 200, "{}", host.body);
    assert_eq!(
        host.body["moderator"], true,
        "the host is still its moderator"
    );
    assert!(host.cookie.is_none(), "the host's cookie is still honoured");
    let guest = post(&http, &grant, Some(&used.guest), "").await;
    assert_eq!(guest.body["moderator"], false);
    // History links, without listing the sessions again.
    let messages = server.api(&format!("/sessions/{}/messages", used.session));
    let chat = get(&http, &messages, Some(&used.host)).await;
    assert_eq!(chat.status, 200, "{}", chat.body);
    assert_eq!(get(&http, &messages, Some(&used.guest)).await.status, 403);
    let recording = http
        .get(server.api(&format!("/recordings/{}", used.file)))
        .header("cookie", &used.host)
        .header("range", "bytes=0-1023")
        .send()
        .await
        .unwrap();
    assert_eq!(recording.status(), 206);
    let bytes = recording.bytes().await.unwrap();
    let mut expected = vec![0_u8; 1024];
    fill(seed_of(&used.file), 0, &mut expected);
    assert_eq!(bytes.as_ref(), expected.as_slice());
}

async fn survives_kill_9(database_url: &str) {
    let settings = [
        ("IMMAIL_MEET_MODE", "sandbox"),
        ("IMMAIL_MEET_DATABASE_URL", database_url),
    ];
    let first = ServerProcess::start(&settings);
    let used = use_a_room(&first).await;
    first.kill();

    let again = ServerProcess::start(&settings);
    still_works(&again, &used).await;
    // A token issued before the crash still verifies: the sandbox's key is in the store.
    let page = get(
        &client(),
        &format!(
            "{}/sandbox/meet/{}?jwt={}",
            again.sandbox_url.as_deref().unwrap(),
            used.room,
            used.jwt
        ),
        None,
    )
    .await;
    let page = page.body.as_str().unwrap().to_owned();
    assert!(page.contains(r#""valid":true"#), "{page}");
    let http = client();
    let health = get(&http, &format!("{}/healthz", again.url), None).await;
    assert_eq!(
        (health.status, health.body["status"].as_str()),
        (200, Some("ok"))
    );
    let ready = get(&http, &format!("{}/readyz", again.url), None).await;
    assert_eq!(
        (ready.status, ready.body["store"].as_str()),
        (200, Some("ok"))
    );

    // Every request's log lines carry its id; no token or visitor id is logged.
    let logs = again.logs();
    let issued: Vec<&str> = logs
        .lines()
        .filter(|l| l.contains("grant issued"))
        .collect();
    assert_eq!(issued.len(), 2, "{logs}");
    assert!(issued.iter().all(|l| l.contains("request{id=")), "{logs}");
    for secret in [
        used.jwt.split('.').nth(2).unwrap(),
        used.host.split('=').nth(1).unwrap(),
        used.guest.split('=').nth(1).unwrap(),
    ] {
        assert!(!logs.contains(secret), "a secret reached the log: {logs}");
    }
}

#[tokio::test]
async fn kill_9_and_a_restart_on_sqlite_keep_rooms_roles_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("meet.db").display());
    survives_kill_9(&url).await;
}

#[tokio::test]
async fn kill_9_and_a_restart_on_postgresql_keep_rooms_roles_and_history() {
    survives_kill_9(&fresh_database().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_postgresql_serve_each_others_rooms() {
    let fake = FakeImmail::start(FakeOptions::default()).await.unwrap();
    let database = fresh_database().await;
    let settings = [
        ("IMMAIL_MEET_MODE", "immail"),
        ("IMMAIL_MEET_DATABASE_URL", database.as_str()),
        ("IMMAIL_API_URL", &fake.url()),
        ("IMMAIL_API_KEY", &fake.options().api_key),
        ("IMMAIL_EMAIL_DOMAIN", &fake.options().email_domain),
    ];
    let (a, b) = (
        ServerProcess::start(&settings),
        ServerProcess::start(&settings),
    );
    let http = client();

    // Made on A, granted and read on B (and back).
    let created = post(&http, &a.api("/rooms"), None, r#"{"topic":"Shared"}"#).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let host = created.cookie.unwrap();
    let room = created.body["name"].as_str().unwrap();
    let on_b = post(
        &http,
        &b.api(&format!("/rooms/{room}/grant")),
        Some(&host),
        "",
    )
    .await;
    assert_eq!(on_b.body["moderator"], true, "{}", on_b.body);
    assert!(on_b.cookie.is_none(), "A's visitor is B's visitor");
    let guest = post(&http, &b.api(&format!("/rooms/{room}/grant")), None, "").await;
    assert_eq!(guest.body["moderator"], false);
    let listed = get(
        &http,
        &b.api(&format!("/rooms/{room}/sessions")),
        Some(&host),
    )
    .await;
    assert_eq!(listed.status, 200, "{}", listed.body);
    let session = listed.body["data"][1]["_id"].as_str().unwrap();
    let chat = get(
        &http,
        &a.api(&format!("/sessions/{session}/messages")),
        Some(&host),
    )
    .await;
    assert_eq!(chat.status, 200, "listed on B, read on A: {}", chat.body);

    // 1,000 creations at once, spread over both, each by a new visitor.
    let before = fake.calls(Endpoint::Schedule);
    let creations: Vec<_> = (0..1000)
        .map(|i| {
            let (http, url) = (
                http.clone(),
                if i % 2 == 0 {
                    a.api("/rooms")
                } else {
                    b.api("/rooms")
                },
            );
            tokio::spawn(async move {
                let body = format!(r#"{{"topic":"Load {i}"}}"#);
                let answer = post(&http, &url, None, &body).await;
                assert_eq!(answer.status, 201, "{}", answer.body);
                answer.body["name"].as_str().unwrap().to_owned()
            })
        })
        .collect();
    let mut names = Vec::new();
    for creation in creations {
        names.push(creation.await.unwrap());
    }
    let distinct: std::collections::HashSet<_> = names.iter().collect();
    assert_eq!(distinct.len(), 1000, "no name twice");
    assert_eq!(
        fake.calls(Endpoint::Schedule) - before,
        1000,
        "one imMail call each"
    );
    let mut conn = sqlx::AnyConnection::connect(&database).await.unwrap();
    let stored: Vec<String> = sqlx::query("SELECT name FROM immail_meet_rooms")
        .fetch_all(&mut conn)
        .await
        .unwrap()
        .iter()
        .map(|row| row.get::<String, _>(0))
        .collect();
    assert_eq!(
        stored.len(),
        1001,
        "the shared room and the 1,000, none lost or doubled"
    );
    let stored: std::collections::HashSet<_> = stored.iter().collect();
    assert!(names.iter().all(|n| stored.contains(n)));
    // Each one is served by the instance that did not make it.
    let grants: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let url = if i % 2 == 0 { b.api("") } else { a.api("") };
            let (http, url) = (http.clone(), format!("{url}/rooms/{name}/grant"));
            tokio::spawn(async move { post(&http, &url, None, "").await.status })
        })
        .collect();
    for grant in grants {
        assert_eq!(grant.await.unwrap(), 200);
    }
    fake.assert_no_violations();
}

#[tokio::test]
async fn start_up_refuses_a_store_it_must_not_touch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "not a database").unwrap();
    let url = format!("sqlite://{}", path.display());
    let refused = ServerProcess::try_start(&[("IMMAIL_MEET_DATABASE_URL", &url)])
        .err()
        .expect("refused");
    assert_eq!(
        refused.status.and_then(|s| s.code()),
        Some(1),
        "{refused:?}"
    );
    assert!(
        refused
            .output
            .contains("immail-meet-server: store sqlite://")
            && refused
                .output
                .contains("is not a SQLite database: refusing to use it"),
        "{}",
        refused.output
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"not a database");

    // A newer schema.
    let path = dir.path().join("meet.db");
    let url = format!("sqlite://{}", path.display());
    immail_meet_server::store::SqlStore::connect(&url)
        .await
        .unwrap()
        .close()
        .await;
    let mut conn = sqlx::AnyConnection::connect(&url).await.unwrap();
    sqlx::raw_sql("INSERT INTO immail_meet_schema VALUES (5, 'future', 0)")
        .execute(&mut conn)
        .await
        .unwrap();
    // Everything in the main file: nothing left in the log for a later close to fold in.
    sqlx::raw_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let before = std::fs::read(&path).unwrap();
    let refused = ServerProcess::try_start(&[("IMMAIL_MEET_DATABASE_URL", &url)])
        .err()
        .expect("refused");
    assert!(
        refused
            .output
            .contains("schema version 5, newer than the 1"),
        "{}",
        refused.output
    );
    assert!(std::fs::read(&path).unwrap() == before, "the file changed");

    // An unreachable PostgreSQL, and a password that never prints.
    let refused = ServerProcess::try_start(&[(
        "IMMAIL_MEET_DATABASE_URL",
        "postgres://meet:hunter2@127.0.0.1:1/meet",
    )])
    .err()
    .expect("refused");
    assert!(
        refused
            .output
            .contains("postgres://meet:***@127.0.0.1:1/meet")
            && refused.output.contains("cannot be reached"),
        "{}",
        refused.output
    );
    assert!(!refused.output.contains("hunter2"));
}

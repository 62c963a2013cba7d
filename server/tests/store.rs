//! The store on a real SQLite file and a real PostgreSQL server: rooms, the history
//! index and keys survive a reopen; the schema is made once, even by two at once; a
//! newer schema, a file that is not a database, or another application's database is
//! refused and left as it was; an unreachable PostgreSQL is a `503` (but for the rooms in
//! use, kept in memory), then recovers.

mod common;

use axum::http::StatusCode;
use common::postgres::{fresh_database, PgCluster};
use common::*;
use immail_meet_server::store::{SqlStore, Store, StoreError};
use immail_meet_server::upstream::sandbox::history::generate;
use immail_meet_server::{CallerId, Room};
use sqlx::{Connection, Row};

fn room(name: &str) -> Room {
    Room {
        name: name.into(),
        upstream_id: format!("{name}-id"),
        topic: "Planning".into(),
        start_at: Some("2026-11-29 10:15".into()),
        duration_minutes: Some(45),
        creator: CallerId::new("user:alice").unwrap(),
        created_at: 1_800_000_000,
    }
}

/// What every store must do; `store` is new and empty.
async fn keeps_rooms_history_and_keys(store: &SqlStore) {
    store.ping().await.unwrap();
    let planning = room("planning");
    store.insert_room(&planning).await.unwrap();
    assert_eq!(
        store.room("planning").await.unwrap(),
        Some(planning.clone())
    );
    let bare = Room {
        start_at: None,
        duration_minutes: None,
        ..room("bare")
    };
    store.insert_room(&bare).await.unwrap();
    assert_eq!(store.room("bare").await.unwrap(), Some(bare));
    assert!(store.room("nope").await.unwrap().is_none());
    assert!(matches!(
        store.insert_room(&planning).await,
        Err(StoreError::Duplicate(name)) if name == "planning"
    ));

    let history = generate(&planning.upstream(), 1_800_000_000_000);
    let list = immail_meet_server::models::SessionList {
        total_completed: None,
        total_in_progress: None,
        total_row: None,
        data: history.sessions,
    };
    store.remember_history("planning", &list).await.unwrap();
    store.remember_history("planning", &list).await.unwrap();
    for session in &list.data {
        let room = store.session_room(&session.id).await.unwrap();
        assert_eq!(room.as_deref(), Some("planning"));
        for file in &session.recording_files {
            let known = store.recording(&file.id).await.unwrap().unwrap();
            assert_eq!((known.room.as_str(), &known.name), ("planning", &file.name));
        }
    }
    assert!(store.session_room("unlisted").await.unwrap().is_none());
    assert!(store.recording("unlisted").await.unwrap().is_none());

    let key = store.key("k", [1; 32]).await.unwrap();
    assert_eq!(key, [1; 32], "a new key is the one given");
    assert_eq!(store.key("k", [2; 32]).await.unwrap(), [1; 32], "then kept");
    assert_eq!(store.key("other", [3; 32]).await.unwrap(), [3; 32]);
}

async fn still_there(store: &SqlStore) {
    assert_eq!(
        store.room("planning").await.unwrap(),
        Some(room("planning"))
    );
    assert_eq!(store.key("k", [9; 32]).await.unwrap(), [1; 32]);
}

#[tokio::test]
async fn a_sqlite_file_keeps_rooms_history_and_keys() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("meet.db").display());
    let store = SqlStore::connect(&url).await.unwrap();
    keeps_rooms_history_and_keys(&store).await;
    store.close().await;
    still_there(&SqlStore::connect(&url).await.unwrap()).await;
}

#[tokio::test]
async fn postgresql_keeps_rooms_history_and_keys() {
    let url = fresh_database().await;
    let store = SqlStore::connect(&url).await.unwrap();
    keeps_rooms_history_and_keys(&store).await;
    store.close().await;
    still_there(&SqlStore::connect(&url).await.unwrap()).await;
}

#[tokio::test]
async fn an_in_memory_store_is_there_for_tests_that_ask() {
    let store = SqlStore::connect("sqlite::memory:").await.unwrap();
    keeps_rooms_history_and_keys(&store).await;
}

#[tokio::test]
async fn the_schema_is_made_once_even_by_instances_starting_together() {
    let url = fresh_database().await;
    let opens: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            tokio::spawn(async move { SqlStore::connect(&url).await })
        })
        .collect();
    for open in opens {
        open.await.unwrap().unwrap();
    }
    let mut conn = sqlx::AnyConnection::connect(&url).await.unwrap();
    let versions = sqlx::query("SELECT version FROM immail_meet_schema")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].get::<i64, _>(0), 1);
}

/// The bytes of a file.
fn bytes(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[tokio::test]
async fn a_newer_schema_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meet.db");
    let url = format!("sqlite://{}", path.display());
    let store = SqlStore::connect(&url).await.unwrap();
    store.insert_room(&room("planning")).await.unwrap();
    store.close().await;
    let mut conn = sqlx::AnyConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(
        "INSERT INTO immail_meet_schema (version, description, applied_at) VALUES (2, 'next', 0)",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    // Everything in the main file: nothing left in the log for a later close to fold in.
    sqlx::raw_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let before = bytes(&path);

    let error = SqlStore::connect(&url).await.unwrap_err();
    assert!(matches!(
        error,
        StoreError::NewerSchema {
            found: 2,
            supported: 1
        }
    ));
    let message = error.to_string();
    assert!(
        message.contains("schema version 2") && message.contains("nothing was changed"),
        "{message}"
    );
    assert!(bytes(&path) == before, "the file changed");

    // PostgreSQL likewise.
    let url = fresh_database().await;
    SqlStore::connect(&url).await.unwrap().close().await;
    let mut conn = sqlx::AnyConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(
        "INSERT INTO immail_meet_schema (version, description, applied_at) VALUES (7, 'x', 0)",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    let error = SqlStore::connect(&url).await.unwrap_err();
    assert!(
        matches!(error, StoreError::NewerSchema { found: 7, .. }),
        "{error}"
    );
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "my notes, not a database\n".repeat(100)).unwrap();
    let before = bytes(&path);
    let url = format!("sqlite://{}", path.display());
    let error = SqlStore::connect(&url).await.unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("is not a SQLite database") && message.contains("nothing was changed"),
        "{message}"
    );
    assert!(bytes(&path) == before, "the file changed");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no file beside it"
    );
}

#[tokio::test]
async fn another_applications_database_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("app.db");
    let url = format!("sqlite://{}?mode=rwc", path.display());
    let mut conn = sqlx::AnyConnection::connect(&url).await.unwrap();
    sqlx::raw_sql("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
        .execute(&mut conn)
        .await
        .unwrap();
    // Everything in the main file: nothing left in the log for a later close to fold in.
    sqlx::raw_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let before = bytes(&path);
    let error = SqlStore::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("another application's tables (users)"),
        "{error}"
    );
    assert!(bytes(&path) == before, "the file changed");
}

#[tokio::test]
async fn an_unreachable_store_is_a_503_until_it_is_back() {
    let cluster = PgCluster::start();
    let url = common::postgres::database_on(&cluster.admin_url()).await;
    let mut config = test_config();
    config.database_url = url.parse().unwrap();
    let app = start(config).await.unwrap();
    let (room, host) = create_room(&app.api).await;

    cluster.stop();
    // A room in use is kept in memory (rooms never change once stored): its grants go on.
    let kept = grant(&app.api, &room, Some(&host), "").await;
    assert_eq!(kept.status, StatusCode::OK, "{}", kept.text);
    assert_eq!(kept.body["moderator"], true);
    // A room this instance has not looked up needs the store.
    let down = grant(&app.api, "room-this-instance-never-saw", Some(&host), "").await;
    assert_error(&down, StatusCode::SERVICE_UNAVAILABLE, "store_unavailable");
    assert_eq!(
        down.body["error"]["message"],
        "The room store cannot be reached right now."
    );
    let created = post_room(&app.api, r#"{"topic":"x"}"#).await;
    assert_error(
        &created,
        StatusCode::SERVICE_UNAVAILABLE,
        "store_unavailable",
    );
    let ready = call(&app.api, "GET", "/readyz", None, "").await;
    assert_eq!(ready.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        call(&app.api, "GET", "/healthz", None, "").await.status,
        StatusCode::OK,
        "the process itself is fine"
    );

    cluster.start_again();
    let mut back = post_room(&app.api, r#"{"topic":"x"}"#).await;
    for _ in 0..20 {
        if back.status == StatusCode::CREATED {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        back = post_room(&app.api, r#"{"topic":"x"}"#).await;
    }
    assert_eq!(back.status, StatusCode::CREATED, "{}", back.text);
    let unseen = grant(&app.api, "room-this-instance-never-saw", Some(&host), "").await;
    assert_eq!(
        unseen.status,
        StatusCode::NOT_FOUND,
        "the store answers again"
    );
    let ready = call(&app.api, "GET", "/readyz", None, "").await;
    assert_eq!(ready.status, StatusCode::OK);
    assert_eq!(ready.body["store"], "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_sqlite_log_stays_small_under_concurrent_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meet.db");
    let store = SqlStore::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    let writers: Vec<_> = (0..64)
        .map(|w| {
            let store = store.clone();
            tokio::spawn(async move {
                for i in 0..63 {
                    store
                        .insert_room(&room(&format!("r{w}-{i}")))
                        .await
                        .unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.await.unwrap();
    }
    // 4,032 rooms; with the writers racing inside SQLite the log kept every page ever
    // written (measured: 16.9 MB here), since a waiting writer always held a snapshot.
    let log = std::fs::metadata(dir.path().join("meet.db-wal")).map_or(0, |m| m.len());
    assert!(log < 8 << 20, "the write-ahead log is {log} bytes");
    assert!(store.room("r63-62").await.unwrap().is_some());
}

//! Versioned schema migrations, kept in the store's own table `immail_meet_schema` (one
//! row per applied version), so the store can share a PostgreSQL database with the app
//! and the app's own migration tool.
//!
//! At every start: the schema table is created if missing; a database whose newest
//! version is above [`SCHEMA_VERSION`] is refused ([`StoreError::NewerSchema`]); the
//! missing versions are applied in order, in one transaction. Concurrent starts wait
//! for each other: PostgreSQL through an advisory lock, SQLite through `BEGIN
//! IMMEDIATE`. A SQLite file that holds other tables and no schema table belongs to
//! another application and is refused untouched.
//!
//! Adding a version: a new `NNNN_what.sql` file beside this one, and an entry at the end
//! of [`MIGRATIONS`]. Never edit an applied one.

use sqlx::AnyConnection;
use sqlx::{Executor, Row};

use super::{Backend, StoreError};

/// One schema version.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    /// Its version, from 1, in order.
    pub version: i64,
    /// What it does.
    pub description: &'static str,
    /// Its SQL (portable: SQLite and PostgreSQL).
    pub sql: &'static str,
}

/// Every version, oldest first.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    description: "rooms, history index, keys",
    sql: include_str!("migrations/0001_rooms.sql"),
}];

/// The newest schema version this server knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// The PostgreSQL advisory lock held while migrating ("immail-m" in ASCII).
const PG_LOCK: i64 = 0x696d_6d61_696c_2d6d;

/// Brings the schema to [`SCHEMA_VERSION`] (see the module documentation).
pub async fn migrate(conn: &mut AnyConnection, backend: Backend) -> Result<(), StoreError> {
    if backend == Backend::Sqlite {
        refuse_foreign_sqlite(conn).await?;
        run(conn, "BEGIN IMMEDIATE").await?;
    } else {
        conn.execute(sqlx::query("SELECT pg_advisory_lock($1)").bind(PG_LOCK))
            .await
            .map_err(failed)?;
        run(conn, "BEGIN").await?;
    }
    let outcome = apply(conn).await;
    let end = if outcome.is_ok() {
        "COMMIT"
    } else {
        "ROLLBACK"
    };
    let ended = run(conn, end).await;
    if backend == Backend::Postgres {
        let _ = conn
            .execute(sqlx::query("SELECT pg_advisory_unlock($1)").bind(PG_LOCK))
            .await;
    }
    outcome.and(ended)
}

async fn apply(conn: &mut AnyConnection) -> Result<(), StoreError> {
    run(
        conn,
        "CREATE TABLE IF NOT EXISTS immail_meet_schema (
            version BIGINT PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at BIGINT NOT NULL
        )",
    )
    .await?;
    let current: i64 = conn
        .fetch_optional("SELECT version FROM immail_meet_schema ORDER BY version DESC LIMIT 1")
        .await
        .map_err(failed)?
        .map(|row| row.try_get::<i64, _>(0))
        .transpose()
        .map_err(failed)?
        .unwrap_or(0);
    if current > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    for migration in MIGRATIONS.iter().filter(|m| m.version > current) {
        conn.execute(sqlx::raw_sql(migration.sql))
            .await
            .map_err(|e| {
                StoreError::Failed(format!("schema version {}: {e}", migration.version))
            })?;
        let applied = sqlx::query(
            "INSERT INTO immail_meet_schema (version, description, applied_at) VALUES ($1, $2, $3)",
        )
        .bind(migration.version)
        .bind(migration.description)
        .bind(crate::clock::now_secs());
        conn.execute(applied).await.map_err(failed)?;
        tracing::info!(
            version = migration.version,
            "store schema migrated: {}",
            migration.description
        );
    }
    Ok(())
}

/// A SQLite file with tables but no schema table is another application's.
async fn refuse_foreign_sqlite(conn: &mut AnyConnection) -> Result<(), StoreError> {
    let tables: Vec<String> = conn
        .fetch_all(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .await
    .map_err(|e| StoreError::Unreadable(format!("the SQLite file cannot be read ({e})")))?
    .iter()
    .map(|row| row.try_get::<String, _>(0))
    .collect::<Result<_, _>>()
    .map_err(failed)?;
    if !tables.is_empty() && !tables.iter().any(|t| t == "immail_meet_schema") {
        return Err(StoreError::Unreadable(format!(
            "the SQLite file holds another application's tables ({})",
            tables.join(", ")
        )));
    }
    Ok(())
}

async fn run(conn: &mut AnyConnection, sql: &'static str) -> Result<(), StoreError> {
    conn.execute(sql).await.map(drop).map_err(failed)
}

fn failed(e: sqlx::Error) -> StoreError {
    StoreError::Failed(e.to_string())
}

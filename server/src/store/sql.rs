//! [`SqlStore`]: the [`Store`] on SQLite or PostgreSQL, through one `sqlx` pool type
//! (`Any`) and one set of portable SQL statements (`$1` placeholders, `ON CONFLICT`).

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Executor, Row};

use super::migrations::migrate;
use super::{Backend, DatabaseUrl, KnownRecording, Room, Store, StoreError};
use crate::identity::CallerId;
use crate::models::SessionList;

/// How a [`SqlStore`] uses its database.
///
/// # Usage
/// ```
/// use std::time::Duration;
/// use immail_meet_server::store::StoreOptions;
/// let options = StoreOptions { max_connections: 16, ..StoreOptions::default() };
/// assert_eq!(options.acquire_timeout, Duration::from_secs(3));
/// ```
///
/// # Server-Side Rendering
/// Server only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoreOptions {
    /// Connections in the pool (an in-memory SQLite store always uses one).
    pub max_connections: u32,
    /// How long a request waits for a connection before it is answered `503
    /// store_unavailable` (e.g. while PostgreSQL is down).
    pub acquire_timeout: Duration,
}

impl Default for StoreOptions {
    /// 8 connections, 3 s to get one.
    fn default() -> Self {
        Self {
            max_connections: 8,
            acquire_timeout: Duration::from_secs(3),
        }
    }
}

/// Rooms, the history index and keys in SQLite or PostgreSQL.
///
/// Opening it checks the database and brings its schema up to date (see
/// [`super::migrations`]); a SQLite file that is not a database, holds another
/// application's tables, or has a newer schema is refused and left untouched.
///
/// # Usage
/// ```no_run
/// # async fn demo() -> Result<(), immail_meet_server::StoreError> {
/// use immail_meet_server::store::SqlStore;
/// let local = SqlStore::connect("sqlite://immail-meet.db").await?;
/// let shared = SqlStore::connect("postgres://meet@127.0.0.1:5432/meet").await?;
/// # Ok(()) }
/// ```
///
/// # Server-Side Rendering
/// Server only.
#[derive(Clone, Debug)]
pub struct SqlStore {
    pool: AnyPool,
    backend: Backend,
    /// SQLite files: writes one at a time, with the count since the last checkpoint.
    writes: Option<Arc<tokio::sync::Mutex<u64>>>,
}

/// A SQLite file's write-ahead log is checkpointed and truncated after this many writes.
///
/// Writers waiting for SQLite's lock hold a read snapshot, and while any snapshot is
/// held the log cannot start over: under concurrent writes it would grow by a few KB a
/// room, never shrinking (measured: 690 MiB of log for 100,000 rooms). So writes are
/// queued here, one at a time, and every so many a `TRUNCATE` checkpoint (which waits
/// for readers) empties the log.
const CHECKPOINT_EVERY: u64 = 1000;

impl SqlStore {
    /// Opens the database at `url` with [`StoreOptions::default`].
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        Self::open(&DatabaseUrl::parse(url)?, StoreOptions::default()).await
    }

    /// Opens the database at `url`.
    pub async fn open(url: &DatabaseUrl, options: StoreOptions) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = url.backend();
        if let Some(path) = url.sqlite_path() {
            check_sqlite_file(&path)?;
        }
        let mut pool = AnyPoolOptions::new()
            .max_connections(options.max_connections.max(1))
            .acquire_timeout(options.acquire_timeout);
        if url.is_memory() {
            // One connection that never closes: the database lives as long as it does.
            pool = pool
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None);
        } else if backend == Backend::Sqlite {
            pool = pool.after_connect(|conn, _| {
                Box::pin(async move {
                    // Durable across a crash of the process (WAL); fsync at checkpoints.
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                    Ok(())
                })
            });
        }
        let pool = pool
            .connect(&url.for_driver())
            .await
            .map_err(|e| StoreError::Unavailable(format!("{url}: {e}")))?;
        if let Err(e) = prepare(&pool, url).await {
            // Every connection closed before answering: the file is left as it was.
            pool.close().await;
            return Err(e);
        }
        let writes = (backend == Backend::Sqlite && !url.is_memory())
            .then(|| Arc::new(tokio::sync::Mutex::new(0)));
        Ok(Self {
            pool,
            backend,
            writes,
        })
    }

    /// SQLite or PostgreSQL.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes every connection (the store refuses work afterwards).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    fn error(&self, e: sqlx::Error) -> StoreError {
        error(self.backend, e)
    }

    /// [`Store::remember_history`], in one transaction.
    async fn remember_now(&self, room: &str, list: &SessionList) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await.map_err(|e| self.error(e))?;
        for session in &list.data {
            sqlx::query(
                "INSERT INTO immail_meet_sessions (session_id, room) VALUES ($1, $2) \
                 ON CONFLICT (session_id) DO UPDATE SET room = excluded.room",
            )
            .bind(&session.id)
            .bind(room)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.error(e))?;
            for file in &session.recording_files {
                sqlx::query(
                    "INSERT INTO immail_meet_recordings (file_id, room, name) VALUES ($1, $2, $3) \
                     ON CONFLICT (file_id) DO UPDATE SET room = excluded.room, name = excluded.name",
                )
                .bind(&file.id)
                .bind(room)
                .bind(file.name.as_deref())
                .execute(&mut *tx)
                .await
                .map_err(|e| self.error(e))?;
            }
        }
        tx.commit().await.map_err(|e| self.error(e))
    }

    /// Runs a write: on a SQLite file one at a time, with a checkpoint now and then (see
    /// [`CHECKPOINT_EVERY`]).
    async fn write<T>(
        &self,
        write: impl std::future::Future<Output = Result<T, StoreError>>,
    ) -> Result<T, StoreError> {
        let Some(writes) = &self.writes else {
            return write.await;
        };
        let mut count = writes.lock().await;
        let outcome = write.await;
        *count += 1;
        if *count >= CHECKPOINT_EVERY {
            *count = 0;
            if let Err(e) = self.pool.execute("PRAGMA wal_checkpoint(TRUNCATE)").await {
                tracing::warn!("the SQLite checkpoint failed: {e}");
            }
        }
        outcome
    }
}

/// Checks and migrates the schema, then (SQLite) turns on write-ahead logging.
///
/// Statements run as `conn.execute(query)`: with `query.execute(&mut *conn)` rustc cannot
/// prove the future `Send` for every lifetime (sqlx's executor bounds), and
/// `SqlStore::open` could not be spawned.
async fn prepare(pool: &AnyPool, url: &DatabaseUrl) -> Result<(), StoreError> {
    let backend = url.backend();
    let mut conn = pool.acquire().await.map_err(|e| error(backend, e))?;
    migrate(&mut conn, backend).await.map_err(|e| match e {
        StoreError::Unreadable(why) => StoreError::Unreadable(format!("{url}: {why}")),
        other => other,
    })?;
    if backend == Backend::Sqlite && !url.is_memory() {
        conn.execute("PRAGMA journal_mode = WAL")
            .await
            .map_err(|e| error(backend, e))?;
    }
    Ok(())
}

/// Refuses a file that exists, is not empty and is not a SQLite database, before SQLite
/// opens it.
fn check_sqlite_file(path: &Path) -> Result<(), StoreError> {
    use std::io::Read;
    let mut header = [0_u8; 16];
    let read = match std::fs::File::open(path) {
        Ok(mut file) => file.read(&mut header),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => Err(e),
    }
    .map_err(|e| StoreError::Unreadable(format!("{} cannot be read ({e})", path.display())))?;
    if read > 0 && header != *b"SQLite format 3\0" {
        return Err(StoreError::Unreadable(format!(
            "{} is not a SQLite database",
            path.display()
        )));
    }
    Ok(())
}

/// A database failure as a [`StoreError`]: a lost or refused connection, a shutdown or a
/// lock that did not clear is [`StoreError::Unavailable`] (`503`, worth retrying).
fn error(backend: Backend, e: sqlx::Error) -> StoreError {
    let unavailable = match &e {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => true,
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            match backend {
                // Connection exceptions (08), shutdowns and "cannot connect now" (57P).
                Backend::Postgres => code.starts_with("08") || code.starts_with("57P"),
                // SQLITE_BUSY, SQLITE_LOCKED (and their extended codes).
                Backend::Sqlite => matches!(code.parse::<i32>().map(|c| c & 0xff), Ok(5 | 6)),
            }
        }
        _ => false,
    };
    if unavailable {
        StoreError::Unavailable(e.to_string())
    } else {
        StoreError::Failed(e.to_string())
    }
}

fn room_of(row: &AnyRow) -> Result<Room, StoreError> {
    let read = || -> Result<Room, sqlx::Error> {
        let creator: String = row.try_get("creator")?;
        Ok(Room {
            name: row.try_get("name")?,
            upstream_id: row.try_get("upstream_id")?,
            topic: row.try_get("topic")?,
            start_at: row.try_get("start_at")?,
            duration_minutes: row
                .try_get::<Option<i64>, _>("duration_minutes")?
                .and_then(|d| u32::try_from(d).ok()),
            creator: CallerId::new(creator).map_err(|e| sqlx::Error::Decode(e.into()))?,
            created_at: row.try_get("created_at")?,
        })
    };
    read().map_err(|e| StoreError::Failed(format!("a stored room cannot be read: {e}")))
}

#[async_trait]
impl Store for SqlStore {
    async fn insert_room(&self, room: &Room) -> Result<(), StoreError> {
        let insert = sqlx::query(
            "INSERT INTO immail_meet_rooms \
             (name, upstream_id, topic, start_at, duration_minutes, creator, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&room.name)
        .bind(&room.upstream_id)
        .bind(&room.topic)
        .bind(room.start_at.as_deref())
        .bind(room.duration_minutes.map(i64::from))
        .bind(room.creator.as_str())
        .bind(room.created_at);
        self.write(async {
            self.pool
                .execute(insert)
                .await
                .map_err(|e| match e.as_database_error() {
                    Some(db) if db.is_unique_violation() => {
                        StoreError::Duplicate(room.name.clone())
                    }
                    _ => self.error(e),
                })
                .map(drop)
        })
        .await
    }

    async fn room(&self, name: &str) -> Result<Option<Room>, StoreError> {
        sqlx::query("SELECT * FROM immail_meet_rooms WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| self.error(e))?
            .as_ref()
            .map(room_of)
            .transpose()
    }

    async fn remember_history(&self, room: &str, list: &SessionList) -> Result<(), StoreError> {
        self.write(self.remember_now(room, list)).await
    }

    async fn session_room(&self, session_id: &str) -> Result<Option<String>, StoreError> {
        sqlx::query("SELECT room FROM immail_meet_sessions WHERE session_id = $1")
            .bind(session_id)
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| self.error(e))?
            .map(|row| row.try_get("room"))
            .transpose()
            .map_err(|e| self.error(e))
    }

    async fn recording(&self, file_id: &str) -> Result<Option<KnownRecording>, StoreError> {
        let row = sqlx::query("SELECT room, name FROM immail_meet_recordings WHERE file_id = $1")
            .bind(file_id)
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| self.error(e))?;
        row.map(|row| {
            Ok(KnownRecording {
                room: row.try_get("room")?,
                name: row.try_get("name")?,
            })
        })
        .transpose()
        .map_err(|e| self.error(e))
    }

    async fn key(&self, name: &str, fresh: [u8; 32]) -> Result<[u8; 32], StoreError> {
        let insert = sqlx::query(
            "INSERT INTO immail_meet_keys (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(hex::encode(fresh));
        self.write(async { self.pool.execute(insert).await.map_err(|e| self.error(e)) })
            .await?;
        let stored: String = sqlx::query("SELECT value FROM immail_meet_keys WHERE name = $1")
            .bind(name)
            .fetch_one(&self.pool)
            .await
            .and_then(|row| row.try_get("value"))
            .map_err(|e| self.error(e))?;
        let mut key = [0_u8; 32];
        hex::decode_to_slice(stored, &mut key)
            .map_err(|_| StoreError::Failed(format!("the stored key {name:?} is damaged")))?;
        Ok(key)
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::raw_sql("SELECT 1")
            .execute(&self.pool)
            .await
            .map(drop)
            .map_err(|e| self.error(e))
    }
}

//! [`DatabaseUrl`]: which database a [`super::SqlStore`] opens, checked before anything
//! is opened.

use std::fmt;
use std::path::PathBuf;

use super::StoreError;

/// The default store: a SQLite file in the working folder.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://immail-meet.db";

/// The database behind a URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// SQLite: a file (or `sqlite::memory:` for a test).
    Sqlite,
    /// PostgreSQL: one database shared by every instance.
    Postgres,
}

/// A checked database URL: `sqlite://FILE` (created when missing), `sqlite::memory:`
/// (a test's throwaway store) or `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`.
///
/// Its `Display` hides a password.
///
/// # Usage
/// ```
/// use immail_meet_server::store::{Backend, DatabaseUrl};
/// let url = DatabaseUrl::parse("postgres://meet:s3cret@db.internal/meet").unwrap();
/// assert_eq!(url.backend(), Backend::Postgres);
/// assert_eq!(url.to_string(), "postgres://meet:***@db.internal/meet");
/// assert!(DatabaseUrl::parse("mysql://x").is_err());
/// ```
///
/// # Server-Side Rendering
/// Server only.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    url: String,
    backend: Backend,
}

impl DatabaseUrl {
    /// Checks a URL. The error says what the store takes.
    pub fn parse(url: &str) -> Result<Self, StoreError> {
        let url = url.trim();
        let backend = match url.split_once(':').map(|(scheme, _)| scheme) {
            Some("sqlite") => Backend::Sqlite,
            Some("postgres" | "postgresql") => Backend::Postgres,
            _ => {
                return Err(StoreError::BadUrl(format!(
                    "the database URL must start with sqlite:// (a file, e.g. \
                     {DEFAULT_DATABASE_URL}) or postgres:// (PostgreSQL), not {:?}",
                    redact(url)
                )))
            }
        };
        let checked = Self {
            url: url.to_owned(),
            backend,
        };
        if backend == Backend::Sqlite && !checked.is_memory() {
            match checked.sqlite_path() {
                Some(path) if !path.as_os_str().is_empty() => {}
                _ => {
                    return Err(StoreError::BadUrl(format!(
                        "the SQLite URL {url:?} names no file, e.g. {DEFAULT_DATABASE_URL}"
                    )))
                }
            }
        }
        Ok(checked)
    }

    /// SQLite or PostgreSQL.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Whether this is a throwaway in-memory SQLite database.
    pub fn is_memory(&self) -> bool {
        self.backend == Backend::Sqlite
            && (self.url.starts_with("sqlite::memory:") || self.url.contains("mode=memory"))
    }

    /// The SQLite file, if this is one.
    pub fn sqlite_path(&self) -> Option<PathBuf> {
        if self.backend != Backend::Sqlite || self.is_memory() {
            return None;
        }
        let rest = self.url.strip_prefix("sqlite:")?;
        let rest = rest.strip_prefix("//").unwrap_or(rest);
        let path = rest.split_once('?').map_or(rest, |(path, _)| path);
        Some(PathBuf::from(path))
    }

    /// The URL for the driver: a SQLite file is created when missing (`mode=rwc`) unless
    /// the URL says otherwise.
    pub(crate) fn for_driver(&self) -> String {
        if self.backend == Backend::Sqlite && !self.url.contains("mode=") {
            let separator = if self.url.contains('?') { '&' } else { '?' };
            format!("{}{separator}mode=rwc", self.url)
        } else {
            self.url.clone()
        }
    }
}

impl Default for DatabaseUrl {
    /// [`DEFAULT_DATABASE_URL`].
    fn default() -> Self {
        Self {
            url: DEFAULT_DATABASE_URL.into(),
            backend: Backend::Sqlite,
        }
    }
}

impl std::str::FromStr for DatabaseUrl {
    type Err = StoreError;
    fn from_str(url: &str) -> Result<Self, StoreError> {
        Self::parse(url)
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&redact(&self.url))
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({self})")
    }
}

/// The URL with the password of its user-info replaced by `***`.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user_info, host)) => {
            let user = user_info
                .split_once(':')
                .map_or(user_info, |(user, _)| user);
            let hidden = if user_info.contains(':') { ":***" } else { "" };
            format!("{scheme}://{user}{hidden}@{host}{path}")
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_name_a_file_created_when_missing() {
        let url = DatabaseUrl::parse("sqlite://data/meet.db").unwrap();
        assert_eq!(url.sqlite_path(), Some(PathBuf::from("data/meet.db")));
        assert_eq!(url.for_driver(), "sqlite://data/meet.db?mode=rwc");
        let read_only = DatabaseUrl::parse("sqlite:///var/meet.db?mode=ro").unwrap();
        assert_eq!(read_only.sqlite_path(), Some(PathBuf::from("/var/meet.db")));
        assert_eq!(read_only.for_driver(), "sqlite:///var/meet.db?mode=ro");
        assert!(DatabaseUrl::parse("sqlite::memory:").unwrap().is_memory());
        assert!(DatabaseUrl::parse("sqlite://").is_err());
    }

    #[test]
    fn passwords_never_print() {
        let url = DatabaseUrl::parse("postgresql://u:p%40ss@h:5432/d?sslmode=disable").unwrap();
        assert_eq!(
            url.to_string(),
            "postgresql://u:***@h:5432/d?sslmode=disable"
        );
        assert!(!format!("{url:?}").contains("p%40ss"));
        let error = DatabaseUrl::parse("mysql://u:hunter2@h/d").unwrap_err();
        assert!(!error.to_string().contains("hunter2"), "{error}");
    }
}

//! Real PostgreSQL for the tests, never a mock.
//!
//! With `IMMAIL_MEET_TEST_POSTGRES_URL` set (scripts/test.sh starts one cluster for the
//! whole run and sets it), tests make their databases there. Without it, the first test
//! that needs PostgreSQL starts a throwaway cluster of its own (Debian's `postgresql`
//! binaries, in a temporary folder, on a free loopback port), which a watchdog stops
//! when the test process ends. Without either, the test fails and says what to install:
//! a skipped database test would pass while proving nothing.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The environment variable naming a PostgreSQL server for the tests (a superuser URL).
pub const URL_ENV: &str = "IMMAIL_MEET_TEST_POSTGRES_URL";

/// A PostgreSQL cluster this test process started: stopped and removed on drop.
pub struct PgCluster {
    dir: PathBuf,
    bin: PathBuf,
    port: u16,
    as_postgres: bool,
}

impl PgCluster {
    /// Starts a cluster in a new temporary folder on a free loopback port.
    pub fn start() -> Self {
        let bin = bin_dir().unwrap_or_else(|| {
            panic!(
                "the PostgreSQL tests need PostgreSQL: install Debian's `postgresql` \
                 (scripts/test.sh does) or set {URL_ENV}=postgres://USER@HOST:PORT/postgres \
                 (a superuser that may create databases)"
            )
        });
        let as_postgres = is_root();
        let dir = std::env::temp_dir().join(format!(
            "immail-meet-pg-{}-{}",
            std::process::id(),
            hex::encode(immail_meet_server::random::bytes::<4>())
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let cluster = Self {
            port: free_port(),
            dir,
            bin,
            as_postgres,
        };
        if as_postgres {
            run(Command::new("chown").arg("postgres").arg(&cluster.dir));
        }
        run(cluster
            .command("initdb")
            .args([
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-sync",
                "-D",
            ])
            .arg(cluster.dir.join("data")));
        cluster.start_again();
        cluster
    }

    /// The superuser URL of its `postgres` database.
    pub fn admin_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Starts it (again, after [`Self::stop`]).
    pub fn start_again(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300",
            self.port,
            self.dir.display()
        );
        run(self
            .command("pg_ctl")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-o", &options, "-l"])
            .arg(self.dir.join("log"))
            .args(["-w", "start"]));
    }

    /// Stops it at once (connections are cut).
    pub fn stop(&self) {
        run(self
            .command("pg_ctl")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "-w", "stop"]));
    }

    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(path);
            command
        } else {
            Command::new(path)
        }
    }

    /// Stops the cluster when this process ends, even if nothing drops it: a watchdog
    /// that outlives the process (so it is never waited for).
    #[allow(clippy::zombie_processes)]
    fn watch_over(self) {
        let stop = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; {prefix}{bin}/pg_ctl -D {dir}/data -m immediate stop >/dev/null 2>&1; rm -rf {dir}",
            pid = std::process::id(),
            prefix = if self.as_postgres { "runuser -u postgres -- " } else { "" },
            bin = self.bin.display(),
            dir = self.dir.display(),
        );
        Command::new("sh")
            .args(["-c", &stop])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::mem::forget(self);
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        let _ = self
            .command("pg_ctl")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The superuser URL of the server the tests share: the one in [`URL_ENV`], or a cluster
/// started for this process.
pub fn shared_admin_url() -> String {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| match std::env::var(URL_ENV) {
        Ok(url) if !url.is_empty() => url,
        _ => {
            let cluster = PgCluster::start();
            let url = cluster.admin_url();
            cluster.watch_over();
            url
        }
    })
    .clone()
}

/// A new, empty database on the shared server; its URL.
pub async fn fresh_database() -> String {
    database_on(&shared_admin_url()).await
}

/// A new, empty database on the server of `admin_url`; its URL.
pub async fn database_on(admin_url: &str) -> String {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let name = format!(
        "t_{}",
        hex::encode(immail_meet_server::random::bytes::<8>())
    );
    let mut admin = sqlx::AnyConnection::connect(admin_url)
        .await
        .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {admin_url}: {e}"));
    sqlx::raw_sql(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .unwrap();
    let (base, _) = admin_url.rsplit_once('/').unwrap();
    format!("{base}/{name}")
}

fn bin_dir() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("PG_BINDIR") {
        return Some(PathBuf::from(dir));
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| Some(entry.ok()?.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists())
        .collect();
    versions.sort_by_key(|bin| {
        bin.parent()
            .and_then(Path::file_name)
            .and_then(|v| v.to_str()?.parse::<u32>().ok())
    });
    versions.pop()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.trim_ascii() == b"0")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn run(command: &mut Command) {
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    assert!(
        out.status.success(),
        "{command:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

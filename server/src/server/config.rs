//! Configuration from flags and environment variables (`--help` lists them).

use std::net::SocketAddr;

use clap::{Parser, ValueEnum};

use super::serve::ServeOptions;
use crate::store::database_url::DEFAULT_DATABASE_URL;
use crate::store::DatabaseUrl;
use crate::upstream::immail::ImmailConfig;
use crate::Limits;

/// Where grants come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// Sandbox when no imMail API key is configured, imMail otherwise.
    Auto,
    /// Play the imMail side locally: no account needed.
    Sandbox,
    /// Talk to the imMail API (needs IMMAIL_API_KEY or IMMAIL_API_KEY_FILE, and
    /// IMMAIL_EMAIL_DOMAIN).
    Immail,
}

/// The reference customer backend for immail-meet.
///
/// With no imMail credentials it runs in sandbox mode: participant JWTs are signed with a
/// key kept in the store, and a sandbox meeting page is served on its own origin
/// (`--sandbox-listen`). Rooms live in the store (`--database-url`).
#[derive(Clone, Debug, Parser)]
#[command(
    name = "immail-meet-server",
    version,
    about,
    long_about = None,
    after_help = "imMail mode reads the API key from the IMMAIL_API_KEY environment variable \
                  (never a flag: flags show in process lists) or from the file that \
                  --immail-api-key-file names."
)]
pub struct Config {
    /// Address of the API (the demo's trunk proxies /api here).
    #[arg(long, env = "IMMAIL_MEET_LISTEN", default_value = "127.0.0.1:8787")]
    pub listen: SocketAddr,

    /// Address of the sandbox meeting pages: a second origin, cross-origin to the app,
    /// like the real imMail.
    #[arg(
        long,
        env = "IMMAIL_MEET_SANDBOX_LISTEN",
        default_value = "127.0.0.1:8788"
    )]
    pub sandbox_listen: SocketAddr,

    /// auto: sandbox unless IMMAIL_API_KEY or IMMAIL_API_KEY_FILE is set.
    #[arg(long, env = "IMMAIL_MEET_MODE", value_enum, default_value_t = Mode::Auto)]
    pub mode: Mode,

    /// How long a participant grant stays valid, in seconds.
    #[arg(long, env = "IMMAIL_MEET_GRANT_TTL", default_value_t = 300)]
    pub grant_ttl_secs: u64,

    /// Mark the visitor cookie `Secure` and name it `__Host-immail_meet_visitor` (serve
    /// the app over https in production).
    #[arg(long, env = "IMMAIL_MEET_SECURE_COOKIES", default_value_t = false)]
    pub secure_cookies: bool,

    /// Origins allowed to call the API from another origin (CORS, with credentials),
    /// e.g. `https://app.example.com`. Repeat the flag or separate with commas. None by
    /// default: the app calls the API on its own origin (a proxy, or `--static-dir`).
    #[arg(
        long = "allowed-origin",
        env = "IMMAIL_MEET_ALLOWED_ORIGINS",
        value_delimiter = ','
    )]
    pub allowed_origins: Vec<String>,

    /// Serve this folder (the demo built by `trunk build`) at `/`, beside the API.
    #[arg(long, env = "IMMAIL_MEET_STATIC_DIR")]
    pub static_dir: Option<std::path::PathBuf>,

    /// Where rooms, the history index and keys live: `sqlite://FILE` (created with its
    /// schema on first start) or `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`
    /// (shared by several instances).
    #[arg(long, env = "IMMAIL_MEET_DATABASE_URL", default_value = DEFAULT_DATABASE_URL, hide_env_values = true)]
    pub database_url: DatabaseUrl,

    /// Rooms one caller may create per hour (0: no limit).
    #[arg(long, env = "IMMAIL_MEET_ROOMS_PER_HOUR", default_value_t = Limits::default().rooms_per_hour)]
    pub rooms_per_hour: u32,

    /// Grants one caller may get per minute (0: no limit).
    #[arg(long, env = "IMMAIL_MEET_GRANTS_PER_MINUTE", default_value_t = Limits::default().grants_per_minute)]
    pub grants_per_minute: u32,

    /// Longest a request may take, in seconds, on every route but downloads.
    #[arg(long, env = "IMMAIL_MEET_REQUEST_TIMEOUT", default_value_t = 30)]
    pub request_timeout_secs: u64,

    /// How the server holds up against slow and greedy clients.
    #[command(flatten)]
    pub serve: ServeOptions,

    /// The imMail API settings (imMail mode).
    #[command(flatten)]
    pub immail: ImmailConfig,
}

impl Config {
    /// The mode `auto` resolves to.
    pub fn effective_mode(&self) -> Mode {
        match self.mode {
            Mode::Auto if self.immail.has_api_key() => Mode::Immail,
            Mode::Auto => Mode::Sandbox,
            other => other,
        }
    }

    /// The limits the flags set.
    pub fn limits(&self) -> Limits {
        Limits {
            rooms_per_hour: self.rooms_per_hour,
            grants_per_minute: self.grants_per_minute,
            request_timeout: std::time::Duration::from_secs(self.request_timeout_secs.max(1)),
        }
    }

    /// A sandbox configuration on the given addresses (tests, examples), with the default
    /// store (`sqlite://immail-meet.db`): set `database_url` to another.
    pub fn sandbox(listen: SocketAddr, sandbox_listen: SocketAddr) -> Self {
        Self {
            listen,
            sandbox_listen,
            mode: Mode::Sandbox,
            grant_ttl_secs: 300,
            secure_cookies: false,
            allowed_origins: Vec::new(),
            static_dir: None,
            database_url: DatabaseUrl::default(),
            rooms_per_hour: Limits::default().rooms_per_hour,
            grants_per_minute: Limits::default().grants_per_minute,
            request_timeout_secs: 30,
            serve: ServeOptions::default(),
            immail: ImmailConfig::default(),
        }
    }
}

//! Configuration from flags and environment variables (`--help` lists them).

use std::net::SocketAddr;

use clap::{Parser, ValueEnum};

use crate::upstream::immail::ImmailConfig;

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
/// With no imMail credentials it runs in sandbox mode: rooms live in memory, participant
/// JWTs are signed with a random per-process key, and a sandbox meeting page is served on
/// its own origin (`--sandbox-listen`).
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

    /// Mark the session cookie `Secure` (serve the app over https in production).
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

    /// A sandbox configuration on the given addresses (tests, examples).
    pub fn sandbox(listen: SocketAddr, sandbox_listen: SocketAddr) -> Self {
        Self {
            listen,
            sandbox_listen,
            mode: Mode::Sandbox,
            grant_ttl_secs: 300,
            secure_cookies: false,
            allowed_origins: Vec::new(),
            static_dir: None,
            immail: ImmailConfig::default(),
        }
    }
}

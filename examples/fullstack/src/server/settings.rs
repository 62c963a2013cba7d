//! [`Settings`]: the server's flags and environment variables (`--help` lists them).
//! The app's own address is Leptos': `LEPTOS_SITE_ADDR` (cargo-leptos sets it from
//! `site-addr`).

use std::net::SocketAddr;

use immail_meet_server::server::serve::ServeOptions;
use immail_meet_server::server::StartError as BackendStartError;
use immail_meet_server::store::DatabaseUrl;
use immail_meet_server::upstream::immail::ImmailConfig;
use immail_meet_server::StoreError;

use super::StartError;

/// A full-stack Leptos app that embeds imMail meetings, with the meeting backend in the
/// same server. Sandbox mode (no imMail account needed) unless IMMAIL_API_KEY or
/// IMMAIL_API_KEY_FILE is set.
#[derive(Clone, Debug, clap::Parser)]
#[command(name = "immail-meet-fullstack", version, about, long_about = None)]
pub struct Settings {
    /// Where rooms, the history index and keys live: `sqlite://FILE` (created on first
    /// start) or `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`.
    #[arg(
        long,
        env = "IMMAIL_MEET_DATABASE_URL",
        default_value = "sqlite://immail-meet-fullstack.db",
        hide_env_values = true
    )]
    pub database_url: DatabaseUrl,

    /// Address of the sandbox meeting pages (sandbox mode): a second origin, like
    /// imMail's. Port 0 picks a free one.
    #[arg(
        long,
        env = "IMMAIL_MEET_SANDBOX_LISTEN",
        default_value = "127.0.0.1:0"
    )]
    pub sandbox_listen: SocketAddr,

    /// Mark the sign-in cookie `Secure` (serve the app over https in production).
    #[arg(long, env = "IMMAIL_MEET_SECURE_COOKIES", default_value_t = false)]
    pub secure_cookies: bool,

    /// How the server holds up against slow and greedy clients.
    #[command(flatten)]
    pub serve: ServeOptions,

    /// The imMail API settings (imMail mode).
    #[command(flatten)]
    pub immail: ImmailConfig,
}

impl Settings {
    /// A store failure as a start-up error naming the store.
    pub fn store_error(&self) -> impl Fn(StoreError) -> StartError + '_ {
        |source| {
            StartError::Backend(BackendStartError::Store {
                url: self.database_url.to_string(),
                source,
            })
        }
    }
}

//! The server: `cargo build --features ssr` (cargo-leptos: `bin-features`).

use std::process::ExitCode;

use clap::Parser;
use immail_meet_fullstack::server::{run, Settings};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();
    match run(Settings::parse(), immail_meet_server::server::signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("immail-meet-fullstack: {e}");
            ExitCode::FAILURE
        }
    }
}

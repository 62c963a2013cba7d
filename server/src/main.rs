//! `immail-meet-server`: the reference backend. `--help` lists its settings.

use std::process::ExitCode;

use clap::Parser;
use immail_meet_server::server::{run, signal, Config};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .init();
    match run(Config::parse(), signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("immail-meet-server: {e}");
            ExitCode::FAILURE
        }
    }
}

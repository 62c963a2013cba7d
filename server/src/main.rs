//! `immail-meet-server`: the reference backend. `--help` lists its settings.

use clap::Parser;
use immail_meet_server::config::Config;
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let config = Config::parse();
    if let Err(message) = run(config).await {
        eprintln!("immail-meet-server: {message}");
        std::process::exit(1);
    }
}

async fn run(config: Config) -> Result<(), String> {
    let (listen, sandbox_listen) = (config.listen, config.sandbox_listen);
    let app = immail_meet_server::app(config)?;
    let api = TcpListener::bind(listen)
        .await
        .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
    tracing::info!("API on http://{listen}/api/meet/");
    let mut servers = vec![tokio::spawn(async move { axum::serve(api, app.api).await })];
    if let Some(sandbox) = app.sandbox {
        let listener = TcpListener::bind(sandbox_listen)
            .await
            .map_err(|e| format!("cannot listen on {sandbox_listen}: {e}"))?;
        tracing::warn!(
            "SANDBOX MODE: no imMail API key configured; meetings are simulated at http://{sandbox_listen}/sandbox/meet/"
        );
        servers.push(tokio::spawn(
            async move { axum::serve(listener, sandbox).await },
        ));
    }
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {
            tracing::info!("stopping");
            Ok(())
        }
        result = futures_first(servers) => result,
    }
}

/// The first server to stop, as an error.
async fn futures_first(
    servers: Vec<tokio::task::JoinHandle<std::io::Result<()>>>,
) -> Result<(), String> {
    let (result, _, _) = futures::future::select_all(servers).await;
    Err(format!("server stopped: {result:?}"))
}

//! The `immail-meet-server` binary as a library: its settings ([`Config`]), the app it
//! serves ([`ServerApp`]: the [`MeetApi`] nested at `/api/meet`, `/healthz`, `/readyz`,
//! the static folder, the sandbox pages) and [`run`], which serves it until SIGTERM or
//! Ctrl-C.

pub mod config;
pub mod health;
pub mod serve;
pub mod trace;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::routing::get;
use axum::Router;
use tokio::net::TcpListener;

pub use config::{Config, Mode};

use crate::api::BuildError;
use crate::routes::sandbox_page;
use crate::store::{SqlStore, Store, StoreError, StoreOptions};
use crate::upstream::immail::{Immail, SettingsError};
use crate::upstream::sandbox::{self, Sandbox};
use crate::upstream::Upstream;
use crate::{ApiError, MeetApi, VisitorOptions};

/// Why the server cannot start. Each says what to change.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StartError {
    /// The store cannot be opened or is refused.
    #[error("store {url}: {source}")]
    Store {
        /// The database URL (password hidden).
        url: String,
        /// Why.
        source: StoreError,
    },
    /// The imMail settings are incomplete or wrong.
    #[error("imMail mode: {0}")]
    Immail(#[from] SettingsError),
    /// The API cannot be assembled.
    #[error(transparent)]
    Build(#[from] BuildError),
    /// An address cannot be listened on.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
}

/// What the server binary serves, ready to serve or to test in-process.
///
/// # Usage
/// ```no_run
/// # async fn demo() -> Result<(), immail_meet_server::server::StartError> {
/// use immail_meet_server::server::{Config, ServerApp};
/// let config = Config::sandbox("127.0.0.1:8787".parse().unwrap(), "127.0.0.1:8788".parse().unwrap());
/// let app = ServerApp::start(&config).await?;
/// let listener = tokio::net::TcpListener::bind(config.listen).await.unwrap();
/// axum::serve(listener, app.router).await.unwrap();
/// # Ok(()) }
/// ```
///
/// # Server-Side Rendering
/// Server only.
pub struct ServerApp {
    /// Everything on `--listen`: the API at `/api/meet`, `/healthz`, `/readyz`, the static
    /// folder (if any), JSON `404` elsewhere; traced with request ids.
    pub router: Router,
    /// The API itself.
    pub api: MeetApi,
    /// The sandbox meeting pages (sandbox mode only), for `--sandbox-listen`.
    pub sandbox: Option<Router>,
    /// The sandbox upstream (sandbox mode only), e.g. to verify its tokens.
    pub sandbox_upstream: Option<Arc<Sandbox>>,
}

impl ServerApp {
    /// Opens the store and sets up the upstream and the API for `config`. In imMail mode
    /// the settings are checked first.
    pub async fn start(config: &Config) -> Result<Self, StartError> {
        let url = &config.database_url;
        let store = SqlStore::open(url, StoreOptions::default())
            .await
            .map_err(|source| StartError::Store {
                url: url.to_string(),
                source,
            })?;
        tracing::info!("store: {url}");
        let store: Arc<dyn Store> = Arc::new(store);
        let (upstream, sandbox): (Arc<dyn Upstream>, _) = match config.effective_mode() {
            Mode::Sandbox | Mode::Auto => {
                let base = format!("http://{}/sandbox/meet/", config.sandbox_listen);
                let key = store
                    .key(sandbox::KEY_NAME, crate::random::bytes())
                    .await
                    .map_err(|source| StartError::Store {
                        url: url.to_string(),
                        source,
                    })?;
                let sandbox = Arc::new(Sandbox::new(base, key));
                (sandbox.clone(), Some(sandbox))
            }
            Mode::Immail => {
                let settings = config.immail.settings()?;
                let immail = Immail::new(&settings)?;
                tracing::info!(
                    "IMMAIL MODE: imMail API at {}, email domain {}, meetings at {}",
                    settings.api_url,
                    settings.email_domain,
                    settings.meeting_base
                );
                (Arc::new(immail), None)
            }
        };
        let api = MeetApi::builder()
            .upstream(upstream)
            .store(store)
            .visitor_options(VisitorOptions {
                secure: config.secure_cookies,
                ..VisitorOptions::default()
            })
            .allowed_origins(&config.allowed_origins)
            .limits(config.limits())
            .grant_ttl_secs(config.grant_ttl_secs)
            .build()
            .await?;
        let meet = api.router().fallback(|| async { ApiError::NotFound });
        let router = Router::new()
            .nest("/api/meet", meet)
            .route("/healthz", get(health::healthz))
            .route("/readyz", get(health::readyz).with_state(api.clone()));
        let router = match &config.static_dir {
            Some(dir) => router.fallback_service(tower_http::services::ServeDir::new(dir)),
            None => router.fallback(|| async { ApiError::NotFound }),
        };
        Ok(Self {
            router: trace::traced(router),
            sandbox: sandbox
                .clone()
                .map(|s| trace::traced(sandbox_page::router(s))),
            sandbox_upstream: sandbox,
            api,
        })
    }
}

/// Binds the addresses, starts the app and serves it until `shutdown` resolves, then
/// stops gracefully. With port 0 the address chosen is logged (`API on http://…`).
///
/// # Usage
/// What `main` does:
/// ```no_run
/// # async fn demo() {
/// use clap::Parser;
/// use immail_meet_server::server::{run, signal, Config};
/// if let Err(e) = run(Config::parse(), signal()).await {
///     eprintln!("immail-meet-server: {e}");
/// }
/// # }
/// ```
///
/// # Server-Side Rendering
/// Server only.
pub async fn run(
    mut config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), StartError> {
    let bind = |addr: SocketAddr| async move {
        TcpListener::bind(addr)
            .await
            .map_err(|source| StartError::Listen { addr, source })
    };
    let api_listener = bind(config.listen).await?;
    let sandbox_listener = match config.effective_mode() {
        Mode::Immail => None,
        _ => {
            let listener = bind(config.sandbox_listen).await?;
            if let Ok(addr) = listener.local_addr() {
                config.sandbox_listen = addr;
            }
            Some(listener)
        }
    };
    let app = ServerApp::start(&config).await?;
    let options = config.serve;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let wait = move || {
        let mut stopped = stopped.clone();
        async move {
            let _ = stopped.wait_for(|s| *s).await;
        }
    };
    let mut servers = Vec::new();
    if let (Some(listener), Some(router)) = (sandbox_listener, app.sandbox) {
        tracing::warn!(
            "SANDBOX MODE: no imMail API key configured; meetings are simulated at http://{}/sandbox/meet/",
            config.sandbox_listen
        );
        servers.push(tokio::spawn(serve::serve(
            listener,
            router,
            options,
            wait(),
        )));
    }
    if let Ok(addr) = api_listener.local_addr() {
        tracing::info!("API on http://{addr}/api/meet/");
    }
    servers.push(tokio::spawn(serve::serve(
        api_listener,
        app.router,
        options,
        wait(),
    )));
    shutdown.await;
    let _ = stop.send(true);
    for server in servers {
        let _ = server.await;
    }
    Ok(())
}

/// Resolves on SIGTERM or Ctrl-C (SIGINT).
pub async fn signal() {
    let terminate = async {
        #[cfg(unix)]
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => {
                term.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
        #[cfg(not(unix))]
        std::future::pending::<()>().await
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => tracing::info!("Ctrl-C: stopping"),
        () = terminate => tracing::info!("SIGTERM: stopping"),
    }
}

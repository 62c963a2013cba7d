//! The server build (`ssr`): the Leptos app and the meeting backend in one axum router,
//! served with time-outs, a connection cap and a graceful stop.

pub mod call;
pub mod settings;
pub mod sign_in_cookie;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::FromRef;
use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::Router;
use immail_meet_server::cross_origin::refuse_cross_origin;
use immail_meet_server::routes::sandbox_page;
use immail_meet_server::server::serve::serve;
use immail_meet_server::server::trace::traced;
use immail_meet_server::server::StartError as BackendStartError;
use immail_meet_server::store::{SqlStore, StoreOptions};
use immail_meet_server::upstream::immail::Immail;
use immail_meet_server::upstream::sandbox::{self, Sandbox};
use immail_meet_server::upstream::Upstream;
use immail_meet_server::{ApiError, BuildError, MeetApi, Store, MAX_BODY_BYTES};
use leptos::config::{errors::LeptosConfigError, get_configuration, LeptosOptions};
use leptos_axum::{generate_route_list, LeptosRoutes};
use tokio::net::TcpListener;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

pub use settings::Settings;
pub use sign_in_cookie::SignInCookie;

use crate::app::{shell, App};

/// What pages and server functions reach through context (leptos_axum provides the
/// router's state).
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Leptos' settings (`LEPTOS_*`, or cargo-leptos').
    pub leptos_options: LeptosOptions,
    /// The meeting backend.
    pub meet: MeetApi,
    /// The app's sign-in.
    pub sign_in: SignInCookie,
}

/// Why the server cannot start: Leptos' settings, or what stops the backend's own
/// server (the store, the imMail settings, an address).
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// Leptos' settings are wrong.
    #[error("Leptos settings: {0}")]
    Leptos(#[from] LeptosConfigError),
    /// The store, the imMail settings, the backend's assembly or an address.
    #[error(transparent)]
    Backend(#[from] BackendStartError),
}

impl From<BuildError> for StartError {
    fn from(error: BuildError) -> Self {
        Self::Backend(error.into())
    }
}

/// The whole app: Leptos' pages and server functions, the meeting backend's routes at
/// `/api/meet` (what `<MeetingHistory>` reads), the built site's files; state-changing
/// requests from other origins refused, bodies and times bounded, every request traced.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let limits = state.meet.limits();
    let pages = Router::new()
        .leptos_routes(&state, routes, {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            limits.request_timeout,
        ));
    let meet = state
        .meet
        .router()
        .fallback(|| async { ApiError::NotFound });
    let app = pages
        .nest("/api/meet", meet)
        .layer(from_fn_with_state(state.meet.clone(), refuse_cross_origin))
        .with_state(state);
    traced(app)
}

/// Starts the app as `settings` say and serves it until `shutdown` resolves, then stops
/// gracefully. Prints the app's URL (port 0 picks a free one).
pub async fn run(
    settings: Settings,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), StartError> {
    let leptos_options = get_configuration(None)?.leptos_options;
    let store: Arc<dyn Store> = Arc::new(
        SqlStore::open(&settings.database_url, StoreOptions::default())
            .await
            .map_err(settings.store_error())?,
    );
    let (upstream, sandbox) = upstream(&settings, store.as_ref()).await?;
    let sign_in = SignInCookie::from_store(store.as_ref(), settings.secure_cookies)
        .await
        .map_err(settings.store_error())?;
    let meet = MeetApi::builder()
        .upstream(upstream)
        .store(store)
        .identity(Arc::new(sign_in.clone()))
        .build()
        .await?;
    let app = router(AppState {
        leptos_options: leptos_options.clone(),
        meet,
        sign_in,
    });
    let listener = bind(leptos_options.site_addr).await?;
    if let Ok(addr) = listener.local_addr() {
        println!("immail-meet full-stack example: http://{addr}/");
    }

    // The sandbox stops when the app does (the sender is dropped).
    let (stop, stopped) = tokio::sync::watch::channel(());
    let sandbox = sandbox.map(|(listener, pages)| {
        let mut stopped = stopped;
        tokio::spawn(serve(listener, pages, settings.serve, async move {
            let _ = stopped.changed().await;
        }))
    });
    serve(listener, app, settings.serve, shutdown).await;
    drop(stop);
    if let Some(sandbox) = sandbox {
        let _ = sandbox.await;
    }
    Ok(())
}

/// The sandbox pages: their listener and routes.
type SandboxPages = (TcpListener, Router);

/// imMail when an API key is set, else the sandbox with its pages on their own origin.
async fn upstream(
    settings: &Settings,
    store: &dyn Store,
) -> Result<(Arc<dyn Upstream>, Option<SandboxPages>), StartError> {
    if settings.immail.has_api_key() {
        let immail = settings
            .immail
            .settings()
            .and_then(|s| Immail::new(&s))
            .map_err(BackendStartError::Immail)?;
        return Ok((Arc::new(immail), None));
    }
    let listener = bind(settings.sandbox_listen).await?;
    let addr = listener
        .local_addr()
        .map_err(|source| BackendStartError::Listen {
            addr: settings.sandbox_listen,
            source,
        })?;
    let key = store
        .key(sandbox::KEY_NAME, immail_meet_server::random::bytes())
        .await
        .map_err(settings.store_error())?;
    let sandbox = Arc::new(Sandbox::new(format!("http://{addr}/sandbox/meet/"), key));
    tracing::warn!(
        "SANDBOX MODE: no imMail API key; meetings are simulated at http://{addr}/sandbox/meet/"
    );
    let pages = traced(sandbox_page::router(sandbox.clone()));
    Ok((sandbox, Some((listener, pages))))
}

async fn bind(addr: SocketAddr) -> Result<TcpListener, StartError> {
    let listener = TcpListener::bind(addr).await;
    Ok(listener.map_err(|source| BackendStartError::Listen { addr, source })?)
}

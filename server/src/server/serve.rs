//! [`serve`]: HTTP/1.1 on a listener, held up against slow and greedy clients, with a
//! graceful stop.
//!
//! - **Header-read time-out**: a request's head must arrive within it, or the connection
//!   is closed (a client that sends half a request holds nothing for long). hyper also
//!   starts it while a kept-alive connection waits for its next request, so it is the
//!   keep-alive idle time-out too.
//! - **Idle time-out**: a connection whose client accepts no byte of an answer for this
//!   long is closed (a client that stopped reading a download).
//! - **Connection cap**: at most this many connections are served at once; further ones
//!   wait in the listen queue, and get their turn as time-outs free places.
//! - **Graceful stop**: when `shutdown` resolves, no new connection is accepted; requests
//!   in flight (grants, downloads) finish, kept-alive connections close; after the
//!   grace period whatever is left is dropped.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_io_timeout::TimeoutStream;

/// How [`serve`] holds up; flags of the server binary.
///
/// # Usage
/// ```
/// use std::time::Duration;
/// use immail_meet_server::server::serve::ServeOptions;
/// let options = ServeOptions { max_connections: 64, ..ServeOptions::default() };
/// assert_eq!(options.header_read_timeout(), Duration::from_secs(10));
/// ```
///
/// # Server-Side Rendering
/// Server only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::Args)]
pub struct ServeOptions {
    /// Seconds a client has to send a request's head (and a kept-alive connection to
    /// start its next request).
    #[arg(
        long = "header-read-timeout-secs",
        env = "IMMAIL_MEET_HEADER_READ_TIMEOUT",
        default_value_t = 10
    )]
    pub header_read_timeout_secs: u64,
    /// Seconds a client may accept no byte of an answer before its connection is closed.
    #[arg(
        long = "idle-timeout-secs",
        env = "IMMAIL_MEET_IDLE_TIMEOUT",
        default_value_t = 60
    )]
    pub idle_timeout_secs: u64,
    /// Connections served at once; more wait in the listen queue.
    #[arg(
        long = "max-connections",
        env = "IMMAIL_MEET_MAX_CONNECTIONS",
        default_value_t = 512
    )]
    pub max_connections: usize,
    /// Seconds requests in flight get to finish after SIGTERM or Ctrl-C.
    #[arg(
        long = "shutdown-grace-secs",
        env = "IMMAIL_MEET_SHUTDOWN_GRACE",
        default_value_t = 30
    )]
    pub shutdown_grace_secs: u64,
}

impl Default for ServeOptions {
    /// 10 s to send a head, 60 s idle, 512 connections, 30 s to finish.
    fn default() -> Self {
        Self {
            header_read_timeout_secs: 10,
            idle_timeout_secs: 60,
            max_connections: 512,
            shutdown_grace_secs: 30,
        }
    }
}

impl ServeOptions {
    /// The header-read time-out.
    pub fn header_read_timeout(&self) -> Duration {
        Duration::from_secs(self.header_read_timeout_secs.max(1))
    }

    /// The idle time-out.
    pub fn idle_timeout(&self) -> Duration {
        Duration::from_secs(self.idle_timeout_secs.max(1))
    }

    /// The grace period of a stop.
    pub fn shutdown_grace(&self) -> Duration {
        Duration::from_secs(self.shutdown_grace_secs)
    }
}

/// Serves `router` on `listener` until `shutdown` resolves, then stops gracefully (see
/// the module documentation).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    options: ServeOptions,
    shutdown: impl Future<Output = ()>,
) {
    let places = Arc::new(Semaphore::new(options.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(options.header_read_timeout());
    tokio::pin!(shutdown);
    loop {
        let place = tokio::select! {
            place = places.clone().acquire_owned() => place.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors, or a connection reset before it was
                    // accepted: wait a little rather than spin.
                    tracing::warn!("accepting a connection failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let mut stream = TimeoutStream::new(stream);
        stream.set_write_timeout(Some(options.idle_timeout()));
        let io = TokioIo::new(Box::pin(stream));
        let connection =
            graceful.watch(http.serve_connection(io, TowerToHyperService::new(router.clone())));
        tokio::spawn(async move {
            // A client that went away or timed out ends its connection: nothing to report.
            let _ = connection.await;
            drop(place);
        });
    }
    drop(listener);
    tracing::info!("stopping: no new connections, finishing the requests in flight");
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("stopped: every connection closed"),
        () = tokio::time::sleep(options.shutdown_grace()) => {
            tracing::warn!("stopped: the grace period ended with connections still open");
        }
    }
}

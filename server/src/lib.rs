//! The customer backend of immail-meet, as a library and a thin binary.
//!
//! It holds the imMail credentials (never the browser), decides every participant's role
//! from the app's own identity, keeps rooms in a store that survives restarts and is
//! shared by several instances, and answers `<MeetEmbed>`'s grant contract. With no
//! credentials it runs a sandbox that plays imMail locally.
//!
//! - [`MeetApi`]: the operations (create a room, grant, history) as Rust calls and as an
//!   axum [`Router`](axum::Router) with no prefix and no fallback ([`MeetApi::router`];
//!   routes in [`routes`]). Built with [`MeetApi::builder`].
//! - [`Identity`]: who the caller is and what they may do, from the request; the default
//!   is [`VisitorIdentity`], a signed visitor cookie.
//! - [`Store`]: rooms, the history index and keys; [`store::SqlStore`] on SQLite or
//!   PostgreSQL.
//! - [`Limits`]: per-caller rate limits and the route time limit.
//! - [`ApiError`]: the one error of every route, operation and extractor.
//! - [`upstream`]: imMail itself, or the sandbox.
//! - [`server`]: the binary's settings, app and serving (time-outs, connection cap,
//!   graceful stop).
//!
//! # Usage
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use std::sync::Arc;
//! use immail_meet_server::store::SqlStore;
//! use immail_meet_server::upstream::sandbox::Sandbox;
//! use immail_meet_server::MeetApi;
//!
//! let store = Arc::new(SqlStore::connect("sqlite://immail-meet.db").await?);
//! let sandbox = Arc::new(Sandbox::new("http://127.0.0.1:8788/sandbox/meet/".into(), [1; 32]));
//! let api = MeetApi::builder().upstream(sandbox).store(store).build().await?;
//! let app = axum::Router::new().nest("/api/meet", api.router());
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8787").await?;
//! axum::serve(listener, app).await?;
//! # Ok(()) }
//! ```
//!
//! # Server-Side Rendering
//! Server only: a Leptos `ssr` app mounts the router in its axum app and calls the
//! operations from its `#[server]` functions.

pub mod api;
pub mod clock;
pub mod content_disposition;
pub mod cross_origin;
pub mod error;
pub mod identity;
pub mod limits;
pub mod models;
pub mod random;
pub mod range;
pub mod routes;
pub mod server;
pub mod store;
pub mod upstream;

pub use api::{BuildError, MeetApi, MeetApiBuilder, DEFAULT_ROOM_CACHE};
pub use error::ApiError;
pub use identity::{Caller, CallerId, Identity, Role, VisitorIdentity, VisitorOptions};
pub use limits::Limits;
pub use routes::MAX_BODY_BYTES;
pub use store::{Room, Store, StoreError};

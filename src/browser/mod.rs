//! Browser glue: the few places that talk to `fetch`, timers and the clock.
//!
//! Everything here compiles natively too (for server-side rendering) but only runs in
//! a browser.

pub(crate) mod dom;
pub(crate) mod fetch;
pub mod grant_source;
pub(crate) mod local_time;
pub mod server_api;
pub(crate) mod timer;

pub use grant_source::{GrantBody, GrantSource, DEFAULT_GRANT_TIMEOUT_MS, MAX_GRANT_BYTES};
pub use server_api::{create_room, fetch_public_config, server_allowed_hosts};

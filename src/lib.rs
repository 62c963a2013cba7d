//! Embed an imMail Meet video conference in a Leptos app, safely.
//!
//! [`MeetEmbed`] asks *your* backend for a short-lived grant (meeting URL + participant
//! JWT), checks it, and shows the meeting in an iframe; [`MeetingHistory`] and
//! [`SessionMessages`] show a room's past sessions, recordings and chat.
//!
//! # From a grant to an iframe, in three files
//!
//! | step | file | what |
//! | --- | --- | --- |
//! | 1. fetch | `grant_source.rs` | [`GrantSource`] `POST`s to your backend (which holds the imMail API key and decides the role) through the crate's one fetch (`fetch.rs`: a time-out that aborts, a size limit kept while the answer streams in, redirects refused), and reads the answer by the grant contract ([`GrantResponse`]) |
//! | 2. check and build | `meet_join.rs` | [`GrantRules::validate`] accepts only an allowed meeting URL ([`AllowedHosts`]), a well-formed token ([`Jwt`]) and an unexpired grant; [`Grant::src`] percent-encodes every name and option ([`MeetOptions`]) into the [`MeetingSrc`] |
//! | 3. show | `meet_embed.rs` | the `<iframe>` allowed camera, microphone and display capture, with loading, error/retry and left states; [`MeetController`] drives it from outside |
//!
//! The checks of step 2 are the pure core crate,
//! [`immail-meet-core`](https://docs.rs/immail-meet-core) (no Leptos, no DOM: the same
//! code on a server), re-exported here: `use immail_meet::...` reaches all of it.
//!
//! # Usage
//! ```
//! use immail_meet::{MeetEmbed, MeetOptions};
//! use leptos::prelude::*;
//!
//! #[component]
//! fn App() -> impl IntoView {
//!     let options = MeetOptions { first_name: Some("Zoë".into()), ..MeetOptions::default() };
//!     view! { <MeetEmbed endpoint="/api/meet/rooms/abc/grant" options=options /> }
//! }
//! ```
//!
//! # Features
//! `csr`, `hydrate` and `ssr` pass through to Leptos; none is on by default. A
//! client-side app sets `csr`; a full-stack app sets `hydrate` in its browser build and
//! `ssr` in its server build (never `csr` and `ssr` together: that fails to compile,
//! saying so).
//!
//! # Server-Side Rendering
//! The components render their placeholders (connecting, loading) on the server and
//! touch no browser API there; grants and history are fetched in the browser.

#![warn(missing_docs)]

#[cfg(all(feature = "csr", feature = "ssr"))]
compile_error!(
    "immail-meet: the features \"csr\" and \"ssr\" are both on, and cannot work in one build \
     (\"ssr\" renders on the server, \"csr\" runs the whole app in the browser). \
     A client-side app: `immail-meet = { ..., features = [\"csr\"] }`. \
     A full-stack app: no features on the dependency line, and in your app's [features] \
     `ssr = [\"leptos/ssr\", \"immail-meet/ssr\"]` for the server build and \
     `hydrate = [\"leptos/hydrate\", \"immail-meet/hydrate\"]` for the browser build."
);

mod fetch;
mod grant_source;
mod history_view;
mod local_time;
mod meet_controller;
mod meet_embed;
mod meet_join;
mod meet_overlay;
mod meeting_history;
mod server_api;
mod session_messages;
mod stylesheet;
mod timer;

pub use immail_meet_core::*;

pub use grant_source::{GrantBody, GrantSource, DEFAULT_GRANT_TIMEOUT_MS};
pub use history_view::DEFAULT_HISTORY_TIMEOUT_MS;
pub use meet_controller::{MeetController, MeetState};
pub use meet_embed::{MeetEmbed, DEFAULT_TITLE};
pub use meeting_history::{MeetingHistory, DEFAULT_SESSIONS_PER_PAGE};
pub use server_api::{create_room, fetch_public_config, server_allowed_hosts};
pub use session_messages::SessionMessages;
pub use stylesheet::{HISTORY_STYLESHEET, STYLESHEET};

/// Root classes: `base`, plus the app's own.
fn root_class(base: &str, extra: &str) -> String {
    if extra.is_empty() {
        base.to_owned()
    } else {
        format!("{base} {extra}")
    }
}

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

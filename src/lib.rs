//! Embed an imMail Meet video conference in a Leptos app, safely.
//!
//! The path from a grant to an iframe:
//!
//! 1. [`GrantSource`] (browser glue) `POST`s to the customer's backend, which holds the
//!    imMail API key and decides the role, and reads the answer ([`GrantResponse`]).
//! 2. [`Grant::validate`] (pure logic) accepts only an allowed `https` meeting URL
//!    ([`AllowedHosts`]), a JWT-shaped token ([`Jwt`]) and an unexpired grant.
//! 3. [`MeetingSrc::build`] percent-encodes every name and option ([`MeetOptions`]).
//! 4. [`MeetEmbed`] (component) shows it in an iframe allowed camera, microphone and
//!    display capture, with loading, error/retry and left states; [`MeetController`]
//!    drives it from outside.
//!
//! # Usage
//! ```
//! use immail_meet::MeetEmbed;
//! use leptos::prelude::*;
//!
//! #[component]
//! fn App() -> impl IntoView {
//!     view! { <MeetEmbed endpoint="/api/meet/rooms/abc/grant" first_name="Zoë" /> }
//! }
//! ```
//!
//! # Features
//! `csr`, `hydrate` and `ssr` pass through to Leptos; none is on by default. A
//! client-side app sets `csr`; a full-stack app sets `hydrate` in its browser build and
//! `ssr` in its server build (never `csr` and `ssr` together: that fails to compile,
//! saying so).

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

pub mod browser;
pub mod components;
#[cfg(feature = "demo")]
pub mod demo;
pub mod logic;
mod stylesheet;

pub use browser::{create_room, fetch_public_config, server_allowed_hosts, GrantBody, GrantSource};
pub use components::{MeetController, MeetEmbed, MeetState, MeetingHistory, SessionMessages};
pub use logic::*;
pub use stylesheet::{HISTORY_STYLESHEET, STYLESHEET};

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

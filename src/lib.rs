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
//! `csr`, `hydrate` and `ssr` pass through to Leptos; none is on by default.

#![warn(missing_docs)]

pub mod browser;
pub mod components;
#[cfg(feature = "demo")]
pub mod demo;
pub mod logic;

pub use browser::{GrantBody, GrantSource};
pub use components::{MeetController, MeetEmbed, MeetState, MeetingHistory, SessionMessages};
pub use logic::*;

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

//! A full-stack Leptos app that embeds imMail meetings: rendered on the server
//! (`ssr`), hydrated in the browser (`hydrate`).
//!
//! - Its own sign-in (a name is enough): [`account`], kept in a signed cookie
//!   (`server::sign_in_cookie`).
//! - The meeting backend (`immail-meet-server`) mounted in the same axum app, its
//!   identity being that sign-in: whoever created a meeting hosts it, in any browser
//!   where they sign in ([`meeting`], `server`).
//! - `<MeetEmbed>` fed by the [`meeting::grant`] server function, `<MeetingHistory>`
//!   for the host ([`pages`]).
//!
//! Run it with `scripts/fullstack.sh` (or `cargo leptos watch` in this folder).

pub mod account;
pub mod app;
pub mod error;
pub mod meeting;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;

/// The browser's entry point: hydrates the page the server rendered.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}

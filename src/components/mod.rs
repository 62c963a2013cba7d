//! The Leptos components and the handle that drives them.

pub mod meet_controller;
pub mod meet_embed;

pub use meet_controller::{MeetController, MeetState};
pub use meet_embed::MeetEmbed;

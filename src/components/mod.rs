//! The Leptos components and the handle that drives them.

pub(crate) mod history_load;
pub mod meet_controller;
pub mod meet_embed;
mod meet_join;
mod meet_overlay;
pub mod meeting_history;
pub mod session_messages;

pub use history_load::{DEFAULT_API_BASE, DEFAULT_HISTORY_TIMEOUT_MS, MAX_HISTORY_BYTES};
pub use meet_controller::{MeetController, MeetState};
pub use meet_embed::MeetEmbed;
pub use meeting_history::{MeetingHistory, DEFAULT_SESSIONS_PER_PAGE};
pub use session_messages::SessionMessages;

/// Root classes: `base`, plus the app's own.
pub(crate) fn root_class(base: &str, extra: &str) -> String {
    let mut class = String::from(base);
    if !extra.is_empty() {
        class.push(' ');
        class.push_str(extra);
    }
    class
}

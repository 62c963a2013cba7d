//! The pages, one per route, and what they share.

mod history;
mod home;
mod not_found;
mod problem;
mod room;

pub use history::HistoryPage;
pub use home::HomePage;
pub use not_found::NotFound;
pub use problem::Problem;
pub use room::RoomPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The `:room` of the route.
fn room_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("room").unwrap_or_default())
}

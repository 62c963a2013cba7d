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

use std::future::Future;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::account::Account;
use crate::error::AppError;
use crate::meeting::Meeting;

/// The route's room as `open` (a server function) gives it, fetched again when the
/// route's `:room` changes and whenever someone signs in or out here.
fn route_meeting<Fut>(open: fn(String) -> Fut) -> Resource<Result<Meeting, AppError>>
where
    Fut: Future<Output = Result<Meeting, AppError>> + Send + 'static,
{
    let params = use_params_map();
    let room = Memo::new(move |_| params.read().get("room").unwrap_or_default());
    let account = Account::expect();
    Resource::new(
        move || (room.get(), account.changes()),
        move |(room, _)| open(room),
    )
}

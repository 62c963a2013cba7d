//! The demo's History view: the created room's sessions, their recordings (download
//! links) and each session's chat, through `<MeetingHistory>`.

use leptos::prelude::*;

use crate::MeetingHistory;

/// The History view of the room the visitor created (its moderator).
pub fn history_view(room: String, sandbox: bool) -> impl IntoView {
    view! {
        <div class="demo-history">
            <h1 class="demo-history-title">"Sessions of room " <code>{room.clone()}</code></h1>
            <p class="demo-hint" hidden=!sandbox>"Sandbox: these sessions, chats and recordings are generated. The files are real downloads of made-up bytes."</p>
            <MeetingHistory room=room per_page=5 />
        </div>
    }
}

//! What a `<MeetEmbed>` shows around its meeting: the panel over the stage (progress,
//! an error with Retry, Join, Rejoin) and the bar below it (role, "settings changed",
//! Leave).
//!
//! What must not be seen is not rendered: the panel exists until the meeting has
//! loaded, the bar only while joined, the Rejoin button only with changed settings.
//! So no page stylesheet (a `[hidden] { display: block }` reset, `div { display:
//! flex }`) can bring back a part that should be gone.
//!
//! Both read the state with `try_with`: their view can outlive the component's
//! signals (a parent `<Suspense>` builds its children's view under its own owner, and
//! the controller's last state, `detached`, arrives as the component goes).

use leptos::prelude::*;

use crate::meet_controller::{Action, MeetController, MeetState};

/// The panel over the stage, in every state but a loaded meeting.
pub(crate) fn panel(meet: MeetController) -> impl IntoView {
    move || {
        meet.state.try_with(|s| {
            let covers = !matches!(s, MeetState::Joined { loaded: true, .. });
            covers.then(|| {
                let message = panel_message(s);
                let button = panel_button(s);
                view! {
                    <div
                        class=panel_class(s)
                        role=if matches!(s, MeetState::Failed(_)) { "alert" } else { "status" }
                    >
                        {(!message.is_empty()).then(|| view! { <p class="immail-meet__message">{message}</p> })}
                        {(!button.is_empty()).then(|| view! {
                            <button type="button" class="immail-meet__button" on:click=send(meet, Action::Join)>
                                {button}
                            </button>
                        })}
                    </div>
                }
            })
        })
        .flatten()
    }
}

/// The bar below the stage while joined: the role, the "settings changed" notice
/// with its Rejoin button, and Leave.
pub(crate) fn bar(meet: MeetController, changed: Signal<bool>) -> impl IntoView {
    move || {
        let changed = changed.try_get().unwrap_or(false);
        meet.state.try_with(|s| {
            matches!(s, MeetState::Joined { .. }).then(|| {
                view! {
                    <div class="immail-meet__bar">
                        <span class="immail-meet__role">{role_label(s)}</span>
                        <span class="immail-meet__notice" role="status">
                            {if changed { "Settings changed." } else { "" }}
                        </span>
                        {changed.then(|| view! {
                            <button type="button" class="immail-meet__button" on:click=send(meet, Action::Join)>
                                "Rejoin with new settings"
                            </button>
                        })}
                        <button type="button" class="immail-meet__button immail-meet__button--leave"
                            on:click=send(meet, Action::Leave)>
                            "Leave"
                        </button>
                    </div>
                }
            })
        })
        .flatten()
    }
}

/// A click handler that sends `action` to the component (one handler type for every
/// button).
fn send(meet: MeetController, action: Action) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    move |_| match action {
        Action::Join => meet.rejoin(),
        Action::Leave => meet.leave(),
    }
}

/// The panel's message in each state.
fn panel_message(state: &MeetState) -> String {
    match state {
        MeetState::Joined { .. } => "Loading the meeting…".into(),
        MeetState::Fetching => "Connecting to the meeting…".into(),
        MeetState::Failed(error) => error.to_string(),
        MeetState::Left => "You left the meeting.".into(),
        MeetState::Idle | MeetState::Detached => String::new(),
    }
}

/// The panel's button label in each state (empty: no button).
fn panel_button(state: &MeetState) -> &'static str {
    match state {
        MeetState::Failed(_) => "Retry",
        MeetState::Left => "Rejoin",
        MeetState::Idle => "Join meeting",
        _ => "",
    }
}

fn panel_class(state: &MeetState) -> &'static str {
    match state {
        MeetState::Failed(_) => "immail-meet__panel immail-meet__panel--error",
        MeetState::Fetching | MeetState::Joined { .. } => {
            "immail-meet__panel immail-meet__panel--busy"
        }
        _ => "immail-meet__panel",
    }
}

fn role_label(state: &MeetState) -> &'static str {
    match state {
        MeetState::Joined {
            moderator: Some(true),
            ..
        } => "Moderator",
        MeetState::Joined {
            moderator: Some(false),
            ..
        } => "Guest",
        _ => "",
    }
}

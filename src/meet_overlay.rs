//! What a `<MeetEmbed>` shows around its meeting: the panel over the stage (progress,
//! an error with Retry, Join, Rejoin), the permission notice above it and the bar below
//! it (role, "settings changed", Leave); in the words of its [`MeetTexts`], and with
//! the app's own panels where it gives them.
//!
//! What must not be seen is not rendered: the panel exists until the meeting has
//! loaded, the bar only while joined, the Rejoin button only with changed settings,
//! the notice only while joined with a warning. So no page stylesheet (a `[hidden] {
//! display: block }` reset, `div { display: flex }`) can bring back a part that should
//! be gone.
//!
//! Each reads its signals with `try_`: their view can outlive the component's signals
//! (a parent `<Suspense>` builds its children's view under its own owner, and the
//! controller's last state, `detached`, arrives as the component goes).

use leptos::prelude::*;

use crate::meet_controller::{Action, MeetController, MeetState};
use crate::{LeftReason, MeetError, MeetTexts, PanelView, PermissionWarning};

/// The app's own panels (`None`: the built-in one).
pub(crate) struct Panels {
    pub loading: Option<ViewFn>,
    pub error: Option<PanelView<MeetError>>,
    pub left: Option<PanelView<LeftReason>>,
}

impl Panels {
    /// The app's view for `state`, if it gave one.
    fn custom(&self, state: &MeetState) -> Option<AnyView> {
        match state {
            MeetState::Fetching | MeetState::Joined { .. } => {
                self.loading.as_ref().map(ViewFn::run)
            }
            MeetState::Failed(error) => self.error.as_ref().map(|v| v.run(error.clone())),
            MeetState::Left => self.left.as_ref().map(|v| v.run(LeftReason::Controls)),
            MeetState::Ended => self.left.as_ref().map(|v| v.run(LeftReason::MeetingEnded)),
            MeetState::Idle | MeetState::Detached => None,
        }
    }
}

/// The panel over the stage, in every state but a loaded meeting.
pub(crate) fn panel(
    meet: MeetController,
    texts: Signal<MeetTexts>,
    panels: Panels,
) -> impl IntoView {
    move || {
        let state = meet.state.try_get()?;
        if matches!(state, MeetState::Joined { loaded: true, .. }) {
            return None;
        }
        let role = if matches!(state, MeetState::Failed(_)) {
            "alert"
        } else {
            "status"
        };
        let (class, content) = match panels.custom(&state) {
            Some(view) => ("immail-meet__panel", view),
            None => (
                panel_class(&state),
                texts.try_with(|t| built_in(meet, &state, t))?,
            ),
        };
        Some(view! { <div class=class role=role>{content}</div> })
    }
}

/// The built-in panel's message and button.
fn built_in(meet: MeetController, state: &MeetState, texts: &MeetTexts) -> AnyView {
    let message = match state {
        MeetState::Joined { .. } => texts.loading.clone(),
        MeetState::Fetching => texts.connecting.clone(),
        MeetState::Failed(error) => (texts.error)(error),
        MeetState::Left => texts.left.clone(),
        MeetState::Ended => texts.ended.clone(),
        MeetState::Idle | MeetState::Detached => String::new(),
    };
    let button = match state {
        MeetState::Failed(_) => Some(texts.retry.clone()),
        MeetState::Left | MeetState::Ended => Some(texts.rejoin.clone()),
        MeetState::Idle => Some(texts.join.clone()),
        _ => None,
    };
    view! {
        {(!message.is_empty()).then(|| view! { <p class="immail-meet__message">{message}</p> })}
        {button.map(|label| view! {
            <button type="button" class="immail-meet__button" on:click=send(meet, Action::Join)>
                {label}
            </button>
        })}
    }
    .into_any()
}

/// The notice above the meeting while joined with permission warnings: what is blocked
/// and what to change, one line each.
pub(crate) fn permission_notice(
    meet: MeetController,
    warnings: RwSignal<Vec<PermissionWarning>>,
    texts: Signal<MeetTexts>,
) -> impl IntoView {
    move || {
        let joined = meet
            .state
            .try_with(|s| matches!(s, MeetState::Joined { .. }))
            .unwrap_or(false);
        let lines = warnings
            .try_with(|w| {
                texts.try_with(|t| {
                    w.iter()
                        .map(|w| (t.permission_warning)(w))
                        .collect::<Vec<_>>()
                })
            })
            .flatten()
            .unwrap_or_default();
        (joined && !lines.is_empty()).then(|| {
            view! {
                <div class="immail-meet__permissions" role="alert">
                    {lines.into_iter().map(|line| view! { <p class="immail-meet__permission">{line}</p> }).collect_view()}
                </div>
            }
        })
    }
}

/// The bar below the stage while joined: the role, the "settings changed" notice
/// with its Rejoin button, and Leave.
pub(crate) fn bar(
    meet: MeetController,
    changed: Signal<bool>,
    texts: Signal<MeetTexts>,
) -> impl IntoView {
    move || {
        let changed = changed.try_get().unwrap_or(false);
        let Some(MeetState::Joined { moderator, .. }) = meet.state.try_get() else {
            return None;
        };
        texts.try_with(|t| {
            let role = match moderator {
                Some(true) => t.moderator.clone(),
                Some(false) => t.guest.clone(),
                None => String::new(),
            };
            let notice = if changed { t.settings_changed.clone() } else { String::new() };
            let rejoin = t.rejoin_with_new_settings.clone();
            view! {
                <div class="immail-meet__bar">
                    <span class="immail-meet__role">{role}</span>
                    <span class="immail-meet__notice" role="status">{notice}</span>
                    {changed.then(|| view! {
                        <button type="button" class="immail-meet__button" on:click=send(meet, Action::Join)>
                            {rejoin}
                        </button>
                    })}
                    <button type="button" class="immail-meet__button immail-meet__button--leave"
                        on:click=send(meet, Action::Leave)>
                        {t.leave.clone()}
                    </button>
                </div>
            }
        })
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

fn panel_class(state: &MeetState) -> &'static str {
    match state {
        MeetState::Failed(_) => "immail-meet__panel immail-meet__panel--error",
        MeetState::Fetching | MeetState::Joined { .. } => {
            "immail-meet__panel immail-meet__panel--busy"
        }
        _ => "immail-meet__panel",
    }
}

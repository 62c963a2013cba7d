//! [`MeetController`]: read a `<MeetEmbed>`'s state and join, leave or rejoin it from
//! anywhere in the app.

use std::sync::Arc;

use leptos::html::Iframe;
use leptos::prelude::*;

use crate::logic::MeetError;

/// What a `<MeetEmbed>` is doing.
#[derive(Clone, Debug, PartialEq)]
pub enum MeetState {
    /// Waiting for [`MeetController::join`] (`auto_join = false`).
    Idle,
    /// Fetching and checking the grant.
    Fetching,
    /// The meeting iframe is in the page.
    Joined {
        /// The role the grant states (display only; the server decided it).
        moderator: Option<bool>,
        /// Whether the iframe has fired its `load` event.
        loaded: bool,
    },
    /// Joining failed; the error says why. [`MeetController::join`] retries.
    Failed(MeetError),
    /// The participant left; the iframe, camera and microphone are gone.
    Left,
}

impl MeetState {
    /// A short name, also written to the root element's `data-state` attribute:
    /// `idle`, `fetching`, `joined`, `error` or `left`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::Fetching => "fetching",
            Self::Joined { .. } => "joined",
            Self::Failed(_) => "error",
            Self::Left => "left",
        }
    }
}

/// What a controller asks its component to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    Join,
    Leave,
}

type Dispatch = Arc<dyn Fn(Action) + Send + Sync>;

/// A handle on one `<MeetEmbed>`, like the Jitsi SDK's `getIFrameRef` plus commands.
/// It is `Copy`; create it in the parent and pass it as the `controller` prop.
///
/// # Usage
/// ```
/// use immail_meet::{MeetController, MeetEmbed};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Room() -> impl IntoView {
///     let meet = MeetController::new();
///     view! {
///         <MeetEmbed endpoint="/api/meet/rooms/abc/grant" controller=meet />
///         <p>{move || meet.state().name()}</p>
///         <button on:click=move |_| meet.rejoin() disabled=move || !meet.settings_changed()>
///             "Apply new settings"
///         </button>
///     }
/// }
/// ```
///
/// # Server-Side Rendering
/// Safe to create on the server; commands do nothing until the component runs in
/// the browser.
#[derive(Clone, Copy)]
pub struct MeetController {
    pub(crate) state: RwSignal<MeetState>,
    /// Installed by the component: whether its props changed since it joined.
    pub(crate) settings_changed: StoredValue<Option<Signal<bool>>>,
    pub(crate) iframe: NodeRef<Iframe>,
    pub(crate) dispatch: StoredValue<Option<Dispatch>>,
}

impl Default for MeetController {
    fn default() -> Self {
        Self::new()
    }
}

impl MeetController {
    /// A controller not yet attached to a component.
    pub fn new() -> Self {
        Self {
            state: RwSignal::new(MeetState::Idle),
            settings_changed: StoredValue::new(None),
            iframe: NodeRef::new(),
            dispatch: StoredValue::new(None),
        }
    }

    /// The current state (reactive).
    pub fn state(&self) -> MeetState {
        self.state.get()
    }

    /// A signal of the state, to pass on.
    pub fn state_signal(&self) -> Signal<MeetState> {
        self.state.into()
    }

    /// Whether a prop changed since the current meeting was joined (reactive). Changes
    /// never reload a meeting by themselves; [`MeetController::rejoin`] applies them.
    pub fn settings_changed(&self) -> bool {
        self.settings_changed
            .try_get_value()
            .flatten()
            .is_some_and(|changed| changed.get())
    }

    /// The iframe while joined (`None` otherwise).
    pub fn iframe(&self) -> NodeRef<Iframe> {
        self.iframe
    }

    /// Fetches a fresh grant and joins; from an error this is "Retry". Ignored while
    /// already fetching or joined.
    pub fn join(&self) {
        if !matches!(
            self.state.get_untracked(),
            MeetState::Fetching | MeetState::Joined { .. }
        ) {
            self.send(Action::Join);
        }
    }

    /// Leaves: removes the iframe (which stops camera and microphone).
    pub fn leave(&self) {
        if !matches!(self.state.get_untracked(), MeetState::Left) {
            self.send(Action::Leave);
        }
    }

    /// Leaves if joined and joins again with the current props (one new iframe load).
    pub fn rejoin(&self) {
        self.send(Action::Join);
    }

    pub(crate) fn send(&self, action: Action) {
        if let Some(dispatch) = self.dispatch.try_get_value().flatten() {
            dispatch(action);
        }
    }
}

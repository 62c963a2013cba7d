//! [`MeetController`]: read a `<MeetEmbed>`'s state and join, leave or rejoin it from
//! anywhere in the app.

use std::sync::Arc;

use leptos::html::Iframe;
use leptos::prelude::*;

use crate::MeetError;

/// What a `<MeetEmbed>` is doing: [`MeetController::state`], and the root element's
/// `data-state` ([`MeetState::name`]).
///
/// # Usage
/// ```
/// use immail_meet::{MeetController, MeetEmbed, MeetState};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Status() -> impl IntoView {
///     let meet = MeetController::new();
///     let status = move || match meet.state() {
///         MeetState::Joined { moderator: Some(true), .. } => "You host this meeting".to_owned(),
///         MeetState::Failed(error) => error.to_string(),
///         other => other.name().to_owned(),
///     };
///     view! {
///         <p>{status}</p>
///         <MeetEmbed endpoint="/api/meet/rooms/abc/grant" controller=meet />
///     }
/// }
/// ```
///
/// # Server-Side Rendering
/// Pure data. A component rendered on the server says `fetching` (or `idle` without
/// `auto_join`).
#[derive(Clone, Debug, PartialEq)]
pub enum MeetState {
    /// No `<MeetEmbed>` is attached to the controller: none has mounted yet, or the
    /// one it drove was unmounted (e.g. by a `<Show>`). A join asked for now is kept
    /// for the next one (see [`MeetController`]).
    Detached,
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
    /// `idle`, `fetching`, `joined`, `error` or `left` (and `detached`, which no
    /// element shows: there is no component then).
    pub fn name(&self) -> &'static str {
        match self {
            Self::Detached => "detached",
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

/// The commands of the component a controller drives.
pub(crate) type Dispatch = Arc<dyn Fn(Action) + Send + Sync>;

/// A handle on one `<MeetEmbed>`, like the Jitsi SDK's `getIFrameRef` plus commands.
/// It is `Copy`; create it in the parent and pass it as the `controller` prop.
///
/// It works wherever the app reads it: its state and [`settings_changed`] are signals
/// the controller owns, so a button placed before the `<MeetEmbed>` it controls, or
/// outside a `<Show>` that mounts it later, follows it once it mounts.
///
/// **Detached** (no `<MeetEmbed>` mounted with it, or the one it drove was unmounted):
/// [`state`] is [`MeetState::Detached`] and [`is_attached`] is `false`. Commands
/// never vanish: [`join`] and [`rejoin`] are kept and run as soon as a `<MeetEmbed>`
/// attaches (it joins at mount even with `auto_join = false`, once); [`leave`] drops
/// a kept join, since there is no meeting to leave.
///
/// [`settings_changed`]: MeetController::settings_changed
/// [`state`]: MeetController::state
/// [`is_attached`]: MeetController::is_attached
/// [`join`]: MeetController::join
/// [`rejoin`]: MeetController::rejoin
/// [`leave`]: MeetController::leave
///
/// # Usage
/// ```
/// use immail_meet::{MeetController, MeetEmbed};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Room() -> impl IntoView {
///     let meet = MeetController::new();
///     let (open, set_open) = signal(true);
///     view! {
///         // Before the embed, and outside the <Show>: it follows whatever mounts.
///         <button on:click=move |_| meet.rejoin() disabled=move || !meet.settings_changed()>
///             "Apply new settings"
///         </button>
///         <p>{move || meet.state().name()}</p>
///         <button on:click=move |_| set_open.update(|o| *o = !*o)>"Show / hide"</button>
///         <Show when=move || open.get()>
///             <MeetEmbed endpoint="/api/meet/rooms/abc/grant" controller=meet />
///         </Show>
///     }
/// }
/// ```
///
/// # Server-Side Rendering
/// Safe to create on the server; commands are kept until the component runs in the
/// browser.
#[derive(Clone, Copy)]
pub struct MeetController {
    pub(crate) state: RwSignal<MeetState>,
    /// Written by the attached component: whether its props changed since it joined.
    pub(crate) settings_changed: RwSignal<bool>,
    pub(crate) iframe: NodeRef<Iframe>,
    /// The attached component's commands (`None`: detached).
    embed: StoredValue<Option<Dispatch>>,
    /// A join asked for while detached, for the next component that attaches.
    kept_join: StoredValue<bool>,
}

impl Default for MeetController {
    fn default() -> Self {
        Self::new()
    }
}

impl MeetController {
    /// A controller not yet attached to a component ([`MeetState::Detached`]).
    pub fn new() -> Self {
        Self {
            state: RwSignal::new(MeetState::Detached),
            settings_changed: RwSignal::new(false),
            iframe: NodeRef::new(),
            embed: StoredValue::new(None),
            kept_join: StoredValue::new(false),
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

    /// Whether a `<MeetEmbed>` is mounted with this controller (reactive).
    pub fn is_attached(&self) -> bool {
        self.state.with(|s| !matches!(s, MeetState::Detached))
    }

    /// Whether something a join is made with changed since the current meeting was
    /// joined (reactive): a name or option, the endpoint (another room), the request
    /// body or the grant source. Changes never reload a meeting by themselves;
    /// [`MeetController::rejoin`] applies them. `false` while not joined.
    pub fn settings_changed(&self) -> bool {
        self.settings_changed.get()
    }

    /// The iframe while joined (`None` otherwise).
    pub fn iframe(&self) -> NodeRef<Iframe> {
        self.iframe
    }

    /// Fetches a fresh grant and joins; from an error this is "Retry". Ignored while
    /// already fetching or joined; kept for the next `<MeetEmbed>` while detached.
    pub fn join(&self) {
        if !matches!(
            self.state.get_untracked(),
            MeetState::Fetching | MeetState::Joined { .. }
        ) {
            self.send(Action::Join);
        }
    }

    /// Leaves: removes the iframe (which stops camera and microphone). While
    /// detached, drops a kept join.
    pub fn leave(&self) {
        if !matches!(self.state.get_untracked(), MeetState::Left) {
            self.send(Action::Leave);
        }
    }

    /// Leaves if joined and joins again with the current props (one new iframe load);
    /// kept for the next `<MeetEmbed>` while detached.
    pub fn rejoin(&self) {
        self.send(Action::Join);
    }

    fn send(&self, action: Action) {
        match self.embed.try_get_value().flatten() {
            Some(dispatch) => dispatch(action),
            None => {
                self.kept_join.try_set_value(action == Action::Join);
            }
        }
    }

    /// Attaches a component's commands; `true` if a join was kept for it.
    pub(crate) fn attach(&self, dispatch: Dispatch) -> bool {
        self.embed.set_value(Some(dispatch));
        std::mem::take(&mut *self.kept_join.write_value())
    }

    /// Detaches the component whose commands are `dispatch`, if it is still the one
    /// attached (a controller handed on to a newer `<MeetEmbed>` keeps that one).
    pub(crate) fn detach(&self, dispatch: &Dispatch) {
        let ours = self
            .embed
            .try_with_value(|current| current.as_ref().is_some_and(|c| Arc::ptr_eq(c, dispatch)));
        if ours == Some(true) {
            self.embed.set_value(None);
            self.state.try_set(MeetState::Detached);
            self.settings_changed.try_set(false);
        }
    }
}

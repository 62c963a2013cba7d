//! [`MeetTexts`]: every word `<MeetEmbed>` shows, to give in another language.

use std::fmt;
use std::sync::Arc;

use crate::{MeetError, PermissionWarning};

/// A sentence made from a value (an error, a warning), in the page's language.
pub type Describe<T> = Arc<dyn Fn(&T) -> String + Send + Sync>;

/// Every text `<MeetEmbed>` shows: its panels, buttons and notices, and the sentences of
/// its errors and permission warnings. `Default` is the English the component shows
/// without a `texts` prop (listed by field); give your own for another language (the
/// iframe's accessible name is the `title` prop).
///
/// # Usage
/// ```
/// use std::sync::Arc;
/// use immail_meet::{MeetEmbed, MeetError, MeetTexts};
/// use leptos::prelude::*;
///
/// fn french() -> MeetTexts {
///     MeetTexts {
///         connecting: "Connexion à la réunion…".into(),
///         loading: "Chargement de la réunion…".into(),
///         left: "Vous avez quitté la réunion.".into(),
///         ended: "La réunion est terminée.".into(),
///         join: "Rejoindre la réunion".into(),
///         retry: "Réessayer".into(),
///         rejoin: "Revenir".into(),
///         leave: "Quitter".into(),
///         error: Arc::new(|error: &MeetError| match error {
///             MeetError::Fetch(_) => "Le service de réunion ne répond pas.".into(),
///             other => format!("Impossible de rejoindre : {other}"),
///         }),
///         ..MeetTexts::default()
///     }
/// }
///
/// #[component]
/// fn Reunion() -> impl IntoView {
///     view! { <MeetEmbed endpoint="/api/meet/rooms/abc/grant" texts=french() /> }
/// }
/// ```
///
/// # Server-Side Rendering
/// Pure data: the server renders the same words.
#[derive(Clone)]
pub struct MeetTexts {
    /// While the grant is fetched: "Connecting to the meeting…".
    pub connecting: String,
    /// While the meeting's iframe loads: "Loading the meeting…".
    pub loading: String,
    /// After Leave: "You left the meeting.".
    pub left: String,
    /// After the meeting ended by itself: "The meeting has ended.".
    pub ended: String,
    /// The button of a component that waits (`auto_join = false`): "Join meeting".
    pub join: String,
    /// The button after an error: "Retry".
    pub retry: String,
    /// The button after leaving or the end: "Rejoin".
    pub rejoin: String,
    /// The bar's button: "Leave".
    pub leave: String,
    /// The bar's notice when a prop changed while joined: "Settings changed.".
    pub settings_changed: String,
    /// Its button: "Rejoin with new settings".
    pub rejoin_with_new_settings: String,
    /// The bar's role for a moderator: "Moderator".
    pub moderator: String,
    /// The bar's role for a guest: "Guest".
    pub guest: String,
    /// The sentence of an error (default: its English `Display`).
    pub error: Describe<MeetError>,
    /// The sentence of a permission warning (default: its English `Display`, which
    /// names the header or attribute to change).
    pub permission_warning: Describe<PermissionWarning>,
}

impl Default for MeetTexts {
    fn default() -> Self {
        Self {
            connecting: "Connecting to the meeting…".into(),
            loading: "Loading the meeting…".into(),
            left: "You left the meeting.".into(),
            ended: "The meeting has ended.".into(),
            join: "Join meeting".into(),
            retry: "Retry".into(),
            rejoin: "Rejoin".into(),
            leave: "Leave".into(),
            settings_changed: "Settings changed.".into(),
            rejoin_with_new_settings: "Rejoin with new settings".into(),
            moderator: "Moderator".into(),
            guest: "Guest".into(),
            error: Arc::new(MeetError::to_string),
            permission_warning: Arc::new(PermissionWarning::to_string),
        }
    }
}

impl fmt::Debug for MeetTexts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MeetTexts")
            .field("connecting", &self.connecting)
            .field("loading", &self.loading)
            .field("left", &self.left)
            .field("ended", &self.ended)
            .field("join", &self.join)
            .field("retry", &self.retry)
            .field("rejoin", &self.rejoin)
            .field("leave", &self.leave)
            .field("settings_changed", &self.settings_changed)
            .field("rejoin_with_new_settings", &self.rejoin_with_new_settings)
            .field("moderator", &self.moderator)
            .field("guest", &self.guest)
            .finish_non_exhaustive()
    }
}

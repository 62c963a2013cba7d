//! The meeting's own end: a meeting that navigates its frame after it loaded (its own
//! hang-up button, a participant removed, the host ending it) makes the iframe fire
//! `load` a second time. `<MeetEmbed>` reads that as the meeting's end
//! ([`MeetState::Ended`](crate::MeetState::Ended), [`LeftReason::MeetingEnded`]), except
//! during the meeting's start-up: a page that redirects itself while it starts (within
//! `end_grace_ms` of its first `load`) has not ended.
//!
//! No message from the meeting is read: imMail publishes no `postMessage` protocol, so
//! a navigation of the frame is the one signal there is.

/// How long after the meeting's first `load` another `load` still counts as its start-up
/// (a redirect while it starts), in milliseconds: 3 000.
pub const DEFAULT_END_GRACE_MS: u32 = 3_000;

/// Why the participant is no longer in the meeting: what `on_left` is called with.
///
/// # Usage
/// ```
/// use immail_meet::{LeftReason, MeetEmbed};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Room() -> impl IntoView {
///     let (said, set_said) = signal(String::new());
///     view! {
///         <MeetEmbed
///             endpoint="/api/meet/rooms/abc/grant"
///             on_left=move |reason| set_said.set(match reason {
///                 LeftReason::Controls => "You left.".to_owned(),
///                 LeftReason::MeetingEnded => "The meeting is over.".to_owned(),
///             })
///         />
///         <p>{said}</p>
///     }
/// }
/// ```
///
/// # Server-Side Rendering
/// Pure data; nobody leaves a meeting on the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LeftReason {
    /// Left with the component's Leave button or
    /// [`MeetController::leave`](crate::MeetController::leave).
    Controls,
    /// The meeting navigated its frame away after its start-up (its own hang-up, the
    /// participant removed, the meeting ended by its host).
    MeetingEnded,
}

/// What one `load` of a join's iframe means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Load {
    /// The meeting's first load.
    First,
    /// Another load that does not end the meeting: during its start-up, or with the
    /// detection off.
    Ignored,
    /// The meeting navigated its frame away: it ended.
    Ended,
}

/// Classifies a `load` at `now_ms`, given when the join's first load was (`None`: this is
/// it), the grace period and whether the end is detected at all.
pub(crate) fn classify(
    first_load_ms: Option<f64>,
    now_ms: f64,
    grace_ms: u32,
    detect: bool,
) -> Load {
    match first_load_ms {
        None => Load::First,
        Some(first) if detect && now_ms - first >= f64::from(grace_ms) => Load::Ended,
        Some(_) => Load::Ignored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_load_ends_the_meeting_only_after_the_grace_period_and_when_detected() {
        assert_eq!(classify(None, 5.0, 3_000, true), Load::First);
        assert_eq!(classify(Some(1_000.0), 3_999.0, 3_000, true), Load::Ignored);
        assert_eq!(classify(Some(1_000.0), 4_000.0, 3_000, true), Load::Ended);
        assert_eq!(
            classify(Some(1_000.0), 99_000.0, 3_000, false),
            Load::Ignored
        );
        assert_eq!(classify(Some(1_000.0), 1_000.0, 0, true), Load::Ended);
    }
}

//! [`PanelView`]: a view made from a value, to replace one of `<MeetEmbed>`'s panels.

use std::sync::Arc;

use leptos::prelude::*;

/// A view made from a value: `<MeetEmbed>`'s `error` panel gets the [`MeetError`](crate::MeetError),
/// its `left` panel the [`LeftReason`](crate::LeftReason). Like Leptos' own
/// [`ViewFn`] (which the `loading` panel takes), any closure returning a view converts
/// into it.
///
/// The view replaces the panel's content (message and button); the panel keeps its
/// place over the stage and its role. The component's [`MeetController`](crate::MeetController)
/// is in context, for your own Retry or Rejoin button.
///
/// # Usage
/// ```
/// use immail_meet::{LeftReason, MeetController, MeetEmbed, MeetError};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Room() -> impl IntoView {
///     view! {
///         <MeetEmbed
///             endpoint="/api/meet/rooms/abc/grant"
///             loading=|| view! { <p class="my-spinner">"One moment…"</p> }
///             error=|error: MeetError| {
///                 let meet = expect_context::<MeetController>();
///                 view! {
///                     <p>"Sorry: " {error.to_string()}</p>
///                     <button on:click=move |_| meet.join()>"Try again"</button>
///                 }
///             }
///             left=|reason: LeftReason| view! {
///                 <p>{if reason == LeftReason::MeetingEnded { "Thanks for coming!" } else { "See you soon." }}</p>
///             }
///         />
///     }
/// }
/// ```
///
/// # Server-Side Rendering
/// Rendered on the server like any view (the `loading` panel is the one a server
/// renders).
pub struct PanelView<T>(Arc<dyn Fn(T) -> AnyView + Send + Sync>);

impl<T> Clone for PanelView<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T, F, C> From<F> for PanelView<T>
where
    F: Fn(T) -> C + Send + Sync + 'static,
    C: RenderHtml + Send + 'static,
{
    fn from(value: F) -> Self {
        Self(Arc::new(move |input| value(input).into_any()))
    }
}

impl<T> PanelView<T> {
    /// The view for `value`.
    pub fn run(&self, value: T) -> AnyView {
        (self.0)(value)
    }
}

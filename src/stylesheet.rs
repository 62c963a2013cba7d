//! The components' stylesheets as text, for apps that reach this crate as a git or
//! registry dependency (where no `<link href>` can point into Cargo's sources).

/// The stylesheet of `<MeetEmbed>`: `style/immail-meet.css`. Every class is prefixed
/// `immail-meet`; colours and the default size are custom properties. It holds no
/// `<`, `>` or `&`, so it reads the same as the text of a `<style>` element rendered
/// on the server.
///
/// # Usage
/// ```
/// use immail_meet::{MeetEmbed, STYLESHEET};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Room() -> impl IntoView {
///     view! {
///         // Set as the element's text (never parsed as HTML).
///         <style>{STYLESHEET}</style>
///         <MeetEmbed endpoint="/api/meet/rooms/abc/grant" />
///     }
/// }
/// ```
///
/// # Server-Side Rendering
/// A constant: the same text on the server and in the browser. With `leptos_meta`,
/// `<Style>{STYLESHEET}</Style>` puts it in the `<head>` instead.
pub const STYLESHEET: &str = include_str!("../style/immail-meet.css");

/// The stylesheet of `<MeetingHistory>` and `<SessionMessages>`:
/// `style/immail-meet-history.css`. Use it with [`STYLESHEET`] (for the buttons).
///
/// # Usage
/// ```
/// use immail_meet::{MeetingHistory, HISTORY_STYLESHEET, STYLESHEET};
/// use leptos::prelude::*;
///
/// #[component]
/// fn History() -> impl IntoView {
///     view! {
///         <style>{STYLESHEET}{HISTORY_STYLESHEET}</style>
///         <MeetingHistory room="abc" />
///     }
/// }
/// ```
///
/// # Server-Side Rendering
/// A constant, like [`STYLESHEET`].
pub const HISTORY_STYLESHEET: &str = include_str!("../style/immail-meet-history.css");

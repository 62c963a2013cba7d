//! The API's paths, with every id percent-encoded as one path segment.

use crate::history::Paging;

/// Where the reference server's API lives unless an app says otherwise.
pub const DEFAULT_API_BASE: &str = "/api/meet";

/// `<api_base>/<segment>/<segment>...`, each segment percent-encoded (ids are opaque:
/// a `/`, `?` or `#` in one stays inside its segment).
fn api_path(api_base: &str, segments: &[&str]) -> String {
    let mut path = api_base.trim_end_matches('/').to_owned();
    for segment in segments {
        path.push('/');
        // form_urlencoded writes a space as `+`, which a path would keep as a plus; it
        // encodes a real `+` as `%2B`, so every `+` in its output is a space.
        for piece in form_urlencoded::byte_serialize(segment.as_bytes()) {
            path.push_str(&piece.replace('+', "%20"));
        }
    }
    path
}

/// `<api_base>/config`.
///
/// # Usage
/// ```
/// use immail_meet_core::{config_path, DEFAULT_API_BASE};
/// assert_eq!(config_path(DEFAULT_API_BASE), "/api/meet/config");
/// ```
pub fn config_path(api_base: &str) -> String {
    api_path(api_base, &["config"])
}

/// `<api_base>/rooms`.
///
/// # Usage
/// ```
/// assert_eq!(immail_meet_core::rooms_path("/api/meet/"), "/api/meet/rooms");
/// ```
pub fn rooms_path(api_base: &str) -> String {
    api_path(api_base, &["rooms"])
}

/// `<api_base>/rooms/<room>/grant`: a room's grant endpoint.
///
/// # Usage
/// ```
/// assert_eq!(immail_meet_core::grant_path("/api/meet", "abc"), "/api/meet/rooms/abc/grant");
/// ```
pub fn grant_path(api_base: &str, room: &str) -> String {
    api_path(api_base, &["rooms", room, "grant"])
}

/// `<api_base>/rooms/<room>/sessions?page=<page>&per_page=<per_page>`: one page of a
/// room's sessions ([`room_sessions_path`] with [`Paging::query`]).
///
/// # Usage
/// ```
/// use immail_meet_core::{sessions_path, Paging};
/// assert_eq!(
///     sessions_path("/api/meet", "abc", Paging::new(2, 10)),
///     "/api/meet/rooms/abc/sessions?page=2&per_page=10",
/// );
/// ```
pub fn sessions_path(api_base: &str, room: &str, paging: Paging) -> String {
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(paging.query())
        .finish();
    format!("{}?{query}", room_sessions_path(api_base, room))
}

/// `<api_base>/rooms/<room>/sessions`: where a room's sessions are listed, without the
/// page (for a client that adds [`Paging::query`] itself).
///
/// # Usage
/// ```
/// assert_eq!(immail_meet_core::room_sessions_path("/api/meet", "a b"), "/api/meet/rooms/a%20b/sessions");
/// ```
pub fn room_sessions_path(api_base: &str, room: &str) -> String {
    api_path(api_base, &["rooms", room, "sessions"])
}

/// `<api_base>/sessions/<session>/messages`: a session's chat.
///
/// # Usage
/// ```
/// assert_eq!(
///     immail_meet_core::messages_path("/api/meet", "a/b"),
///     "/api/meet/sessions/a%2Fb/messages",
/// );
/// ```
pub fn messages_path(api_base: &str, session: &str) -> String {
    api_path(api_base, &["sessions", session, "messages"])
}

/// `<api_base>/recordings/<file>`: a recording's download.
///
/// # Usage
/// ```
/// assert_eq!(immail_meet_core::recording_path("/api/meet", "f 1"), "/api/meet/recordings/f%201");
/// ```
pub fn recording_path(api_base: &str, file: &str) -> String {
    api_path(api_base, &["recordings", file])
}

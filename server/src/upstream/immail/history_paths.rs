//! Where the imMail history APIs live. imMail does not publish these paths (the seed
//! names the three APIs without them), so each is a template set by a flag or an
//! environment variable, with a guessed default named as an assumption in the README.
//!
//! | API | flag / environment | default |
//! | --- | --- | --- |
//! | sessions of a video room | `--immail-sessions-path` / `IMMAIL_SESSIONS_PATH` | [`DEFAULT_SESSIONS_PATH`] |
//! | messages of a session | `--immail-messages-path` / `IMMAIL_MESSAGES_PATH` | [`DEFAULT_MESSAGES_PATH`] |
//! | download a recording file | `--immail-recording-path` / `IMMAIL_RECORDING_PATH` | [`DEFAULT_RECORDING_PATH`] |
//!
//! Placeholders are replaced by percent-encoded values: `{room_id}` (the VIDEO ROOM
//! ID), `{page}` and `{per_page}` (paging, passed through), `{session_id}` (the VIDEO
//! ROOM SESSION ID), `{file_id}` (a recording file's `_id`).

use super::SettingsError;
use crate::models::Paging;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Assumed: `GET` the sessions of a video room, one page.
pub const DEFAULT_SESSIONS_PATH: &str =
    "/v2/videoconference/room/{room_id}/sessions?page={page}&limit={per_page}";
/// Assumed: `GET` the chat messages of a session.
pub const DEFAULT_MESSAGES_PATH: &str = "/v2/videoconference/session/{session_id}/messages";
/// Assumed: `GET` a recording file's bytes (`Range` passed through).
pub const DEFAULT_RECORDING_PATH: &str = "/v2/videoconference/recording/{file_id}/download";

/// Unreserved characters (RFC 3986) stay; everything else in a value is escaped, so a
/// value never adds a path segment or a query parameter.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The three history path templates (flags and environment).
///
/// # Usage
/// ```
/// use immail_meet_server::models::Paging;
/// use immail_meet_server::upstream::immail::history_paths::HistoryPaths;
/// let paths = HistoryPaths::default();
/// paths.check().unwrap();
/// assert_eq!(
///     paths.sessions("608b2eb8", Paging::new(2, 10)),
///     "/v2/videoconference/room/608b2eb8/sessions?page=2&limit=10"
/// );
/// ```
///
/// # Server-Side Rendering
/// Server only: this type exists only in the backend.
#[derive(Clone, Debug, PartialEq, Eq, clap::Args)]
pub struct HistoryPaths {
    /// imMail path listing a video room's sessions (not public: an assumption). Holds
    /// {room_id}, and may hold {page} and {per_page}.
    #[arg(long = "immail-sessions-path", value_name = "PATH", env = "IMMAIL_SESSIONS_PATH", default_value = DEFAULT_SESSIONS_PATH)]
    pub sessions: String,

    /// imMail path of a session's chat messages (not public: an assumption). Holds
    /// {session_id}.
    #[arg(long = "immail-messages-path", value_name = "PATH", env = "IMMAIL_MESSAGES_PATH", default_value = DEFAULT_MESSAGES_PATH)]
    pub messages: String,

    /// imMail path downloading a recording file (not public: an assumption). Holds
    /// {file_id}.
    #[arg(long = "immail-recording-path", value_name = "PATH", env = "IMMAIL_RECORDING_PATH", default_value = DEFAULT_RECORDING_PATH)]
    pub recording: String,
}

impl Default for HistoryPaths {
    /// The assumed defaults.
    fn default() -> Self {
        Self {
            sessions: DEFAULT_SESSIONS_PATH.to_owned(),
            messages: DEFAULT_MESSAGES_PATH.to_owned(),
            recording: DEFAULT_RECORDING_PATH.to_owned(),
        }
    }
}

impl HistoryPaths {
    /// Checks each template at start-up: an absolute path holding its id placeholder,
    /// and no placeholder it does not know.
    pub fn check(&self) -> Result<(), SettingsError> {
        for (flag, template, required, allowed) in [
            (
                "--immail-sessions-path",
                &self.sessions,
                "{room_id}",
                &["{room_id}", "{page}", "{per_page}"][..],
            ),
            (
                "--immail-messages-path",
                &self.messages,
                "{session_id}",
                &["{session_id}"][..],
            ),
            (
                "--immail-recording-path",
                &self.recording,
                "{file_id}",
                &["{file_id}"][..],
            ),
        ] {
            if !template.starts_with('/') || template.starts_with("//") {
                return Err(bad(flag, "must be a path starting with one /".into()));
            }
            if !template.contains(required) {
                return Err(bad(flag, format!("must hold {required}")));
            }
            let mut rest = template.as_str();
            while let Some(open) = rest.find('{') {
                let close = rest[open..]
                    .find('}')
                    .ok_or_else(|| bad(flag, "has an unclosed {".into()))?;
                let placeholder = &rest[open..open + close + 1];
                if !allowed.contains(&placeholder) {
                    return Err(bad(
                        flag,
                        format!("holds {placeholder}; it may hold {}", allowed.join(", ")),
                    ));
                }
                rest = &rest[open + close + 1..];
            }
        }
        Ok(())
    }

    /// The sessions path for a room id and a page.
    pub fn sessions(&self, room_id: &str, paging: Paging) -> String {
        fill(
            &self.sessions,
            &[
                ("{room_id}", room_id),
                ("{page}", &paging.page.to_string()),
                ("{per_page}", &paging.per_page.to_string()),
            ],
        )
    }

    /// The messages path for a session id.
    pub fn messages(&self, session_id: &str) -> String {
        fill(&self.messages, &[("{session_id}", session_id)])
    }

    /// The download path for a file id.
    pub fn recording(&self, file_id: &str) -> String {
        fill(&self.recording, &[("{file_id}", file_id)])
    }
}

fn bad(flag: &'static str, why: String) -> SettingsError {
    SettingsError::BadHistoryPath { flag, why }
}

/// The template with each placeholder replaced by its percent-encoded value (one pass:
/// a value holding `{page}` stays text).
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        match values.iter().find(|(name, _)| tail.starts_with(name)) {
            Some((name, value)) => {
                out.extend(utf8_percent_encode(value, VALUE));
                rest = &tail[name.len()..];
            }
            None => {
                out.push('{');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_stay_inside_their_placeholder() {
        let paths = HistoryPaths::default();
        assert_eq!(
            paths.messages("a/b?c=d#e {page}"),
            "/v2/videoconference/session/a%2Fb%3Fc%3Dd%23e%20%7Bpage%7D/messages"
        );
        assert_eq!(
            paths.recording("6094e661deec78bbbf71716b"),
            "/v2/videoconference/recording/6094e661deec78bbbf71716b/download"
        );
        assert_eq!(
            paths.sessions("r", Paging::default()),
            "/v2/videoconference/room/r/sessions?page=1&limit=20"
        );
    }

    #[test]
    fn bad_templates_are_refused_at_start_up() {
        let with = |sessions: &str| HistoryPaths {
            sessions: sessions.into(),
            ..HistoryPaths::default()
        };
        assert!(with("/rooms/{room_id}/sessions").check().is_ok());
        for (template, error) in [
            ("rooms/{room_id}", "must be a path starting with one /"),
            ("//evil.com/{room_id}", "must be a path starting with one /"),
            ("/rooms/sessions", "must hold {room_id}"),
            (
                "/rooms/{room_id}/{sesion_id}",
                "holds {sesion_id}; it may hold",
            ),
            ("/rooms/{room_id}/{oops", "unclosed {"),
        ] {
            let message = with(template).check().unwrap_err().to_string();
            assert!(message.contains(error), "{template}: {message}");
            assert!(message.starts_with("--immail-sessions-path"), "{message}");
        }
    }
}

//! The imMail upstream: the real API behind [`Upstream`], for a configured API key.
//!
//! | what the server needs | imMail call | safe to retry |
//! | --- | --- | --- |
//! | a service token | `POST /auth/token`, `X-AUTH-TOKEN`, `{"email_domain"}` | yes: it only issues a token |
//! | create a room | `POST /v2/videoconference/schedule`, `{"topic", "start_at"?, "duration"?}` | no: a repeat after a lost answer could schedule a second room |
//! | a participant grant | `POST /v2/videoconference/token`, `{"room_name", "moderator"}` | yes: it only issues a token |
//! | a room's sessions | `GET` [`history_paths::DEFAULT_SESSIONS_PATH`] (assumed; `{room_id}`, paging passed through) | yes |
//! | a session's messages | `GET` [`history_paths::DEFAULT_MESSAGES_PATH`] (assumed; `{session_id}`) | yes |
//! | a recording | `GET` [`history_paths::DEFAULT_RECORDING_PATH`] (assumed; `{file_id}`), `Range`/`If-Range` passed on, streamed | yes |
//!
//! The pieces: [`settings`] (configuration, [`ApiKey`]), [`service_token`] (the cache),
//! [`client`] (auth, retries, error mapping: every call goes through
//! [`ImmailClient::json`] or [`ImmailClient::send`]), [`answer`] (reading answers).
//!
//! Adding a call: build an [`ApiCall`] (`ApiCall::get(path)`, or `ApiCall::post(path,
//! body)` plus `.idempotent()` when repeating it changes nothing; percent-encode path
//! segments that come from data), send it with `self.client.json(&call)` (or `send` for
//! a body to stream, with `.accept("*/*")`), and read members with [`answer::text`]. The
//! service token, the 401 rule, the retry policy, time-outs and the mapping of faults to
//! `UpstreamError` come with it; an error detail names the call, never a value.

pub mod answer;
pub mod client;
pub mod history;
pub mod history_paths;
pub mod service_token;
pub mod settings;
mod settings_error;

pub use settings_error::SettingsError;

use crate::models::{Jwt, RoomName};
use async_trait::async_trait;
use serde_json::json;

pub use client::{ApiCall, ImmailClient};
pub use service_token::{ServiceToken, ServiceTokenCache};
pub use settings::{ApiKey, ImmailConfig, ImmailSettings, ServiceTokenPolicy};

use crate::models::{MessageList, Paging, SessionList};

use super::{
    IssuedToken, NewRoom, RecordingRequest, RecordingStream, Upstream, UpstreamError, UpstreamRoom,
};

/// `POST /v2/videoconference/schedule`.
pub const SCHEDULE_PATH: &str = "/v2/videoconference/schedule";
/// `POST /v2/videoconference/token`.
pub const TOKEN_PATH: &str = "/v2/videoconference/token";

/// The imMail upstream.
///
/// # Usage
/// ```no_run
/// use immail_meet_server::upstream::immail::{ApiKey, Immail, ImmailConfig};
/// let config = ImmailConfig {
///     email_domain: Some("example.com".into()),
///     api_key: Some(ApiKey::new("from-a-secret-store")),
///     ..ImmailConfig::default()
/// };
/// let immail = Immail::new(&config.settings().unwrap()).unwrap();
/// ```
///
/// # Server-Side Rendering
/// Server only: this type exists only in the backend.
pub struct Immail {
    client: ImmailClient,
    meeting_base: String,
    history_paths: history_paths::HistoryPaths,
}

impl Immail {
    /// The upstream for checked settings.
    pub fn new(settings: &ImmailSettings) -> Result<Self, SettingsError> {
        Ok(Self {
            client: ImmailClient::new(settings)?,
            meeting_base: settings.meeting_base.clone(),
            history_paths: settings.history_paths.clone(),
        })
    }
}

#[async_trait]
impl Upstream for Immail {
    fn mode(&self) -> &'static str {
        "immail"
    }

    fn meeting_base(&self) -> &str {
        &self.meeting_base
    }

    /// `schedule`: not retried after a `5xx` or a time-out (see the module table).
    async fn create_room(&self, room: &NewRoom) -> Result<UpstreamRoom, UpstreamError> {
        let mut body = json!({ "topic": room.topic });
        if let Some(start_at) = &room.start_at {
            body["start_at"] = json!(start_at);
        }
        if let Some(duration) = room.duration_minutes {
            body["duration"] = json!(duration);
        }
        let call = ApiCall::post(SCHEDULE_PATH, body);
        let answer = self.client.json(&call).await?;
        let name = answer::text(&call, &answer, "name")?;
        RoomName::parse(name).map_err(|_| {
            UpstreamError::Failed(format!("{call}: the room name is not a valid meeting name"))
        })?;
        let id = answer::text(&call, &answer, "_id")?;
        let topic = answer
            .get("topic")
            .and_then(|t| t.as_str())
            .unwrap_or(&room.topic);
        Ok(UpstreamRoom {
            id: id.to_owned(),
            name: name.to_owned(),
            topic: topic.to_owned(),
        })
    }

    /// `token` with the moderator flag the server decided. imMail decides the token's
    /// lifetime (`ttl_secs` is not sent) and shows names from the meeting URL, so
    /// `display_name` is not sent either; `expires_at` is the token's `exp`.
    async fn participant_token(
        &self,
        room: &UpstreamRoom,
        _display_name: &str,
        moderator: bool,
        _ttl_secs: u64,
    ) -> Result<IssuedToken, UpstreamError> {
        let call = ApiCall::post(
            TOKEN_PATH,
            json!({ "room_name": room.name, "moderator": moderator }),
        )
        .idempotent();
        let answer = self.client.json(&call).await?;
        let jwt = Jwt::new(answer::text(&call, &answer, "token")?);
        let claims = jwt
            .claims()
            .map_err(|e| UpstreamError::Failed(format!("{call}: {e}")))?;
        Ok(IssuedToken {
            jwt,
            expires_at: claims.expires_at.map(|exp| exp as i64),
        })
    }

    /// The sessions path with the VIDEO ROOM ID and the paging passed through.
    async fn list_sessions(
        &self,
        room: &UpstreamRoom,
        paging: Paging,
    ) -> Result<SessionList, UpstreamError> {
        history::get_json(&self.client, self.history_paths.sessions(&room.id, paging)).await
    }

    async fn session_messages(
        &self,
        _room: &UpstreamRoom,
        session_id: &str,
    ) -> Result<MessageList, UpstreamError> {
        history::get_json(&self.client, self.history_paths.messages(session_id)).await
    }

    async fn recording(
        &self,
        request: &RecordingRequest<'_>,
    ) -> Result<RecordingStream, UpstreamError> {
        history::recording(&self.client, &self.history_paths, request).await
    }
}

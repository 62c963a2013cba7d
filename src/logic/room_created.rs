//! [`RoomCreated`]: the reference server's answer to `POST /api/meet/rooms`.

use super::error::GrantFetchError;
use super::json::{self, Json};
use super::meeting_url::RoomName;

/// A room the reference server created (`POST /api/meet/rooms`): never a token. The
/// caller who created it is its moderator.
///
/// ```json
/// {"id": "66f1…", "name": "19wda8xxxs8eas8q", "topic": "Consultation",
///  "meeting_url": "https://web.immail.ca/meet/19wda8xxxs8eas8q"}
/// ```
///
/// In the browser, [`create_room`](crate::create_room) makes one.
///
/// # Usage
/// ```
/// use immail_meet::RoomCreated;
/// let room = RoomCreated::from_json(
///     r#"{"id": "r1", "name": "abc", "topic": "Consultation", "meeting_url": "https://web.immail.ca/meet/abc"}"#,
/// ).unwrap();
/// assert_eq!(room.grant_endpoint("/api/meet"), "/api/meet/rooms/abc/grant");
/// // A name that is not a room name never reaches a URL.
/// assert!(RoomCreated::from_json(r#"{"id": "r1", "name": "../admin", "topic": "x"}"#).is_err());
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomCreated {
    /// The room's id (imMail's VIDEO ROOM ID).
    pub id: String,
    /// The room's name, what grant URLs use.
    pub name: RoomName,
    /// What the meeting is about.
    pub topic: String,
    /// The meeting URL, if the answer gives it.
    pub meeting_url: Option<String>,
}

impl RoomCreated {
    /// Reads the answer; one without an `id`, a `topic` or a valid room `name` is
    /// [`GrantFetchError::Unreadable`].
    pub fn from_json(text: &str) -> Result<Self, GrantFetchError> {
        let unreadable = |why: String| GrantFetchError::Unreadable(why);
        let value = json::parse(text).map_err(|_| unreadable("it is not JSON".into()))?;
        let field = |key: &str| {
            value
                .str(key)
                .map(str::to_owned)
                .ok_or_else(|| unreadable(format!("it has no \"{key}\"")))
        };
        let id = match value.get("id") {
            // An id may come as a number; it is opaque either way.
            Some(Json::Number(n)) => n.to_string(),
            _ => field("id")?,
        };
        let name = RoomName::parse(&field("name")?)
            .map_err(|e| unreadable(format!("its \"name\": {e}")))?;
        Ok(Self {
            id,
            name,
            topic: field("topic")?,
            meeting_url: value.str("meeting_url").map(str::to_owned),
        })
    }

    /// The room's grant endpoint under `api_base` (`<api_base>/rooms/<name>/grant`),
    /// what `<MeetEmbed endpoint>` takes.
    pub fn grant_endpoint(&self, api_base: &str) -> String {
        format!(
            "{}/rooms/{}/grant",
            api_base.trim_end_matches('/'),
            self.name.as_str()
        )
    }
}

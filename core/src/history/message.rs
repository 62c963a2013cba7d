//! [`Message`] and [`MessageList`]: the chat history of a session.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::{HistoryError, Timestamp};
use crate::read;
use crate::read::value::{deserialize, list_answer, object, optional, text, time, At, Read};

/// One chat message of a session.
///
/// The seed gives no shape for messages, so every usual name is accepted: the id as
/// `_id` or `id`; the sender as `sender`, `from`, `author`, `name`, `user` or
/// `sender_name` (text, or an object with a `name`, `display_name` or `username`); the
/// text as `text`, `message`, `body` or `content`; the time as `created_at`, `date`,
/// `timestamp`, `time` or `sent_at` (ISO 8601 or a Unix time). Written as `{"_id",
/// "sender", "text", "created_at"}`. The text is plain text: show it as text, never as
/// HTML.
///
/// # Usage
/// ```
/// use immail_meet_core::Message;
/// let m: Message = serde_json::from_str(
///     r#"{"id": 7, "user": {"name": "Blanca"}, "message": "<b>hi</b>", "timestamp": 1619666674}"#,
/// ).unwrap();
/// assert_eq!(m.sender.as_deref(), Some("Blanca"));
/// assert_eq!(m.text, "<b>hi</b>");
/// assert_eq!(m.created_at.unwrap().to_string(), "2021-04-29T03:24:34.000Z");
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Message {
    /// The message id, if the API gives one.
    #[serde(rename = "_id", skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Who wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    /// What they wrote (plain text; empty if the API sent none).
    pub text: String,
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
}

impl Message {
    /// Reads a message from a parsed answer.
    pub(crate) fn read(value: &Value, at: &At) -> Read<Self> {
        let members = object(value, at, "an object")?;
        Ok(Self {
            id: optional(members, at, &["_id", "id"], text)?,
            sender: sender(members, at)?,
            text: optional(members, at, &["text", "message", "body", "content"], text)?
                .unwrap_or_default(),
            created_at: optional(
                members,
                at,
                &["created_at", "date", "timestamp", "time", "sent_at"],
                time,
            )?,
        })
    }
}

impl<'de> Deserialize<'de> for Message {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer, Self::read)
    }
}

/// The sender: the first of its names that gives one. `sender`, `from`, `author` and
/// `user` may be text or an object with a `name`, `display_name` or `username` (an
/// object without one gives none, and the next name is asked); `name` and
/// `sender_name` are text.
fn sender(members: &Map<String, Value>, at: &At) -> Read<Option<String>> {
    for name in ["sender", "from", "author", "name", "user", "sender_name"] {
        let Some(value) = members.get(name).filter(|value| !value.is_null()) else {
            continue;
        };
        let at = At::Key(at, name);
        let found = match value {
            Value::Object(person) if !matches!(name, "name" | "sender_name") => {
                optional(person, &at, &["name", "display_name", "username"], text)?
            }
            Value::String(_) | Value::Number(_) => Some(text(value, &at)?),
            _ if matches!(name, "name" | "sender_name") => return Err(at.wrong_type("text", value)),
            _ => return Err(at.wrong_type("a name or an object with a name", value)),
        };
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

/// The chat history of a session, written as `{"data": [...]}`.
///
/// Read from that, from `messages`/`items`/`results` instead of `data`, or from a bare
/// JSON array. [`MessageList::from_json`] reads it with a typed [`HistoryError`]; the
/// serde `Deserialize` is the same reader.
///
/// # Usage
/// ```
/// use immail_meet_core::MessageList;
/// let list = MessageList::from_json(r#"[{"from": "Curtis", "body": "Hello"}]"#).unwrap();
/// assert_eq!(list.data[0].text, "Hello");
/// ```
///
/// # Server-Side Rendering
/// Pure data and logic: works the same on the server and in the browser.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MessageList {
    /// The messages, in the order the API sent them.
    pub data: Vec<Message>,
}

impl MessageList {
    /// Reads a message list from JSON text (or UTF-8 bytes), with a typed error naming
    /// the place.
    pub fn from_json(json: impl AsRef<[u8]>) -> Result<Self, HistoryError> {
        Ok(Self::read(&read::parse(json.as_ref())?, &At::Root)?)
    }

    /// Reads a list from a parsed answer.
    pub(crate) fn read(value: &Value, _: &At) -> Read<Self> {
        let names = ["data", "messages", "items", "results"];
        let object = |_: &Map<String, Value>, data| Ok(Self { data });
        list_answer(value, Message::read, &names, object, |data| Self { data })
    }
}

impl<'de> Deserialize<'de> for MessageList {
    /// Exactly what [`MessageList::from_json`] accepts.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer, Self::read)
    }
}

//! [`Message`] and [`MessageList`]: the chat history of a session.

use serde::{Deserialize, Deserializer, Serialize};

use super::error::HistoryError;
use super::fields;
use super::timestamp::Timestamp;
use crate::logic::json::{self, Json};

/// Names the sender goes by in the APIs seen in the wild.
const SENDER_KEYS: &[&str] = &[
    "sender",
    "from",
    "author",
    "name",
    "user.name",
    "sender_name",
    "user",
];
/// Names of a sender object's name.
const NAME_KEYS: &[&str] = &["name", "display_name", "username"];

/// One chat message of a session.
///
/// The seed gives no shape for messages, so every usual name is accepted: the id as
/// `_id` or `id`; the sender as `sender`, `from`, `author`, `name`, `user.name` or
/// `sender_name` (a string, or an object with a `name`); the text as `text`,
/// `message`, `body` or `content`; the time as `created_at`, `date`, `timestamp`,
/// `time` or `sent_at` (ISO 8601 or a Unix time). Written as `{"_id", "sender",
/// "text", "created_at"}`. The text is plain text: show it as text, never as HTML.
///
/// # Usage
/// ```
/// use immail_meet::Message;
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
    pub(crate) fn read(value: &Json) -> Result<Self, HistoryError> {
        let value = fields::object(value)?;
        let sender = match fields::member(value, SENDER_KEYS) {
            None => None,
            Some((key, who @ Json::Object(_))) => {
                fields::text(who, NAME_KEYS).map_err(|e| e.within(key, None))?
            }
            Some(_) => fields::text(value, SENDER_KEYS)?,
        };
        Ok(Self {
            id: fields::text(value, &["_id", "id"])?,
            sender,
            text: fields::text(value, &["text", "message", "body", "content"])?.unwrap_or_default(),
            created_at: fields::time(
                value,
                &["created_at", "date", "timestamp", "time", "sent_at"],
            )?,
        })
    }
}

impl<'de> Deserialize<'de> for Message {
    /// The same tolerant reading as in the browser.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::deserialize_with(deserializer, Self::read)
    }
}

/// The chat history of a session, written as `{"data": [...]}`.
///
/// Read from that, from `messages`/`items`/`results` instead of `data`, or from a bare
/// JSON array.
///
/// # Usage
/// ```
/// use immail_meet::MessageList;
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
    /// Reads a message list from JSON text.
    pub fn from_json(text: &str) -> Result<Self, HistoryError> {
        Self::read(&json::parse(text)?)
    }

    pub(crate) fn read(value: &Json) -> Result<Self, HistoryError> {
        let value = fields::document(value)?;
        Ok(Self {
            data: fields::each(
                value,
                &["data", "messages", "items", "results"],
                Message::read,
            )?,
        })
    }
}

impl<'de> Deserialize<'de> for MessageList {
    /// The same tolerant reading as in the browser.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::deserialize_with(deserializer, Self::read)
    }
}

/// The backend path of a session's messages: `<api_base>/sessions/<session>/messages`.
pub fn messages_path(api_base: &str, session: &str) -> String {
    super::api_path(api_base, &["sessions", session, "messages"])
}

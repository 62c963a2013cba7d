//! [`Message`] and [`MessageList`]: the chat history of a session.

use std::fmt;

use serde::de::{Error, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::drift::{first, first_text, ListOrObject, Text};
use super::{HistoryError, Timestamp};
use crate::read::typed::{self, Object};

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

/// Every name a message's members go by.
#[derive(Deserialize)]
struct Wire {
    #[serde(rename = "_id")]
    underscore_id: Option<Text>,
    id: Option<Text>,
    sender: Option<Sender>,
    from: Option<Sender>,
    author: Option<Sender>,
    name: Option<Text>,
    user: Option<Sender>,
    sender_name: Option<Text>,
    text: Option<Text>,
    message: Option<Text>,
    body: Option<Text>,
    content: Option<Text>,
    created_at: Option<Timestamp>,
    date: Option<Timestamp>,
    timestamp: Option<Timestamp>,
    time: Option<Timestamp>,
    sent_at: Option<Timestamp>,
}

impl<'de> Deserialize<'de> for Message {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Object(wire) = Object::<Wire>::deserialize(deserializer)?;
        let named = |sender: Option<Sender>| sender.and_then(|Sender(name)| name);
        let text = |text: Option<Text>| text.map(|Text(text)| text);
        Ok(Self {
            id: first_text([wire.underscore_id, wire.id]),
            sender: first([
                named(wire.sender),
                named(wire.from),
                named(wire.author),
                text(wire.name),
                named(wire.user),
                text(wire.sender_name),
            ]),
            text: first_text([wire.text, wire.message, wire.body, wire.content])
                .unwrap_or_default(),
            created_at: first([
                wire.created_at,
                wire.date,
                wire.timestamp,
                wire.time,
                wire.sent_at,
            ]),
        })
    }
}

/// A sender: text, or an object with a name (`None` when it has none).
struct Sender(Option<String>);

/// The names a sender object's name goes by.
#[derive(Deserialize)]
struct SenderObject {
    name: Option<Text>,
    display_name: Option<Text>,
    username: Option<Text>,
}

impl<'de> Deserialize<'de> for Sender {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SenderVisitor)
    }
}

struct SenderVisitor;

impl<'de> Visitor<'de> for SenderVisitor {
    type Value = Sender;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a name or an object with a name")
    }

    fn visit_str<E: Error>(self, name: &str) -> Result<Sender, E> {
        Ok(Sender(Some(name.to_owned())))
    }

    fn visit_u64<E: Error>(self, n: u64) -> Result<Sender, E> {
        Ok(Sender(Some(n.to_string())))
    }

    fn visit_i64<E: Error>(self, n: i64) -> Result<Sender, E> {
        Ok(Sender(Some(n.to_string())))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Sender, A::Error> {
        let object = SenderObject::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        Ok(Sender(first_text([
            object.name,
            object.display_name,
            object.username,
        ])))
    }
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

/// Every name the list goes by.
#[derive(Deserialize)]
struct ListWire {
    data: Option<Vec<Message>>,
    messages: Option<Vec<Message>>,
    items: Option<Vec<Message>>,
    results: Option<Vec<Message>>,
}

impl MessageList {
    /// Reads a message list from JSON text (or UTF-8 bytes), with a typed error naming
    /// the place.
    pub fn from_json(json: impl AsRef<[u8]>) -> Result<Self, HistoryError> {
        Ok(typed::from_json(json.as_ref())?)
    }
}

impl<'de> Deserialize<'de> for MessageList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let data = match ListOrObject::<Message, ListWire>::deserialize(deserializer)? {
            ListOrObject::List(data) => data,
            ListOrObject::Object(wire) => {
                first([wire.data, wire.messages, wire.items, wire.results]).unwrap_or_default()
            }
        };
        Ok(Self { data })
    }
}

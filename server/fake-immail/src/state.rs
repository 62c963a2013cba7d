//! [`FakeState`]: what the fake remembers: calls, request bodies, violations, tokens,
//! rooms and pending faults.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Mutex, MutexGuard};

use serde_json::Value;

use crate::endpoint::Endpoint;
use crate::fault::Fault;
use crate::options::{FakeOptions, ServiceTokenStyle};
use crate::tokens::{now_secs, random_hex, Minter};

/// A room the fake scheduled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FakeRoom {
    /// The VIDEO ROOM ID (`_id`): 24 hex digits.
    pub id: String,
    /// The meeting name.
    pub name: String,
    /// The topic it was scheduled with.
    pub topic: String,
}

#[derive(Default)]
struct Inner {
    calls: HashMap<Endpoint, usize>,
    bodies: HashMap<Endpoint, Vec<Value>>,
    violations: Vec<String>,
    once: HashMap<Endpoint, VecDeque<Fault>>,
    always: HashMap<Endpoint, Fault>,
    issued_service_tokens: Vec<String>,
    /// Valid service tokens and their expiry (`None`: until revoked).
    valid_service_tokens: HashMap<String, Option<i64>>,
    participant_tokens: Vec<String>,
    rooms: HashMap<String, FakeRoom>,
    room_ids: HashSet<String>,
    /// Sessions (JSON, newest first) by room id.
    sessions: HashMap<String, Vec<Value>>,
    /// Chat answers by session id.
    chats: HashMap<String, Value>,
    /// Recording bytes by file id.
    files: HashMap<String, Vec<u8>>,
}

/// Shared by the handlers and the test's handle.
pub(crate) struct FakeState {
    pub(crate) options: FakeOptions,
    minter: Minter,
    inner: Mutex<Inner>,
}

impl FakeState {
    pub(crate) fn new(options: FakeOptions) -> Self {
        Self {
            options,
            minter: Minter::new(),
            inner: Mutex::default(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panicking test thread must not hide the fake's records from the next assertion.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Counts a call, records its body (as JSON, or as a JSON string when it is not
    /// JSON) and takes the fault for it, if any.
    pub(crate) fn arrive(&self, endpoint: Endpoint, body: &[u8]) -> Option<Fault> {
        let recorded = serde_json::from_slice(body)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(body).into_owned()));
        let mut inner = self.lock();
        *inner.calls.entry(endpoint).or_default() += 1;
        inner.bodies.entry(endpoint).or_default().push(recorded);
        let once = inner.once.get_mut(&endpoint).and_then(VecDeque::pop_front);
        once.or_else(|| inner.always.get(&endpoint).cloned())
    }

    pub(crate) fn violation(&self, what: String) {
        self.lock().violations.push(what);
    }

    pub(crate) fn calls(&self, endpoint: Endpoint) -> usize {
        self.lock().calls.get(&endpoint).copied().unwrap_or(0)
    }

    pub(crate) fn bodies(&self, endpoint: Endpoint) -> Vec<Value> {
        self.lock()
            .bodies
            .get(&endpoint)
            .cloned()
            .unwrap_or_default()
    }

    pub(crate) fn violations(&self) -> Vec<String> {
        self.lock().violations.clone()
    }

    pub(crate) fn push_fault(&self, endpoint: Endpoint, fault: Fault) {
        self.lock()
            .once
            .entry(endpoint)
            .or_default()
            .push_back(fault);
    }

    pub(crate) fn set_fault(&self, endpoint: Endpoint, fault: Option<Fault>) {
        let mut inner = self.lock();
        match fault {
            Some(fault) => inner.always.insert(endpoint, fault),
            None => inner.always.remove(&endpoint),
        };
    }

    /// Mints a service token and makes it valid.
    pub(crate) fn issue_service_token(&self) -> String {
        let (token, expires) = match self.options.service_tokens {
            ServiceTokenStyle::Jwt(ttl) => {
                let (token, exp) = self.minter.jwt(
                    serde_json::json!({ "sub": self.options.email_domain, "scope": "service" }),
                    ttl,
                );
                (token, Some(exp))
            }
            ServiceTokenStyle::Opaque => (format!("svc-{}", random_hex(40)), None),
        };
        let mut inner = self.lock();
        inner.issued_service_tokens.push(token.clone());
        inner.valid_service_tokens.insert(token.clone(), expires);
        token
    }

    /// Whether `token` is a valid, unexpired service token.
    pub(crate) fn service_token_valid(&self, token: &str) -> bool {
        match self.lock().valid_service_tokens.get(token) {
            Some(Some(exp)) => *exp > now_secs(),
            Some(None) => true,
            None => false,
        }
    }

    pub(crate) fn revoke_service_tokens(&self) {
        self.lock().valid_service_tokens.clear();
    }

    pub(crate) fn issued_service_tokens(&self) -> Vec<String> {
        self.lock().issued_service_tokens.clone()
    }

    /// Schedules a room with a fresh name and id.
    pub(crate) fn add_room(&self, topic: &str) -> FakeRoom {
        let mut inner = self.lock();
        let room = loop {
            let room = FakeRoom {
                id: random_hex(24),
                name: random_hex(16),
                topic: topic.to_owned(),
            };
            if !inner.rooms.contains_key(&room.name) && !inner.room_ids.contains(&room.id) {
                break room;
            }
        };
        inner.room_ids.insert(room.id.clone());
        inner.rooms.insert(room.name.clone(), room.clone());
        let history = crate::history::generate(&room);
        inner.sessions.insert(room.id.clone(), history.sessions);
        inner.chats.extend(history.chats);
        inner.files.extend(history.files);
        room
    }

    /// The sessions of a room (by VIDEO ROOM ID), newest first.
    pub(crate) fn sessions_of(&self, room_id: &str) -> Option<Vec<Value>> {
        self.lock().sessions.get(room_id).cloned()
    }

    /// The chat answer of a session.
    pub(crate) fn chat_of(&self, session_id: &str) -> Option<Value> {
        self.lock().chats.get(session_id).cloned()
    }

    /// A recording's bytes.
    pub(crate) fn recording(&self, file_id: &str) -> Option<Vec<u8>> {
        self.lock().files.get(file_id).cloned()
    }

    pub(crate) fn has_room(&self, name: &str) -> bool {
        self.lock().rooms.contains_key(name)
    }

    /// Mints a participant JWT for a room.
    pub(crate) fn issue_participant_token(&self, room: &str, moderator: bool) -> String {
        let claims = serde_json::json!({
            "room": room,
            "moderator": moderator,
            "context": { "user": { "moderator": moderator } },
        });
        let (token, _) = self.minter.jwt(claims, self.options.participant_ttl);
        self.lock().participant_tokens.push(token.clone());
        token
    }

    pub(crate) fn participant_tokens(&self) -> Vec<String> {
        self.lock().participant_tokens.clone()
    }
}

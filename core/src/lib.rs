//! The pure core of [immail-meet](https://crates.io/crates/immail-meet): everything
//! between an imMail Meet grant and an iframe `src` that needs neither Leptos nor a DOM.
//! It runs the same in the browser (wasm32) and on a server.
//!
//! Your backend holds the imMail API key, decides the participant's role and answers a
//! short-lived *grant*; this crate reads that answer by [the grant
//! contract](#the-grant-contract-v1), accepts only an allowed meeting URL and a
//! well-formed, unexpired token, and builds the iframe `src` with every name and option
//! percent-encoded. One step, one error type:
//!
//! ```
//! use immail_meet_core::{AllowedHosts, GrantRules, MeetError, MeetOptions, MeetingHost, MeetingSrc};
//!
//! fn iframe_src(answer: &str, now: f64) -> Result<MeetingSrc, MeetError> {
//!     // Once, at start-up: imMail plus a local sandbox; bare room names go to the sandbox.
//!     let sandbox = MeetingHost::parse("http://127.0.0.1:8788/sandbox/meet/")?;
//!     let rules = GrantRules::new(AllowedHosts::default().with_host(sandbox.clone()), sandbox)?;
//!     // At each join: grant answer -> validated grant -> src.
//!     let options = MeetOptions { first_name: Some("Zoë".into()), ..MeetOptions::default() };
//!     rules.validate_json(answer, now)?.src(&options)
//! }
//!
//! // header {"alg":"HS256"}, payload {"exp":4102444800}
//! let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDB9.c2ln";
//! let answer = format!(r#"{{"meeting_url": "HTTPS://Web.Immail.CA:443/meet/abc", "jwt": "{jwt}"}}"#);
//! let src = iframe_src(&answer, 1_800_000_000.0).unwrap();
//! assert_eq!(src.meeting_url().to_string(), "https://web.immail.ca/meet/abc"); // canonical
//! assert!(src.expose_secret().starts_with("https://web.immail.ca/meet/abc?first_name=Zo%C3%AB&jwt=eyJ"));
//! assert_eq!(src.to_string(), "<redacted>");
//!
//! let hostile = format!(r#"{{"meeting_url": "javascript:alert(1)", "jwt": "{jwt}"}}"#);
//! assert_eq!(
//!     iframe_src(&hostile, 0.0).unwrap_err().to_string(),
//!     "Could not join: the meeting URL scheme \"javascript\" is not allowed; only https is.",
//! );
//! ```
//!
//! # The path, by file
//!
//! | step | type | file |
//! | --- | --- | --- |
//! | the answer, read by the contract | [`GrantResponse`] | `grant/response.rs` |
//! | the checks | [`GrantRules`] → [`Grant`] | `grant/rules.rs`, `meeting_url/`, `jwt/` |
//! | the iframe `src` | [`Grant::src`] → [`MeetingSrc`] | `meeting_src.rs`, `options/` |
//! | what went wrong | [`MeetError`] | `error.rs` |
//!
//! Also here: the meeting history models ([`SessionList`], [`Session`],
//! [`RecordingFile`], [`MessageList`], ...), the reference server's JSON API types
//! ([`api`]), [`FetchError`] (the error of any HTTP call, for the transports built on
//! this crate), and every limit ([`MAX_GRANT_BYTES`], [`MAX_JWT_LEN`], ...).
//!
//! # The grant contract (v1)
//!
//! **Request**: `POST <endpoint>` with the browser's credentials (same origin), never a
//! role: the backend identifies the user and decides the role.
//!
//! **Answer**: `200` with a JSON object of at most [`MAX_GRANT_BYTES`] (16 KiB):
//!
//! | member | required | meaning |
//! | --- | --- | --- |
//! | `meeting_url` | one of the two | a string: the full meeting URL, an allowed base + room name |
//! | `room_name` | one of the two | a string: the room name (`A-Z a-z 0-9 - _`, ≤ 128), placed under the meeting base |
//! | `jwt` | yes | a string: the participant JWT (three base64url parts); its `exp` (a number) is checked, never trusted |
//! | `moderator` | no | a boolean: the role the backend decided, for display |
//! | `expires_at` | no | a string, RFC 3339 in UTC: an expired grant (or token) is not loaded |
//! | `version` | no | the number `1` |
//!
//! `null` counts as absent; unknown members are ignored. **Errors**: any non-2xx
//! status, ideally with [`ErrorBody`] (`{"error": {"code", "message"}}`). Each broken
//! rule has its own [`GrantError`] variant.
//!
//! # Meeting URLs
//!
//! Only an allowed base plus a room name reaches the iframe ([`AllowedHosts`]); the
//! letter case of scheme and host and the default port are normalised to the canonical
//! form, everything else a browser could read differently is refused (see
//! [`meeting_url`]). Plain `http` is accepted only for a loopback base the app lists.
//!
//! # Features and platforms
//!
//! No features. No platform-specific code: JSON is read with `serde_json`, base64 with
//! the `base64` crate, everywhere. There is no clock either: times are passed in
//! (`now`, seconds since the Unix epoch).

#![warn(missing_docs)]

pub mod api;
mod error;
mod fetch_error;
pub mod grant;
pub mod history;
pub mod jwt;
mod limits;
mod meeting_src;
pub mod meeting_url;
pub mod options;
mod read;

pub use api::{
    config_path, grant_path, messages_path, recording_path, room_sessions_path, rooms_path,
    sessions_path, CreateRoom, ErrorBody, ErrorDetail, GrantRequest, PublicConfig, RoomCreated,
    ServiceMode, DEFAULT_API_BASE,
};
pub use error::MeetError;
pub use fetch_error::FetchError;
pub use grant::{Grant, GrantError, GrantResponse, GrantRules};
pub use history::{
    human_duration, human_size, HistoryError, Message, MessageList, Occupant, Paging,
    RecordingFile, Session, SessionList, SessionStatus, Timestamp, VideoRoom,
};
pub use jwt::{Jwt, JwtClaims, JwtError};
pub use limits::*;
pub use meeting_src::MeetingSrc;
pub use meeting_url::{
    AllowedHosts, MeetingHost, MeetingUrl, MeetingUrlError, RoomName, IMMAIL_HOST, IMMAIL_MEET_PATH,
};
pub use options::{MeetOptions, OptionSpec, OptionValue, OptionsError};

/// The README's example, compiled and run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

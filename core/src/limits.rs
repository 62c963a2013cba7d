//! Every limit the core enforces, in one place (each is re-exported at the crate top).
//!
//! # Usage
//! ```
//! use immail_meet_core::{MAX_GRANT_BYTES, MAX_JWT_LEN, MAX_NAME_CHARS, MAX_ROOM_NAME_LEN};
//! assert_eq!(MAX_GRANT_BYTES, 16 * 1024);
//! assert!(MAX_JWT_LEN < MAX_GRANT_BYTES as usize);
//! assert_eq!((MAX_NAME_CHARS, MAX_ROOM_NAME_LEN), (256, 128));
//! ```

/// The grant contract version this crate speaks (`"version": 1` in an answer).
pub const GRANT_CONTRACT_VERSION: u32 = 1;

/// Largest grant answer a client reads, in bytes. A grant is a few hundred bytes; the
/// transport stops reading at this size ([`FetchError::TooLarge`](crate::FetchError)).
pub const MAX_GRANT_BYTES: u32 = 16 * 1024;

/// Largest history answer (a page of sessions, a session's chat) a client reads, in
/// bytes.
pub const MAX_HISTORY_BYTES: u32 = 4 * 1024 * 1024;

/// A grant (or its token) expiring within this many seconds counts as expired: it could
/// not be loaded before it ends.
pub const EXPIRY_MARGIN_SECS: f64 = 10.0;

/// Longest participant token accepted, in bytes.
pub const MAX_JWT_LEN: usize = 8 * 1024;

/// Longest room name accepted, in bytes (room names are ASCII).
pub const MAX_ROOM_NAME_LEN: usize = 128;

/// Longest first or last name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 256;

/// Longest key of an extra (pass-through) option, in bytes.
pub const MAX_EXTRA_KEY_LEN: usize = 64;

/// Longest server-provided error message kept in a [`FetchError`](crate::FetchError),
/// in characters (longer ones are cut).
pub const MAX_SERVER_MESSAGE_CHARS: usize = 200;

/// Most sessions one page of history may hold.
pub const MAX_PER_PAGE: u32 = 100;

/// Longest room topic the reference server takes, in characters.
pub const MAX_TOPIC_CHARS: usize = 200;

/// Longest display name a grant request may carry, in characters.
pub const MAX_DISPLAY_NAME_CHARS: usize = 128;

//! Who is calling and what they may do: the [`Identity`] trait, implemented by the app
//! (its own sign-in) or by [`VisitorIdentity`] (the default: a server-issued visitor
//! cookie).

pub mod caller;
pub mod visitor;

use async_trait::async_trait;
use axum::http::request::Parts;

pub use caller::{Caller, CallerId, InvalidCallerId};
pub use visitor::{VisitorIdentity, VisitorOptions};

use crate::store::Room;
use crate::ApiError;

/// A caller's role in a meeting, decided by the server (never by the browser).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Runs the meeting: the participant JWT says `moderator`.
    Moderator,
    /// Takes part.
    Guest,
}

/// Who the caller is, from the request, and what they may do.
///
/// Only [`Identity::caller`] must be written; the rules have defaults: an identified
/// caller may create rooms, a room's creator is its moderator and everyone else a
/// guest, and only moderators read a room's history (its sessions, their chats and
/// recordings). Override a rule to decide it from your app's own data (teams,
/// co-hosts, private rooms). Every method may fail with an [`ApiError`] (e.g.
/// [`ApiError::Unauthenticated`], [`ApiError::MayNotJoin`]), which is answered as is.
///
/// # Usage
/// An app whose sign-in sets a `user` cookie (checked by the app), where admins moderate
/// every room:
/// ```
/// use async_trait::async_trait;
/// use axum::http::request::Parts;
/// use immail_meet_server::{ApiError, Caller, Identity, Role, Room};
///
/// struct AppSignIn;
///
/// #[async_trait]
/// impl Identity for AppSignIn {
///     async fn caller(&self, parts: &mut Parts) -> Result<Caller, ApiError> {
///         let cookie = parts.headers.get("cookie").and_then(|v| v.to_str().ok()).unwrap_or("");
///         // Your session lookup here; this example trusts a `user=<name>` cookie.
///         let user = cookie.split("; ").find_map(|c| c.strip_prefix("user="));
///         match user {
///             Some(name) => Ok(Caller::identified(format!("user:{name}"))
///                 .map_err(|_| ApiError::Unauthenticated)?
///                 .with_display_name(name)),
///             None => Err(ApiError::Unauthenticated),
///         }
///     }
///
///     async fn role(&self, caller: &Caller, room: &Room) -> Result<Option<Role>, ApiError> {
///         let admin = caller.id().is_some_and(|id| id.as_str() == "user:admin");
///         let creator = caller.id() == Some(&room.creator);
///         Ok(Some(if admin || creator { Role::Moderator } else { Role::Guest }))
///     }
/// }
/// ```
///
/// # Server-Side Rendering
/// Server only. From a Leptos `#[server]` function, build the [`Caller`] from your own
/// session and call [`crate::MeetApi::grant`]: the rules below still apply.
#[async_trait]
pub trait Identity: Send + Sync + 'static {
    /// Who sends this request. May read headers and extensions (your session layer's)
    /// and add extensions; return [`Caller::anonymous`] to let unidentified callers join
    /// as guests, or an error to refuse them.
    async fn caller(&self, parts: &mut Parts) -> Result<Caller, ApiError>;

    /// Whether `caller` may create rooms. Default: any identified caller.
    async fn may_create_rooms(&self, caller: &Caller) -> Result<bool, ApiError> {
        Ok(caller.id().is_some())
    }

    /// `caller`'s role in `room`, or `None` if they may not join it (`403`). Default:
    /// the room's creator moderates, everyone else is a guest.
    async fn role(&self, caller: &Caller, room: &Room) -> Result<Option<Role>, ApiError> {
        let creator = caller.id() == Some(&room.creator);
        Ok(Some(if creator {
            Role::Moderator
        } else {
            Role::Guest
        }))
    }

    /// Whether `caller` may read `room`'s history: its sessions, their chats and
    /// recordings. Default: its moderators.
    ///
    /// A guest saw the chat of the sessions they attended, but the server cannot tell
    /// which those were (imMail lists occupants by imMail profile): letting every guest
    /// read every session's chat would show them conversations they never joined.
    async fn may_read_history(&self, caller: &Caller, room: &Room) -> Result<bool, ApiError> {
        Ok(self.role(caller, room).await? == Some(Role::Moderator))
    }
}

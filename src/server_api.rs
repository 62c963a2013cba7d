//! The reference server's routes an app calls from the browser besides the grant: its
//! public configuration and room creation (see the README's reference server).

use gloo_net::http::{Request, RequestBuilder};
use leptos::prelude::*;
use web_sys::RequestCredentials;

use crate::fetch::{fetch, json_request, Limits};
use crate::{
    config_path, rooms_path, AllowedHosts, CreateRoom, FetchError, PublicConfig, RoomCreated,
};

/// What one call may take: 15 s, and a few hundred bytes of answer (64 KiB at most).
const LIMITS: Limits = Limits {
    timeout_ms: 15_000,
    max_bytes: 64 * 1024,
};

/// `GET <api_base>/config`: the reference server's [`PublicConfig`] (its mode and
/// where its meetings live), with a time-out that aborts the request and a size limit.
/// Without credentials: the answer is public, and a visitor cookie it might set must
/// not race with the one a concurrent first call (e.g. [`create_room`]) is given.
///
/// # Usage
/// ```
/// use immail_meet::fetch_public_config;
/// use leptos::prelude::*;
///
/// #[component]
/// fn Mode() -> impl IntoView {
///     let config = LocalResource::new(|| fetch_public_config("/api/meet"));
///     move || match config.get() {
///         Some(Ok(config)) => config.mode.label(),
///         Some(Err(_)) => "The backend is unreachable",
///         None => "…",
///     }
/// }
/// ```
///
/// # Server-Side Rendering
/// Browser only: call it from a `LocalResource` (which runs in the browser).
pub async fn fetch_public_config(api_base: &str) -> Result<PublicConfig, FetchError> {
    let request = Request::get(&config_path(api_base))
        .credentials(RequestCredentials::Omit)
        .header("Accept", "application/json");
    let answer = fetch(request, RequestBuilder::build, LIMITS).await?;
    PublicConfig::from_json(answer)
}

/// `POST <api_base>/rooms` with `{"topic": topic}` ([`CreateRoom`]): a new room on
/// the reference server, whose moderator is the caller (the browser's visitor cookie).
/// The server's own message comes back as a [`FetchError::Status`] (`The topic must be
/// 1 to 200 characters. (HTTP 400)`).
///
/// # Usage
/// ```
/// use immail_meet::{create_room, MeetEmbed};
/// use leptos::prelude::*;
///
/// #[component]
/// fn NewMeeting() -> impl IntoView {
///     let room = LocalResource::new(|| create_room("/api/meet", "Consultation"));
///     view! {
///         <Suspense fallback=|| "Creating the meeting…">
///             {move || Suspend::new(async move {
///                 room.await.map(|room| view! {
///                     <MeetEmbed endpoint=room.grant_endpoint("/api/meet") />
///                 })
///             })}
///         </Suspense>
///     }
/// }
/// ```
///
/// # Server-Side Rendering
/// Browser only: call it from a `LocalResource`, an `Action` or an event handler.
pub async fn create_room(api_base: &str, topic: &str) -> Result<RoomCreated, FetchError> {
    let body = CreateRoom {
        topic: topic.to_owned(),
        ..CreateRoom::default()
    };
    let request = json_request(Request::post(&rooms_path(api_base)));
    let answer = fetch(request, |request| request.json(&body), LIMITS).await?;
    RoomCreated::from_json(answer)
}

/// The meeting bases a `<MeetEmbed>` may load for the reference server at
/// `api_base`: imMail's host, plus the server's own meeting base once
/// `GET <api_base>/config` has answered ([`PublicConfig::allowed_hosts`]; in sandbox
/// mode, its sandbox origin). Until then, or if the server cannot be read (said in the
/// console), imMail's host alone.
///
/// `<MeetEmbed allowed_hosts>` is reactive and reads the hosts when a grant is
/// checked, so the component needs no waiting for this: a join the sandbox host was
/// refused for is made again when the configuration arrives.
///
/// # Usage
/// ```
/// use immail_meet::{server_allowed_hosts, MeetEmbed};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Room() -> impl IntoView {
///     view! {
///         <MeetEmbed
///             endpoint="/api/meet/rooms/abc/grant"
///             allowed_hosts=server_allowed_hosts("/api/meet")
///         />
///     }
/// }
/// ```
///
/// # Server-Side Rendering
/// On the server it is imMail's host alone (the configuration is read in the browser).
pub fn server_allowed_hosts(api_base: &str) -> Signal<AllowedHosts> {
    let api_base = api_base.to_owned();
    let config = LocalResource::new(move || {
        let api_base = api_base.clone();
        async move {
            let config = fetch_public_config(&api_base).await;
            if let Err(error) = &config {
                leptos::logging::warn!("immail-meet: {api_base}/config: {error}");
            }
            config.ok()
        }
    });
    Signal::derive(move || {
        config
            .get()
            .flatten()
            .map(|config| config.allowed_hosts())
            .unwrap_or_default()
    })
}

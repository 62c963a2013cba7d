//! The reference server's routes an app calls from the browser besides the grant:
//! its public configuration and room creation (see the README's reference server).

use leptos::prelude::*;

use crate::logic::{AllowedHosts, GrantFetchError, PublicConfig, RoomCreated};

use super::fetch::{fetch_public_text, fetch_text};

/// How long one call may take, in milliseconds.
const TIMEOUT_MS: u32 = 15_000;
/// Largest answer read, in bytes (the answers are a few hundred).
const MAX_BYTES: u32 = 64 * 1024;

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
///         Some(Ok(config)) if config.is_sandbox() => "Sandbox: no imMail account needed",
///         Some(Ok(_)) => "Connected to imMail",
///         Some(Err(_)) => "The backend is unreachable",
///         None => "…",
///     }
/// }
/// ```
///
/// # Server-Side Rendering
/// Browser only: call it from a `LocalResource` (which runs in the browser).
pub async fn fetch_public_config(api_base: &str) -> Result<PublicConfig, GrantFetchError> {
    let url = format!("{}/config", api_base.trim_end_matches('/'));
    let text = fetch_public_text(&url, TIMEOUT_MS, MAX_BYTES).await?;
    PublicConfig::from_json(&text)
}

/// `POST <api_base>/rooms` with `{"topic": topic}`: a new room on the reference
/// server, whose moderator is the caller (the browser's visitor cookie). The server's
/// own message comes back as a [`GrantFetchError::Status`] (`The topic must be 1 to
/// 200 characters. (HTTP 400)`).
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
/// Browser only: call it from a `LocalResource` or an event handler.
pub async fn create_room(api_base: &str, topic: &str) -> Result<RoomCreated, GrantFetchError> {
    let url = format!("{}/rooms", api_base.trim_end_matches('/'));
    let mut body = String::from(r#"{"topic":"#);
    body.push_str(&json_string(topic));
    body.push('}');
    let text = fetch_text("POST", &url, Some(&body), TIMEOUT_MS, MAX_BYTES).await?;
    RoomCreated::from_json(&text)
}

/// The meeting bases a `<MeetEmbed>` may load for the reference server at
/// `api_base`: imMail's host, plus the server's own meeting base once
/// `GET <api_base>/config` has answered (in sandbox mode, its sandbox origin). Until
/// then, or if the server cannot be read (said in the console), imMail's host alone.
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
    if !cfg!(target_arch = "wasm32") {
        return Signal::stored(AllowedHosts::default());
    }
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

/// `text` as a JSON string literal (the browser's `JSON.stringify`).
pub(crate) fn json_string(text: &str) -> String {
    js_sys::JSON::stringify(&wasm_bindgen::JsValue::from_str(text))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

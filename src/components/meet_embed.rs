//! `<MeetEmbed>`: an imMail meeting in an iframe, from a grant fetched at join time.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;

use crate::browser::grant_source::{GrantBody, GrantSource, DEFAULT_GRANT_TIMEOUT_MS};
use crate::browser::timer;
use crate::logic::{
    AllowedHosts, Grant, GrantError, GrantRules, MeetError, MeetOptions, MeetingHost, MeetingSrc,
};

use super::meet_controller::{Action, MeetController, MeetState};

/// The default iframe `title`, read by screen readers.
pub const DEFAULT_TITLE: &str = "imMail Meet video conference";

/// Embeds an imMail Meet meeting.
///
/// At join time (on mount, unless `auto_join = false`) it fetches a grant from
/// `endpoint` (or `grant_source`), checks it (allowed `https` meeting URL, JWT-shaped
/// token, not expired: an expired grant is fetched once more), builds the iframe `src`
/// with every name and option percent-encoded, and shows the meeting in an iframe
/// allowed camera, microphone and display capture. Loading, error (with Retry), left
/// (with Rejoin) and a "settings changed" notice are shown in place.
///
/// Every option prop is reactive, but changing one never reloads a running meeting:
/// it applies at the next join, and [`MeetController::rejoin`] (or the Rejoin button
/// of the built-in controls) joins again with it. Each join loads the iframe exactly
/// once.
///
/// # Usage
/// ```
/// use immail_meet::MeetEmbed;
/// use leptos::prelude::*;
///
/// #[component]
/// fn Consultation() -> impl IntoView {
///     let (muted, set_muted) = signal(true);
///     view! {
///         <MeetEmbed
///             endpoint="/api/meet/rooms/abc/grant"
///             first_name="Zoë"
///             last_name="O'Brien & Co"
///             start_with_audio_muted=muted
///             height="600px"
///             on_error=move |e| leptos::logging::warn!("meeting: {e}")
///         />
///         <button on:click=move |_| set_muted.update(|m| *m = !*m)>"Toggle mute on join"</button>
///     }
/// }
/// ```
///
/// # Server-Side Rendering
/// With the `ssr` feature it renders its placeholder (the "Connecting" or "Join"
/// panel) and touches no browser API; the grant is fetched after hydration.
#[component]
pub fn MeetEmbed(
    /// The customer backend's grant endpoint, called with `POST` and same-origin
    /// credentials. Read at each join.
    #[prop(into, optional)]
    endpoint: MaybeProp<String>,
    /// A JSON body for the endpoint (e.g. a display name). Never a role.
    #[prop(into, optional)]
    request_body: MaybeProp<GrantBody>,
    /// Any async grant source instead of `endpoint` (e.g. a server function).
    #[prop(optional)]
    grant_source: Option<GrantSource>,
    /// How long fetching a grant may take, in milliseconds.
    #[prop(into, default = Signal::stored(DEFAULT_GRANT_TIMEOUT_MS))]
    grant_timeout_ms: Signal<u32>,
    /// `first_name`: the participant's first name. Any text; it is percent-encoded.
    #[prop(into, optional)]
    first_name: MaybeProp<String>,
    /// `last_name`: the participant's last name.
    #[prop(into, optional)]
    last_name: MaybeProp<String>,
    /// `start_recording` (default `false`): start a recording on first entry.
    #[prop(into, optional)]
    start_recording: Signal<bool>,
    /// `startWithAudioMuted` (default `true`).
    #[prop(into, default = Signal::stored(true))]
    start_with_audio_muted: Signal<bool>,
    /// `startWithVideoMuted` (default `false`).
    #[prop(into, optional)]
    start_with_video_muted: Signal<bool>,
    /// `fileRecordingsEnabled` (default `true`).
    #[prop(into, default = Signal::stored(true))]
    file_recordings_enabled: Signal<bool>,
    /// `HIDE_INVITE_MORE_HEADER` (default `false`).
    #[prop(into, optional)]
    hide_invite_more_header: Signal<bool>,
    /// Undocumented options passed through (e.g. `("hideLogo", "true")`). They can
    /// never override `jwt` or a documented option.
    #[prop(into, optional)]
    extra_options: Signal<Vec<(String, String)>>,
    /// Meeting bases a grant may point to (default: `https://web.immail.ca/meet/`).
    #[prop(into, optional)]
    allowed_hosts: Signal<AllowedHosts>,
    /// Where a grant's bare `room_name` lives (default `https://web.immail.ca/meet/`).
    /// Must be in `allowed_hosts`.
    #[prop(into, optional)]
    meeting_base: Signal<MeetingHost>,
    /// CSS width of the component (default `100%`).
    #[prop(into, default = Signal::stored("100%".to_owned()))]
    width: Signal<String>,
    /// CSS height of the component (default `500px`, the vendor's snippet).
    #[prop(into, default = Signal::stored("500px".to_owned()))]
    height: Signal<String>,
    /// Extra classes on the root element.
    #[prop(into, optional)]
    class: MaybeProp<String>,
    /// The iframe's accessible title.
    #[prop(into, default = Signal::stored(DEFAULT_TITLE.to_owned()))]
    title: Signal<String>,
    /// Join on mount (default `true`); otherwise a Join button is shown.
    #[prop(default = true)]
    auto_join: bool,
    /// Show the built-in Leave / Rejoin bar (default `true`).
    #[prop(default = true)]
    controls: bool,
    /// A handle to read the state and join, leave or rejoin from outside.
    #[prop(optional)]
    controller: Option<MeetController>,
    /// Called once per join, when the meeting iframe has loaded.
    #[prop(into, optional)]
    on_loaded: Option<Callback<()>>,
    /// Called when joining fails.
    #[prop(into, optional)]
    on_error: Option<Callback<MeetError>>,
    /// Called when the participant leaves.
    #[prop(into, optional)]
    on_left: Option<Callback<()>>,
) -> impl IntoView {
    let meet = controller.unwrap_or_default();
    let options = Memo::new(move |_| MeetOptions {
        first_name: first_name.get(),
        last_name: last_name.get(),
        start_recording: start_recording.get(),
        start_with_audio_muted: start_with_audio_muted.get(),
        start_with_video_muted: start_with_video_muted.get(),
        file_recordings_enabled: file_recordings_enabled.get(),
        hide_invite_more_header: hide_invite_more_header.get(),
        extras: extra_options.get(),
    });
    // What the running meeting was joined with; a generation counter drops answers of
    // joins that were superseded (leave, rejoin, unmount) while in flight.
    let joined_with = RwSignal::new(None::<MeetOptions>);
    let src = StoredValue::new(None::<MeetingSrc>);
    let generation = StoredValue::new(0_u64);
    let grant_source = StoredValue::new(grant_source);

    let join = move || {
        let this = generation.with_value(|g| g + 1);
        generation.set_value(this);
        src.set_value(None);
        joined_with.set(None);
        meet.state.set(MeetState::Fetching);
        let source = grant_source.get_value().or_else(|| {
            endpoint.get_untracked().map(|url| GrantSource::endpoint_with_body(url, request_body.get_untracked()))
        });
        let rules = GrantRules { allowed_hosts: allowed_hosts.get_untracked(), meeting_base: meeting_base.get_untracked() };
        let options = options.get_untracked();
        let timeout_ms = grant_timeout_ms.get_untracked();
        leptos::task::spawn_local(async move {
            let outcome = obtain(source, &rules, &options, timeout_ms).await;
            if generation.try_get_value() != Some(this) {
                return;
            }
            match outcome {
                Ok((new_src, grant)) => {
                    src.set_value(Some(new_src));
                    joined_with.set(Some(options));
                    meet.state.set(MeetState::Joined { moderator: grant.moderator, loaded: false });
                }
                Err(error) => {
                    meet.state.set(MeetState::Failed(error.clone()));
                    if let Some(on_error) = on_error {
                        on_error.run(error);
                    }
                }
            }
        });
    };
    let leave = move || {
        generation.update_value(|g| *g += 1);
        src.set_value(None);
        joined_with.set(None);
        meet.state.set(MeetState::Left);
        if let Some(on_left) = on_left {
            on_left.run(());
        }
    };
    meet.dispatch.set_value(Some(Arc::new(move |action| match action {
        Action::Join => join(),
        Action::Leave => leave(),
    })));
    on_cleanup(move || {
        generation.update_value(|g| *g += 1);
        meet.dispatch.set_value(None);
    });

    if auto_join {
        meet.state.set(MeetState::Fetching);
        Effect::new(move |_| meet.rejoin());
    } else {
        meet.state.set(MeetState::Idle);
    }
    Effect::new(move |_| {
        let changed = joined_with.with(|joined| joined.as_ref().is_some_and(|j| options.with(|o| o != j)));
        meet.settings_changed.set(changed);
    });

    let phase = Memo::new(move |_| meet.state.with(MeetState::name));
    let on_load = move |_| {
        if let MeetState::Joined { moderator, loaded: false } = meet.state.get_untracked() {
            meet.state.set(MeetState::Joined { moderator, loaded: true });
            if let Some(on_loaded) = on_loaded {
                on_loaded.run(());
            }
        }
    };
    let stage = move || match phase.get() {
        "joined" => {
            let src = src.with_value(|s| s.as_ref().map(|s| s.expose_secret().to_owned())).unwrap_or_default();
            let loaded = move || matches!(meet.state.get(), MeetState::Joined { loaded: true, .. });
            view! {
                <iframe
                    class="immail-meet__frame"
                    node_ref=meet.iframe
                    src=src
                    title=move || title.get()
                    allow="camera; microphone; display-capture"
                    allowfullscreen="true"
                    {custom_attribute("webkitallowfullscreen", "true")}
                    {custom_attribute("mozallowfullscreen", "true")}
                    width="100%"
                    height="100%"
                    style="border: none"
                    on:load=on_load
                ></iframe>
                <Show when=move || !loaded()>
                    <div class="immail-meet__overlay" role="status" aria-live="polite">
                        <span class="immail-meet__spinner" aria-hidden="true"></span>
                        "Loading the meeting…"
                    </div>
                </Show>
            }
            .into_any()
        }
        "fetching" => view! {
            <div class="immail-meet__panel" role="status" aria-live="polite">
                <span class="immail-meet__spinner" aria-hidden="true"></span>
                <p class="immail-meet__message">"Connecting to the meeting…"</p>
            </div>
        }
        .into_any(),
        "error" => {
            let message = meet.state.with_untracked(|s| match s {
                MeetState::Failed(e) => e.to_string(),
                _ => String::new(),
            });
            view! {
                <div class="immail-meet__panel immail-meet__panel--error" role="alert">
                    <p class="immail-meet__message">{message}</p>
                    <button type="button" class="immail-meet__button" on:click=move |_| meet.join()>
                        "Retry"
                    </button>
                </div>
            }
            .into_any()
        }
        "left" => view! {
            <div class="immail-meet__panel">
                <p class="immail-meet__message">"You left the meeting."</p>
                <button type="button" class="immail-meet__button" on:click=move |_| meet.join()>
                    "Rejoin"
                </button>
            </div>
        }
        .into_any(),
        _ => view! {
            <div class="immail-meet__panel">
                <button type="button" class="immail-meet__button" on:click=move |_| meet.join()>
                    "Join meeting"
                </button>
            </div>
        }
        .into_any(),
    };
    let bar = move || {
        (controls && phase.get() == "joined").then(|| {
            let role = move || match meet.state.get() {
                MeetState::Joined { moderator: Some(true), .. } => "Moderator",
                MeetState::Joined { moderator: Some(false), .. } => "Guest",
                _ => "",
            };
            view! {
                <div class="immail-meet__bar">
                    <span class="immail-meet__role">{role}</span>
                    <Show when=move || meet.settings_changed()>
                        <span class="immail-meet__notice">"Settings changed."</span>
                        <button type="button" class="immail-meet__button" on:click=move |_| meet.rejoin()>
                            "Rejoin with new settings"
                        </button>
                    </Show>
                    <button
                        type="button"
                        class="immail-meet__button immail-meet__button--leave"
                        on:click=move |_| meet.leave()
                    >
                        "Leave"
                    </button>
                </div>
            }
        })
    };

    view! {
        <div
            class=move || match class.get() {
                Some(extra) => format!("immail-meet {extra}"),
                None => "immail-meet".to_owned(),
            }
            data-state=move || phase.get()
        >
            <div
                class="immail-meet__stage"
                style:width=move || width.get()
                style:height=move || height.get()
            >
                {stage}
            </div>
            {bar}
        </div>
    }
}

/// Fetches a grant, checks it (fetching once more if it had expired) and builds the
/// iframe `src`.
async fn obtain(
    source: Option<GrantSource>,
    rules: &GrantRules,
    options: &MeetOptions,
    timeout_ms: u32,
) -> Result<(MeetingSrc, Grant), MeetError> {
    let source = source.ok_or(MeetError::NoGrantSource)?;
    options.check()?;
    let mut refetched = false;
    loop {
        let answer = source.fetch(timeout_ms).await?;
        match Grant::validate(answer, rules, timer::now_secs()) {
            Err(GrantError::Expired) if !refetched => refetched = true,
            Err(error) => return Err(error.into()),
            Ok(grant) => return Ok((MeetingSrc::build(&grant.meeting_url, &grant.jwt, options)?, grant)),
        }
    }
}

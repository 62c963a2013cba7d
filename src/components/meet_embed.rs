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
    /// A JSON body for the endpoint, as JSON text (e.g. `{"display_name": "Zoë"}`;
    /// [`GrantBody`] builds one from a `serde_json::Value`). Never a role: the server
    /// decides roles.
    #[prop(into, optional)]
    request_body: MaybeProp<String>,
    /// Any async grant source instead of `endpoint` (e.g. a server function).
    #[prop(optional)]
    grant_source: Option<GrantSource>,
    /// How long fetching a grant may take, in milliseconds (default 10 000).
    #[prop(default = DEFAULT_GRANT_TIMEOUT_MS)]
    grant_timeout_ms: u32,
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
    allowed_hosts: AllowedHosts,
    /// Where a grant's bare `room_name` lives (default `https://web.immail.ca/meet/`).
    /// Must be in `allowed_hosts`.
    #[prop(into, optional)]
    meeting_base: MeetingHost,
    /// CSS width of the meeting area (default `100%`). Set once; use `class` and CSS
    /// for responsive sizes.
    #[prop(into, default = "100%".into())]
    width: String,
    /// CSS height of the meeting area (default `500px`, the vendor's snippet).
    #[prop(into, default = "500px".into())]
    height: String,
    /// Extra classes on the root element, set once.
    #[prop(into, optional)]
    class: String,
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
    let options = move || MeetOptions {
        first_name: first_name.get(),
        last_name: last_name.get(),
        start_recording: start_recording.get(),
        start_with_audio_muted: start_with_audio_muted.get(),
        start_with_video_muted: start_with_video_muted.get(),
        file_recordings_enabled: file_recordings_enabled.get(),
        hide_invite_more_header: hide_invite_more_header.get(),
        extras: extra_options.get(),
    };
    // The running meeting's iframe `src` (empty: no iframe); set once per join, so the
    // iframe loads once. A generation counter drops the answers of joins superseded
    // while in flight (leave, rejoin, unmount).
    let frame = RwSignal::new(String::new());
    let session = StoredValue::new(Session {
        generation: 0,
        joined_with: None,
        source: grant_source,
        rules: GrantRules {
            allowed_hosts,
            meeting_base,
        },
    });

    let join = move || {
        let (this, source, rules) = session.write_value().next_join();
        frame.set(String::new());
        meet.state.set(MeetState::Fetching);
        let source = source.or_else(|| {
            endpoint.get_untracked().map(|url| {
                GrantSource::endpoint_with_body(
                    url,
                    request_body.get_untracked().map(GrantBody::from),
                )
            })
        });
        let options = untrack(options);
        leptos::task::spawn_local(async move {
            let outcome = obtain(source, &rules, &options, grant_timeout_ms).await;
            if session.try_with_value(|s| s.generation) != Some(this) {
                return;
            }
            match outcome {
                Ok((src, moderator)) => {
                    session.write_value().joined_with = Some(options);
                    frame.set(src.expose_secret().to_owned());
                    meet.state.set(MeetState::Joined {
                        moderator,
                        loaded: false,
                    });
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
        session.update_value(|s| s.generation += 1);
        frame.set(String::new());
        meet.state.set(MeetState::Left);
        if let Some(on_left) = on_left {
            on_left.run(());
        }
    };
    let dispatch: Arc<dyn Fn(Action) + Send + Sync> = Arc::new(move |action| match action {
        Action::Join => join(),
        Action::Leave => leave(),
    });
    meet.dispatch.set_value(Some(dispatch.clone()));
    // A prop changed since the meeting was joined: noted, never applied by itself.
    meet.settings_changed
        .set_value(Some(Signal::derive(move || {
            // The options are read (and tracked) only while joined.
            matches!(meet.state.get(), MeetState::Joined { .. }) && {
                let current = options();
                session
                    .try_with_value(|s| s.joined_with.as_ref() != Some(&current))
                    .unwrap_or(false)
            }
        })));
    on_cleanup(move || {
        session.update_value(|s| s.generation += 1);
        // Detach only if the controller still drives this instance (a controller handed
        // to a replacement `<MeetEmbed>` keeps its new one).
        let ours = meet
            .dispatch
            .try_with_value(|current| current.as_ref().is_some_and(|c| Arc::ptr_eq(c, &dispatch)));
        if ours == Some(true) {
            meet.dispatch.set_value(None);
            meet.settings_changed.set_value(None);
        }
    });

    // Joins on mount, in the browser only: server-side rendering shows the "Connecting"
    // placeholder and the grant is fetched once the page runs in the browser.
    if !auto_join {
        meet.state.set(MeetState::Idle);
    } else if cfg!(target_arch = "wasm32") {
        join();
    } else {
        meet.state.set(MeetState::Fetching);
    }

    let on_load = move |_| {
        if let MeetState::Joined {
            moderator,
            loaded: false,
        } = meet.state.get_untracked()
        {
            meet.state.set(MeetState::Joined {
                moderator,
                loaded: true,
            });
            if let Some(on_loaded) = on_loaded {
                on_loaded.run(());
            }
        }
    };
    let iframe = move || {
        let src = frame.get();
        (!src.is_empty()).then(|| {
            view! {
                <iframe
                    class="immail-meet__frame"
                    node_ref=meet.iframe
                    src=src
                    title=title
                    allow="camera; microphone; display-capture"
                    allowfullscreen="true"
                    {custom_attribute("webkitallowfullscreen", "true")}
                    {custom_attribute("mozallowfullscreen", "true")}
                    width="100%"
                    height="100%"
                    style="border: none"
                    on:load=on_load
                ></iframe>
            }
        })
    };

    let act = move |action: Action| move |_| meet.send(action);
    let overlay = move || {
        let changed = meet.settings_changed();
        meet.state.with(|s| {
            let joined = matches!(s, MeetState::Joined { .. });
            let button = panel_button(s);
            let bar = controls.then(|| {
                view! {
                    <div class="immail-meet__bar" hidden=!joined>
                        <span class="immail-meet__role">{role_label(s)}</span>
                        <span class="immail-meet__notice">{if changed { "Settings changed." } else { "" }}</span>
                        <button type="button" class="immail-meet__button" hidden=!changed on:click=act(Action::Join)>
                            {if changed { "Rejoin with new settings" } else { "" }}
                        </button>
                        <button type="button" class="immail-meet__button immail-meet__button--leave" on:click=act(Action::Leave)>
                            "Leave"
                        </button>
                    </div>
                }
            });
            view! {
                <div
                    class=panel_class(s)
                    role=if matches!(s, MeetState::Failed(_)) { "alert" } else { "status" }
                    hidden=matches!(s, MeetState::Joined { loaded: true, .. })
                >
                    <p class="immail-meet__message">{panel_message(s)}</p>
                    <button type="button" class="immail-meet__button" hidden=button.is_empty() on:click=act(Action::Join)>
                        {button}
                    </button>
                </div>
                {bar}
            }
        })
    };

    let root_class = super::root_class("immail-meet", &class);
    let mut stage_style = String::from("width:");
    for part in [&*width, ";height:", &*height] {
        stage_style.push_str(part);
    }
    view! {
        <div class=root_class data-state=move || meet.state.with(MeetState::name)>
            <div class="immail-meet__stage" style=stage_style>{iframe}</div>
            {overlay}
        </div>
    }
}

/// The panel's message in each state.
fn panel_message(state: &MeetState) -> String {
    match state {
        MeetState::Joined { loaded: true, .. } => String::new(),
        MeetState::Joined { .. } => "Loading the meeting…".into(),
        MeetState::Fetching => "Connecting to the meeting…".into(),
        MeetState::Failed(error) => error.to_string(),
        MeetState::Left => "You left the meeting.".into(),
        MeetState::Idle => String::new(),
    }
}

/// The panel's button label in each state (empty: no button).
fn panel_button(state: &MeetState) -> &'static str {
    match state {
        MeetState::Failed(_) => "Retry",
        MeetState::Left => "Rejoin",
        MeetState::Idle => "Join meeting",
        _ => "",
    }
}

fn panel_class(state: &MeetState) -> &'static str {
    match state {
        MeetState::Failed(_) => "immail-meet__panel immail-meet__panel--error",
        MeetState::Fetching | MeetState::Joined { .. } => {
            "immail-meet__panel immail-meet__panel--busy"
        }
        _ => "immail-meet__panel",
    }
}

fn role_label(state: &MeetState) -> &'static str {
    match state {
        MeetState::Joined {
            moderator: Some(true),
            ..
        } => "Moderator",
        MeetState::Joined {
            moderator: Some(false),
            ..
        } => "Guest",
        _ => "",
    }
}

/// What a `<MeetEmbed>` keeps between joins.
struct Session {
    /// Bumped by every join, leave and unmount: an answer for an older join is dropped.
    generation: u64,
    /// The options the running meeting was joined with.
    joined_with: Option<MeetOptions>,
    source: Option<GrantSource>,
    rules: GrantRules,
}

impl Session {
    /// Starts a join: its generation, the custom source if any, and the rules.
    fn next_join(&mut self) -> (u64, Option<GrantSource>, GrantRules) {
        self.generation += 1;
        self.joined_with = None;
        (self.generation, self.source.clone(), self.rules.clone())
    }
}

/// Fetches a grant, checks it (fetching once more if it had expired) and builds the
/// iframe `src`.
async fn obtain(
    source: Option<GrantSource>,
    rules: &GrantRules,
    options: &MeetOptions,
    timeout_ms: u32,
) -> Result<(MeetingSrc, Option<bool>), MeetError> {
    let source = source.ok_or(MeetError::NoGrantSource)?;
    options.check()?;
    let mut refetched = false;
    loop {
        let answer = source.fetch(timeout_ms).await?;
        match Grant::validate(answer, rules, timer::now_secs()) {
            Err(GrantError::Expired) if !refetched => refetched = true,
            Err(error) => return Err(error.into()),
            Ok(grant) => {
                return Ok((
                    MeetingSrc::build(&grant.meeting_url, &grant.jwt, options)?,
                    grant.moderator,
                ))
            }
        }
    }
}

//! `<MeetEmbed>`: an imMail meeting in an iframe, from a grant fetched at join time.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;

use crate::grant_source::{GrantSource, DEFAULT_GRANT_TIMEOUT_MS};
use crate::meet_controller::{Action, Dispatch, MeetController, MeetState};
use crate::meet_join::{obtain, refused_by_hosts, JoinWith, Joins};
use crate::meet_overlay::{bar, panel, permission_notice, Panels};
use crate::meeting_end::{classify, Load, DEFAULT_END_GRACE_MS};
use crate::permissions::{check, PermissionCheck, DEFAULT_ALLOW};
use crate::timer::now_ms;
use crate::{
    AllowedHosts, GrantRules, LeftReason, MeetError, MeetOptions, MeetTexts, MeetingHost,
    PanelView, PermissionWarning,
};

/// The default iframe `title`, read by screen readers.
pub const DEFAULT_TITLE: &str = "imMail Meet video conference";

/// Embeds an imMail Meet meeting.
///
/// At join time (on mount, unless `auto_join = false`) it fetches a grant from
/// `endpoint` (or `grant_source`), checks it (allowed `https` meeting URL, JWT-shaped
/// token, not expired: an expired grant is fetched once more), builds the iframe `src`
/// with every name and option percent-encoded, and shows the meeting in an iframe
/// allowed camera, microphone, screen sharing and the rest of [`DEFAULT_ALLOW`].
/// Loading, error (with Retry), left and ended (with Rejoin) and a "settings changed"
/// notice are shown in place, in the words of `texts` ([`MeetTexts`]), or as the app's
/// own panels (`loading`, `error`, `left`).
///
/// Before the meeting loads, it checks that the page lets the frame use the camera, the
/// microphone and screen sharing (where the browser tells: Chromium) and says what to
/// change if not (`permission_check`, `on_permission_warning`). A meeting that
/// navigates its frame away after its start-up (its own hang-up) is over: the state is
/// [`MeetState::Ended`] and `on_left` gets [`LeftReason::MeetingEnded`] (`detect_end`,
/// `end_grace_ms`).
///
/// Every prop a join is made with is reactive (`options`, `endpoint`, `request_body`,
/// `grant_source`, `allow`), but changing one never reloads a running meeting: it is noted
/// ("Settings changed", [`MeetController::settings_changed`]) and applies at the next
/// join; [`MeetController::rejoin`] (or the Rejoin button of the built-in controls)
/// joins again with it. Each join loads the iframe exactly once.
///
/// The names and imMail's options are one [`MeetOptions`] (`options`), whose fields
/// are the options as imMail documents them, each defined once in the core crate
/// ([`MeetOptions::SPECS`]): a new imMail option is a new field there, and nothing here.
///
/// `allowed_hosts` and `meeting_base` are reactive too, and read when a grant's
/// answer is checked: hosts that arrive while a grant is fetched apply to it, and a
/// join refused only because its host was not allowed is made again when they change
/// (so an app may pass hosts it is still loading, e.g.
/// [`server_allowed_hosts`](crate::server_allowed_hosts)).
///
/// The component is `width` × `height` (default `100%` × `500px`, never larger than
/// a parent of definite size), the bar below the meeting included; see the README's
/// layouts for filling a flex or grid parent and for an aspect ratio. `class`, `width`,
/// `height`, `title` and `texts` are reactive and apply at once.
///
/// # Usage
/// ```
/// use immail_meet::{MeetEmbed, MeetOptions};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Consultation() -> impl IntoView {
///     let (muted, set_muted) = signal(true);
///     let options = Signal::derive(move || MeetOptions {
///         first_name: Some("Zoë".into()),
///         last_name: Some("O'Brien & Co".into()),
///         start_with_audio_muted: muted.get(),
///         ..MeetOptions::default()
///     });
///     view! {
///         <MeetEmbed
///             endpoint="/api/meet/rooms/abc/grant"
///             options=options
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
    /// credentials. Read at each join; a change while joined is a settings change
    /// (e.g. another room: it applies at the next join).
    #[prop(into, optional)]
    endpoint: MaybeProp<String>,
    /// A JSON body for the endpoint, as JSON text (e.g. `{"display_name": "Zoë"}`;
    /// [`GrantBody`](crate::GrantBody) builds one from a `serde_json::Value`). Never a
    /// role: the server decides roles.
    #[prop(into, optional)]
    request_body: MaybeProp<String>,
    /// Any async grant source instead of `endpoint` (e.g. a server function). Another
    /// source while joined is a settings change.
    #[prop(into, optional)]
    grant_source: MaybeProp<GrantSource>,
    /// How long fetching a grant may take, in milliseconds (default 10 000).
    #[prop(default = DEFAULT_GRANT_TIMEOUT_MS)]
    grant_timeout_ms: u32,
    /// The participant's names and imMail's options (default: no names, imMail's
    /// defaults, see [`MeetOptions`]). Read at each join; a change while joined is a
    /// settings change.
    #[prop(into, optional)]
    options: Signal<MeetOptions>,
    /// Meeting bases a grant may point to (default: `https://web.immail.ca/meet/`).
    /// Reactive: read when an answer is checked.
    #[prop(into, optional)]
    allowed_hosts: Signal<AllowedHosts>,
    /// Where a grant's bare `room_name` lives (default `https://web.immail.ca/meet/`).
    /// Must be in `allowed_hosts`.
    #[prop(into, optional)]
    meeting_base: Signal<MeetingHost>,
    /// The iframe's `allow` attribute, replacing [`DEFAULT_ALLOW`]. Read at each join
    /// (the browser reads it when the frame loads); a change while joined is a settings
    /// change.
    #[prop(into, default = Signal::stored(DEFAULT_ALLOW.to_owned()))]
    allow: Signal<String>,
    /// What to do when the page will not let the meeting use the camera, the
    /// microphone or screen sharing: warn (default: a notice above the meeting), refuse
    /// to join ([`MeetError::PermissionsBlocked`]), or not check. Read at each join.
    #[prop(into, optional)]
    permission_check: Signal<PermissionCheck>,
    /// Called with each feature the check finds blocked, before the meeting loads.
    #[prop(into, optional)]
    on_permission_warning: Option<Callback<PermissionWarning>>,
    /// Whether a meeting that navigates its frame away after its start-up has ended
    /// (default `true`; see [`MeetState::Ended`]).
    #[prop(default = true)]
    detect_end: bool,
    /// How long after the meeting's first load a navigation of its frame is still its
    /// start-up, not its end, in milliseconds (default [`DEFAULT_END_GRACE_MS`]).
    #[prop(default = DEFAULT_END_GRACE_MS)]
    end_grace_ms: u32,
    /// CSS width of the component (default `100%`, from the stylesheet). Reactive.
    #[prop(into, optional)]
    width: MaybeProp<String>,
    /// CSS height of the component, the bar below the meeting included (default
    /// `500px`, from the stylesheet). `100%` fills a parent of definite height; `auto`
    /// lets a flex or grid parent, or an aspect ratio on the stage, decide. Reactive.
    #[prop(into, optional)]
    height: MaybeProp<String>,
    /// Extra classes on the root element. Reactive.
    #[prop(into, optional)]
    class: MaybeProp<String>,
    /// The iframe's accessible title.
    #[prop(into, default = Signal::stored(DEFAULT_TITLE.to_owned()))]
    title: Signal<String>,
    /// Every text the component shows (default: English, see [`MeetTexts`]). Reactive.
    #[prop(into, optional)]
    texts: Signal<MeetTexts>,
    /// The app's own panel while connecting and loading, instead of the built-in one.
    #[prop(into, optional)]
    loading: Option<ViewFn>,
    /// The app's own panel for an error, made from it (see [`PanelView`]).
    #[prop(into, optional)]
    error: Option<PanelView<MeetError>>,
    /// The app's own panel after leaving or the meeting's end, made from the reason.
    #[prop(into, optional)]
    left: Option<PanelView<LeftReason>>,
    /// Join on mount (default `true`); otherwise a Join button is shown.
    #[prop(default = true)]
    auto_join: bool,
    /// Show the built-in Leave / Rejoin bar (default `true`).
    #[prop(default = true)]
    controls: bool,
    /// A handle to read the state and join, leave or rejoin from outside. It is also
    /// in context for the component's panels.
    #[prop(optional)]
    controller: Option<MeetController>,
    /// Called once per join, when the meeting iframe has loaded.
    #[prop(into, optional)]
    on_loaded: Option<Callback<()>>,
    /// Called when joining fails.
    #[prop(into, optional)]
    on_error: Option<Callback<MeetError>>,
    /// Called when the participant is no longer in the meeting, with the reason: left
    /// with the controls, or the meeting ended.
    #[prop(into, optional)]
    on_left: Option<Callback<LeftReason>>,
) -> impl IntoView {
    let meet = controller.unwrap_or_default();
    provide_context(meet);
    // What a join would be made with now (tracked where it is read).
    let join_with = move || JoinWith {
        endpoint: endpoint.get(),
        body: request_body.get(),
        source: grant_source.get(),
        options: options.get(),
        allow: allow.get(),
    };
    // The running meeting's iframe `src` (empty: no iframe); set once per join, so the
    // iframe loads once. A generation counter drops the answers of joins superseded
    // while in flight (leave, rejoin, unmount).
    let frame = RwSignal::new(String::new());
    let joins = StoredValue::new(Joins::default());
    let warnings = RwSignal::new(Vec::<PermissionWarning>::new());
    // The rules of the moment an answer arrives (and none once the component is gone).
    let rules = move || {
        let hosts = allowed_hosts.try_get_untracked().unwrap_or_default();
        let base = meeting_base.try_get_untracked().unwrap_or_default();
        GrantRules::new(hosts, base)
    };
    let fail = move |error: MeetError| {
        meet.state.set(MeetState::Failed(error.clone()));
        if let Some(on_error) = on_error {
            on_error.run(error);
        }
    };

    let join = move || {
        let this = joins.write_value().next();
        frame.set(String::new());
        warnings.set(Vec::new());
        meet.state.set(MeetState::Fetching);
        let with = untrack(join_with);
        leptos::task::spawn_local(async move {
            let outcome = obtain(&with, rules, grant_timeout_ms).await;
            if joins.try_with_value(|j| j.generation) != Some(this) {
                return;
            }
            let (src, moderator) = match outcome {
                Ok(joined) => joined,
                Err(error) => return fail(error),
            };
            let policy = permission_check.try_get_untracked().unwrap_or_default();
            let blocked = match policy {
                PermissionCheck::Off => Vec::new(),
                _ => check(&with.allow, src.expose_secret()),
            };
            if let Some(report) = on_permission_warning {
                blocked.iter().cloned().for_each(|w| report.run(w));
            }
            if policy == PermissionCheck::Refuse && !blocked.is_empty() {
                return fail(MeetError::PermissionsBlocked(blocked));
            }
            warnings.set(blocked);
            joins.write_value().joined_with = Some(with);
            frame.set(src.expose_secret().to_owned());
            meet.state.set(MeetState::Joined {
                moderator,
                loaded: false,
            });
        });
    };
    let leave = move |reason: LeftReason| {
        joins.update_value(|j| j.generation += 1);
        frame.set(String::new());
        warnings.set(Vec::new());
        meet.state.set(match reason {
            LeftReason::Controls => MeetState::Left,
            LeftReason::MeetingEnded => MeetState::Ended,
        });
        if let Some(on_left) = on_left {
            on_left.run(reason);
        }
    };
    let dispatch: Dispatch = Arc::new(move |action| match action {
        Action::Join => join(),
        Action::Leave => leave(LeftReason::Controls),
    });
    let kept_join = meet.attach(dispatch.clone());
    on_cleanup(move || {
        joins.update_value(|j| j.generation += 1);
        meet.detach(&dispatch);
    });

    // Something a join is made with changed since the meeting was joined: noted,
    // never applied by itself. Read (and tracked) only while joined.
    let changed = Signal::derive(move || {
        matches!(meet.state.get(), MeetState::Joined { .. }) && {
            let now = join_with();
            joins
                .try_with_value(|j| j.joined_with.as_ref() != Some(&now))
                .unwrap_or(false)
        }
    });
    // Browser only: in server-side rendering nothing joins, and effects must not run
    // (a server build with Leptos' `csr` on would try to spawn them).
    if cfg!(target_arch = "wasm32") {
        // The controller owns its `settings_changed` signal, so it can be read before
        // this component mounts and after it is gone.
        Effect::new(move || meet.settings_changed.set(changed.get()));
        // Hosts that arrive later let a join they refused through: once per new value
        // (the effect keeps the hosts it last saw).
        Effect::new(move |previous: Option<(AllowedHosts, MeetingHost)>| {
            let hosts = (allowed_hosts.get(), meeting_base.get());
            let refused = meet.state.with_untracked(|s| match s {
                MeetState::Failed(error) => refused_by_hosts(error),
                _ => false,
            });
            if refused && previous.is_some_and(|seen| seen != hosts) {
                join();
            }
            hosts
        });
    }

    // Joins on mount, in the browser only: server-side rendering shows the "Connecting"
    // placeholder and the grant is fetched once the page runs in the browser.
    if !(auto_join || kept_join) {
        meet.state.set(MeetState::Idle);
    } else if cfg!(target_arch = "wasm32") {
        join();
    } else {
        meet.state.set(MeetState::Fetching);
    }

    // The first load is the meeting's; a later one after its start-up, its end. A DOM
    // listener can outlive the component: an iframe its parent moves (a `<Suspense>` that
    // shows its fallback, then the next view) loads again after the component is gone,
    // so a state already disposed is not read.
    let on_load = move |_| {
        let Some(MeetState::Joined { moderator, .. }) = meet.state.try_get_untracked() else {
            return;
        };
        let now = now_ms();
        let Some(first) = joins.try_with_value(|j| j.first_load_ms) else {
            return;
        };
        match classify(first, now, end_grace_ms, detect_end) {
            Load::First => {
                joins.update_value(|j| j.first_load_ms = Some(now));
                meet.state.set(MeetState::Joined {
                    moderator,
                    loaded: true,
                });
                if let Some(on_loaded) = on_loaded {
                    on_loaded.run(());
                }
            }
            Load::Ignored => {}
            Load::Ended => leave(LeftReason::MeetingEnded),
        }
    };
    let iframe = move || {
        let src = frame.get();
        let allow = joins.with_value(|j| j.joined_with.as_ref().map(|w| w.allow.clone()));
        (!src.is_empty()).then(|| {
            view! {
                <iframe
                    class="immail-meet__frame"
                    node_ref=meet.iframe
                    src=src
                    title=title
                    allow=allow
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

    // The size props, as inline style (a prop wins over the stylesheet's default).
    let size = move || {
        let mut size = String::new();
        for (property, value) in [("width:", width.get()), ("height:", height.get())] {
            if let Some(value) = value {
                size.push_str(property);
                size.push_str(&value);
                size.push(';');
            }
        }
        (!size.is_empty()).then_some(size)
    };
    let panels = Panels {
        loading,
        error,
        left,
    };
    view! {
        <div
            class=move || crate::root_class("immail-meet", &class.get().unwrap_or_default())
            data-state=move || meet.state.try_with(MeetState::name).unwrap_or("detached")
            style=size
        >
            {permission_notice(meet, warnings, texts)}
            <div class="immail-meet__stage">{iframe}</div>
            {panel(meet, texts, panels)}
            {controls.then(|| bar(meet, changed, texts))}
        </div>
    }
}

//! `<MeetEmbed>`: an imMail meeting in an iframe, from a grant fetched at join time.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;

use crate::grant_source::{GrantSource, DEFAULT_GRANT_TIMEOUT_MS};
use crate::meet_controller::{Action, Dispatch, MeetController, MeetState};
use crate::meet_join::{obtain, refused_by_hosts, JoinWith, Joins};
use crate::meet_overlay::{bar, panel};
use crate::{AllowedHosts, GrantRules, MeetError, MeetOptions, MeetingHost};

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
/// Every prop a join is made with is reactive (`options`, `endpoint`, `request_body`,
/// `grant_source`), but changing one never reloads a running meeting: it is noted
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
/// layouts for filling a flex or grid parent and for an aspect ratio.
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
    /// CSS width of the component, set once (default `100%`, from the stylesheet).
    #[prop(into, optional)]
    width: Option<String>,
    /// CSS height of the component, the bar below the meeting included, set once
    /// (default `500px`, from the stylesheet). `100%` fills a parent of definite height; `auto`
    /// lets a flex or grid parent, or an aspect ratio on the stage, decide.
    #[prop(into, optional)]
    height: Option<String>,
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
    // What a join would be made with now (tracked where it is read).
    let join_with = move || JoinWith {
        endpoint: endpoint.get(),
        body: request_body.get(),
        source: grant_source.get(),
        options: options.get(),
    };
    // The running meeting's iframe `src` (empty: no iframe); set once per join, so the
    // iframe loads once. A generation counter drops the answers of joins superseded
    // while in flight (leave, rejoin, unmount).
    let frame = RwSignal::new(String::new());
    let joins = StoredValue::new(Joins::default());
    // The rules of the moment an answer arrives (and none once the component is gone).
    let rules = move || {
        let hosts = allowed_hosts.try_get_untracked().unwrap_or_default();
        let base = meeting_base.try_get_untracked().unwrap_or_default();
        GrantRules::new(hosts, base)
    };

    let join = move || {
        let this = joins.write_value().next();
        frame.set(String::new());
        meet.state.set(MeetState::Fetching);
        let with = untrack(join_with);
        leptos::task::spawn_local(async move {
            let outcome = obtain(&with, rules, grant_timeout_ms).await;
            if joins.try_with_value(|j| j.generation) != Some(this) {
                return;
            }
            match outcome {
                Ok((src, moderator)) => {
                    joins.write_value().joined_with = Some(with);
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
        joins.update_value(|j| j.generation += 1);
        frame.set(String::new());
        meet.state.set(MeetState::Left);
        if let Some(on_left) = on_left {
            on_left.run(());
        }
    };
    let dispatch: Dispatch = Arc::new(move |action| match action {
        Action::Join => join(),
        Action::Leave => leave(),
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

    // A DOM listener can outlive the component: an iframe its parent moves (a
    // `<Suspense>` that shows its fallback, then the next view) loads again after the
    // component is gone, so a state already disposed is not read.
    let on_load = move |_| {
        if let Some(MeetState::Joined {
            moderator,
            loaded: false,
        }) = meet.state.try_get_untracked()
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

    // The size props, as inline style (a prop wins over the stylesheet's default).
    let mut size = String::new();
    for (property, value) in [("width:", width), ("height:", height)] {
        if let Some(value) = value {
            size.push_str(property);
            size.push_str(&value);
            size.push(';');
        }
    }
    let size = (!size.is_empty()).then_some(size);
    view! {
        <div
            class=crate::root_class("immail-meet", &class)
            data-state=move || meet.state.try_with(MeetState::name).unwrap_or("detached")
            style=size
        >
            <div class="immail-meet__stage">{iframe}</div>
            {panel(meet)}
            {controls.then(|| bar(meet, changed))}
        </div>
    }
}

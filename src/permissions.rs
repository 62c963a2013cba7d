//! What the meeting's iframe is allowed ([`DEFAULT_ALLOW`]), and the check that says,
//! before the meeting loads, which feature it needs the page will not let it use
//! ([`PermissionCheck`]).
//!
//! The check asks the browser itself: Chromium's `HTMLIFrameElement.featurePolicy`
//! gives the policy a frame of the meeting's origin would get, from the page's
//! `Permissions-Policy` header, the frames the page is in and the iframe's `allow`. It
//! is read from a hidden probe iframe that points at the meeting origin's root (never
//! at the meeting, never with the token) and is removed in the same task, before it
//! could load. Where the browser has no such API (Firefox, Safari), only the `allow`
//! attribute is checked.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::{allow_names, PermissionCause, PermissionWarning, NEEDED_FEATURES};

/// The iframe's default `allow`: the camera, microphone and screen sharing a meeting
/// needs, plus what the best embeds also grant (autoplay, writing to the clipboard for
/// "copy the invite link", keeping the screen awake, fullscreen).
pub const DEFAULT_ALLOW: &str =
    "camera; microphone; display-capture; autoplay; clipboard-write; screen-wake-lock; fullscreen";

/// What `<MeetEmbed>` does when the page will not let the meeting use a feature it
/// needs (camera, microphone, screen sharing): the `permission_check` prop.
///
/// # Usage
/// ```
/// use immail_meet::{MeetEmbed, PermissionCheck};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Strict() -> impl IntoView {
///     view! {
///         <MeetEmbed
///             endpoint="/api/meet/rooms/abc/grant"
///             permission_check=PermissionCheck::Refuse
///             on_permission_warning=move |w| leptos::logging::warn!("{w}")
///         />
///     }
/// }
/// ```
///
/// # Server-Side Rendering
/// Pure data; the check runs in the browser, when a grant has arrived.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PermissionCheck {
    /// Join anyway, with a notice above the meeting that says what is blocked and what
    /// to change (and `on_permission_warning` for each).
    #[default]
    Warn,
    /// Do not join: the state is an error,
    /// [`MeetError::PermissionsBlocked`](crate::MeetError::PermissionsBlocked), with Retry.
    Refuse,
    /// Do not check.
    Off,
}

/// The features of [`NEEDED_FEATURES`] a frame at `src` with this `allow` will not get,
/// each with its cause. Empty where nothing is known to be blocked.
pub(crate) fn check(allow: &str, src: &str) -> Vec<PermissionWarning> {
    let Some(origin) = web_sys::Url::new(src).ok().map(|url| url.origin()) else {
        return Vec::new();
    };
    let warning = |feature: &str, cause| PermissionWarning {
        feature: feature.to_owned(),
        origin: origin.clone(),
        cause,
    };
    let (listed, unlisted): (Vec<&str>, Vec<&str>) = NEEDED_FEATURES
        .into_iter()
        .partition(|feature| allow_names(allow, feature));
    let mut warnings: Vec<_> = unlisted
        .into_iter()
        .map(|feature| warning(feature, PermissionCause::NotInAllow))
        .collect();
    let blocked = frame_policy_denies(allow, &origin, &listed);
    warnings.extend(
        blocked
            .into_iter()
            .map(|feature| warning(feature, PermissionCause::HostPolicy)),
    );
    warnings
}

/// Which of `features` the policy of a frame at `origin` with this `allow` denies, as
/// the browser computes it (`HTMLIFrameElement.featurePolicy`); none where the browser
/// does not say.
fn frame_policy_denies<'a>(allow: &str, origin: &str, features: &[&'a str]) -> Vec<&'a str> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let (Ok(probe), Some(body)) = (document.create_element("iframe"), document.body()) else {
        return Vec::new();
    };
    for (name, value) in [
        ("hidden", ""),
        ("loading", "lazy"),
        ("allow", allow),
        ("src", &format!("{origin}/")),
    ] {
        let _ = probe.set_attribute(name, value);
    }
    if body.append_child(&probe).is_err() {
        return Vec::new();
    }
    let denied = policy_of(&probe)
        .map(|(policy, allows)| {
            features
                .iter()
                .copied()
                .filter(|feature| {
                    let allowed = allows.call1(&policy, &JsValue::from_str(feature));
                    allowed.ok().and_then(|a| a.as_bool()) == Some(false)
                })
                .collect()
        })
        .unwrap_or_default();
    probe.remove();
    denied
}

/// The element's `featurePolicy` and its `allowsFeature`, where the browser has them.
fn policy_of(element: &web_sys::Element) -> Option<(JsValue, Function)> {
    let policy = Reflect::get(element, &JsValue::from_str("featurePolicy")).ok()?;
    if !policy.is_object() {
        return None;
    }
    let allows = Reflect::get(&policy, &JsValue::from_str("allowsFeature")).ok()?;
    Some((policy, allows.dyn_into::<Function>().ok()?))
}

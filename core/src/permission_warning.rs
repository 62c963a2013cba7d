//! [`PermissionWarning`]: a feature the meeting needs (camera, microphone, screen
//! sharing) that the page will not let its frame use, and why.

use std::fmt;

/// The permission-policy features a meeting needs: without them the camera, the
/// microphone or screen sharing fail inside the frame. (The other features of the
/// default `allow`, such as `autoplay` or `fullscreen`, only make the meeting nicer,
/// and are not checked.)
pub const NEEDED_FEATURES: [&str; 3] = ["camera", "microphone", "display-capture"];

/// Why the frame will not get a feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PermissionCause {
    /// The iframe's own `allow` attribute (the `allow` prop of `<MeetEmbed>`) does not
    /// name it.
    NotInAllow,
    /// The page's `Permissions-Policy` header (or, when the page is itself in a frame,
    /// that frame's `allow` attribute) does not delegate it to the meeting's origin.
    HostPolicy,
}

/// A feature the meeting needs that its frame will not get, found before the meeting
/// loads. `Display` says what is blocked and what to change.
///
/// # Usage
/// ```
/// use immail_meet_core::{PermissionCause, PermissionWarning};
/// let warning = PermissionWarning {
///     feature: "camera".into(),
///     origin: "https://web.immail.ca".into(),
///     cause: PermissionCause::HostPolicy,
/// };
/// assert_eq!(warning.header(), r#"Permissions-Policy: camera=(self "https://web.immail.ca")"#);
/// assert!(warning.to_string().starts_with("The camera is blocked"));
/// ```
///
/// # Server-Side Rendering
/// Pure data. The check that makes it runs in the browser only.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PermissionWarning {
    /// The permission-policy feature: `camera`, `microphone` or `display-capture`.
    pub feature: String,
    /// The meeting's origin (e.g. `https://web.immail.ca`), the one it is needed for.
    pub origin: String,
    /// Why it is blocked.
    pub cause: PermissionCause,
}

impl PermissionWarning {
    /// What the feature is called in a sentence (`screen sharing` for
    /// `display-capture`).
    pub fn feature_name(&self) -> &str {
        match self.feature.as_str() {
            "camera" => "camera",
            "microphone" => "microphone",
            "display-capture" => "screen sharing",
            other => other,
        }
    }

    /// The `Permissions-Policy` header entry that delegates the feature to the meeting,
    /// for this feature alone (a page sends one header listing every feature).
    pub fn header(&self) -> String {
        format!(
            "Permissions-Policy: {}=(self \"{}\")",
            self.feature, self.origin
        )
    }
}

impl fmt::Display for PermissionWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.feature_name();
        match self.cause {
            PermissionCause::NotInAllow => write!(
                f,
                "The {name} is blocked for the meeting: the iframe's allow attribute does not \
                 name \"{}\". Add it to the allow prop of <MeetEmbed>.",
                self.feature
            ),
            PermissionCause::HostPolicy => write!(
                f,
                "The {name} is blocked for the meeting by this page's Permissions-Policy \
                 (or by the frame this page is in). Send `{}` with the page, or remove \
                 {}=() from it.",
                self.header(),
                self.feature
            ),
        }
    }
}

/// Whether an iframe `allow` attribute names `feature` (its directives are separated by
/// `;`, each starting with the feature's name).
///
/// # Usage
/// ```
/// use immail_meet_core::allow_names;
/// assert!(allow_names("camera; microphone 'src'", "microphone"));
/// assert!(!allow_names("camera; microphone", "display-capture"));
/// ```
pub fn allow_names(allow: &str, feature: &str) -> bool {
    allow
        .split(';')
        .filter_map(|directive| directive.split_whitespace().next())
        .any(|name| name.eq_ignore_ascii_case(feature))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warning(feature: &str, cause: PermissionCause) -> PermissionWarning {
        PermissionWarning {
            feature: feature.into(),
            origin: "https://web.immail.ca".into(),
            cause,
        }
    }

    #[test]
    fn each_cause_names_what_to_change() {
        let header = warning("display-capture", PermissionCause::HostPolicy).to_string();
        assert!(header.contains("screen sharing"), "{header}");
        assert!(
            header
                .contains(r#"Permissions-Policy: display-capture=(self "https://web.immail.ca")"#),
            "{header}"
        );
        let allow = warning("camera", PermissionCause::NotInAllow).to_string();
        assert!(allow.contains("allow prop of <MeetEmbed>"), "{allow}");
        assert!(allow.contains("\"camera\""), "{allow}");
    }

    #[test]
    fn allow_lists_are_read_by_directive() {
        let allow = "camera; microphone; display-capture; autoplay";
        for feature in NEEDED_FEATURES {
            assert!(allow_names(allow, feature), "{feature}");
        }
        assert!(!allow_names("camera-x; microphones", "camera"));
        assert!(!allow_names("camera-x; microphones", "microphone"));
        assert!(allow_names(" CAMERA https://web.immail.ca ;", "camera"));
        assert!(!allow_names("", "camera"));
    }
}

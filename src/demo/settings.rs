//! The demo's settings panel: names and one labelled toggle per imMail option.

use leptos::prelude::*;

/// The participant's names and the options, as signals.
#[derive(Clone, Copy)]
pub struct Settings {
    /// First name.
    pub first_name: RwSignal<String>,
    /// Last name.
    pub last_name: RwSignal<String>,
    /// `start_recording`.
    pub start_recording: RwSignal<bool>,
    /// `startWithAudioMuted`.
    pub start_with_audio_muted: RwSignal<bool>,
    /// `startWithVideoMuted`.
    pub start_with_video_muted: RwSignal<bool>,
    /// `fileRecordingsEnabled`.
    pub file_recordings_enabled: RwSignal<bool>,
    /// `HIDE_INVITE_MORE_HEADER`.
    pub hide_invite_more_header: RwSignal<bool>,
}

impl Settings {
    /// imMail's defaults and a sample name.
    pub fn new() -> Self {
        let defaults = crate::MeetOptions::default();
        Self {
            first_name: RwSignal::new("Ada".into()),
            last_name: RwSignal::new("Lovelace".into()),
            start_recording: RwSignal::new(defaults.start_recording),
            start_with_audio_muted: RwSignal::new(defaults.start_with_audio_muted),
            start_with_video_muted: RwSignal::new(defaults.start_with_video_muted),
            file_recordings_enabled: RwSignal::new(defaults.file_recordings_enabled),
            hide_invite_more_header: RwSignal::new(defaults.hide_invite_more_header),
        }
    }

    /// The options: imMail's name, the toggle's label, the signal and imMail's default.
    fn toggles(&self) -> [(&'static str, &'static str, RwSignal<bool>, bool); 5] {
        let defaults = crate::MeetOptions::default();
        [
            (
                "start_recording",
                "Start recording on first entry",
                self.start_recording,
                defaults.start_recording,
            ),
            (
                "startWithAudioMuted",
                "Join with microphone muted",
                self.start_with_audio_muted,
                defaults.start_with_audio_muted,
            ),
            (
                "startWithVideoMuted",
                "Join with camera off",
                self.start_with_video_muted,
                defaults.start_with_video_muted,
            ),
            (
                "fileRecordingsEnabled",
                "Allow file recordings",
                self.file_recordings_enabled,
                defaults.file_recordings_enabled,
            ),
            (
                "HIDE_INVITE_MORE_HEADER",
                "Hide the invite button",
                self.hide_invite_more_header,
                defaults.hide_invite_more_header,
            ),
        ]
    }

    /// Takes what an input of the panel now holds (its `name` says which setting);
    /// `false` if the input is not one of the panel's.
    pub fn update(&self, name: &str, input: &web_sys::HtmlInputElement) -> bool {
        let text = match name {
            "first_name" => self.first_name,
            "last_name" => self.last_name,
            _ => match self.toggles().into_iter().find(|(key, ..)| *key == name) {
                Some((_, _, signal, _)) => {
                    signal.set(input.checked());
                    return true;
                }
                None => return false,
            },
        };
        text.set(input.value());
        true
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self::new()
    }
}

/// Names and toggles; each toggle shows imMail's default. The inputs start from the
/// settings and write to them through one `input` listener on an ancestor
/// ([`Settings::update`]): nothing else changes the settings, so the inputs need no
/// binding back.
#[component]
pub fn SettingsPanel(settings: Settings) -> impl IntoView {
    view! {
        <section class="demo-card" aria-labelledby="settings-h">
            <h2 id="settings-h">"Settings"</h2>
            {text_field("First name", "first_name", "given-name", settings.first_name)}
            {text_field("Last name", "last_name", "family-name", settings.last_name)}
            <fieldset class="demo-toggles">
                <legend>"Options"</legend>
                {settings.toggles().map(|(key, label, signal, default)| view! {
                    <label class="demo-toggle">
                        <input type="checkbox" name=key checked=signal.get_untracked() />
                        <span class="demo-toggle-text">{label}
                            <small><code>{key}</code>" · default "{if default { "on" } else { "off" }}</small>
                        </span>
                    </label>
                }).collect_view()}
            </fieldset>
            <p class="demo-hint">"Changes apply when you join, or with “Rejoin with new settings”."</p>
        </section>
    }
}

/// A labelled text input that starts with `value`'s text.
fn text_field(
    label: &'static str,
    name: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label class="demo-field">
            <span>{label}</span>
            <input type="text" name=name autocomplete=autocomplete value=value.get_untracked() />
        </label>
    }
}

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

    /// Takes what an input of the settings panel now holds: its `name` says which
    /// setting. Other inputs are ignored.
    pub fn update(&self, input: &web_sys::HtmlInputElement) {
        match input.name().as_str() {
            "first_name" => self.first_name.set(input.value()),
            "last_name" => self.last_name.set(input.value()),
            option => {
                if let Some(toggle) = self.toggle(option) {
                    toggle.set(input.checked());
                }
            }
        }
    }

    /// The toggle of an option, by imMail's name for it.
    fn toggle(&self, option: &str) -> Option<RwSignal<bool>> {
        Some(match option {
            "start_recording" => self.start_recording,
            "startWithAudioMuted" => self.start_with_audio_muted,
            "startWithVideoMuted" => self.start_with_video_muted,
            "fileRecordingsEnabled" => self.file_recordings_enabled,
            "HIDE_INVITE_MORE_HEADER" => self.hide_invite_more_header,
            _ => return None,
        })
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self::new()
    }
}

/// Names and toggles; each toggle shows imMail's default. The inputs start from what
/// [`Settings::new`] holds (the end-to-end tests check that they agree) and write to
/// the settings through one `input` listener on an ancestor ([`Settings::update`]):
/// nothing else changes the settings, so the inputs need no binding back. Static
/// markup, which Leptos builds from one template.
#[component]
pub fn SettingsPanel() -> impl IntoView {
    view! {
        <section class="demo-card" aria-labelledby="settings-h">
            <h2 id="settings-h">"Settings"</h2>
            <label class="demo-field">
                <span>"First name"</span>
                <input type="text" name="first_name" autocomplete="given-name" value="Ada" />
            </label>
            <label class="demo-field">
                <span>"Last name"</span>
                <input type="text" name="last_name" autocomplete="family-name" value="Lovelace" />
            </label>
            <fieldset class="demo-toggles">
                <legend>"Options"</legend>
                <label class="demo-toggle">
                    <input type="checkbox" name="start_recording" />
                    <span class="demo-toggle-text">"Start recording on first entry"
                        <small><code>"start_recording"</code>" · default off"</small>
                    </span>
                </label>
                <label class="demo-toggle">
                    <input type="checkbox" name="startWithAudioMuted" checked />
                    <span class="demo-toggle-text">"Join with microphone muted"
                        <small><code>"startWithAudioMuted"</code>" · default on"</small>
                    </span>
                </label>
                <label class="demo-toggle">
                    <input type="checkbox" name="startWithVideoMuted" />
                    <span class="demo-toggle-text">"Join with camera off"
                        <small><code>"startWithVideoMuted"</code>" · default off"</small>
                    </span>
                </label>
                <label class="demo-toggle">
                    <input type="checkbox" name="fileRecordingsEnabled" checked />
                    <span class="demo-toggle-text">"Allow file recordings"
                        <small><code>"fileRecordingsEnabled"</code>" · default on"</small>
                    </span>
                </label>
                <label class="demo-toggle">
                    <input type="checkbox" name="HIDE_INVITE_MORE_HEADER" />
                    <span class="demo-toggle-text">"Hide the invite button"
                        <small><code>"HIDE_INVITE_MORE_HEADER"</code>" · default off"</small>
                    </span>
                </label>
            </fieldset>
            <p class="demo-hint">"Changes apply when you join, or with “Rejoin with new settings”."</p>
        </section>
    }
}

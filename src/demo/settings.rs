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
}

impl Default for Settings {
    fn default() -> Self {
        Self::new()
    }
}

/// Names and toggles; each toggle shows imMail's default.
#[component]
pub fn SettingsPanel(settings: Settings) -> impl IntoView {
    let toggles = [
        (
            "start_recording",
            "Start recording on first entry",
            "off",
            settings.start_recording,
        ),
        (
            "startWithAudioMuted",
            "Join with microphone muted",
            "on",
            settings.start_with_audio_muted,
        ),
        (
            "startWithVideoMuted",
            "Join with camera off",
            "off",
            settings.start_with_video_muted,
        ),
        (
            "fileRecordingsEnabled",
            "Allow file recordings",
            "on",
            settings.file_recordings_enabled,
        ),
        (
            "HIDE_INVITE_MORE_HEADER",
            "Hide the invite button",
            "off",
            settings.hide_invite_more_header,
        ),
    ];
    view! {
        <section class="demo-card" aria-labelledby="settings-h">
            <h2 id="settings-h">"Settings"</h2>
            <TextField label="First name" name="first_name" autocomplete="given-name" value=settings.first_name />
            <TextField label="Last name" name="last_name" autocomplete="family-name" value=settings.last_name />
            <fieldset class="demo-toggles">
                <legend>"Options"</legend>
                {toggles.into_iter().map(|(key, label, default, signal)| view! {
                    <label class="demo-toggle">
                        <input type="checkbox" name=key
                            prop:checked=move || signal.get()
                            on:change=move |ev| signal.set(event_target_checked(&ev)) />
                        <span class="demo-toggle-text">{label}
                            <small><code>{key}</code>" · default "{default}</small>
                        </span>
                    </label>
                }).collect_view()}
            </fieldset>
            <p class="demo-hint">"Changes apply when you join, or with “Rejoin with new settings”."</p>
        </section>
    }
}

/// A labelled text input bound to a signal.
#[component]
fn TextField(
    label: &'static str,
    name: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label class="demo-field">
            <span>{label}</span>
            <input type="text" name=name autocomplete=autocomplete
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </label>
    }
}

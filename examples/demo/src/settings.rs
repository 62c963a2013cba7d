//! The settings panel: the participant's names and one labelled toggle per imMail
//! option, each with imMail's default, all read from the one definition of the options
//! (`MeetOptions::SPECS`): a new option shows up here by itself.

use immail_meet::{MeetOptions, OptionSpec, OptionValue};
use leptos::prelude::*;

/// Names and toggles, writing to `options` (what the meeting joins with).
#[component]
pub fn Settings(options: RwSignal<MeetOptions>) -> impl IntoView {
    let is_text = |spec: &&OptionSpec| matches!(spec.value(), OptionValue::Text { .. });
    let (names, switches): (Vec<&OptionSpec>, Vec<&OptionSpec>) =
        MeetOptions::SPECS.iter().partition(is_text);
    let settings = |specs: Vec<&'static OptionSpec>| {
        specs
            .into_iter()
            .map(|spec| view! { <Setting spec=spec options=options /> })
            .collect_view()
    };
    view! {
        <section class="demo-card" aria-labelledby="settings-h">
            <h2 id="settings-h">"Settings"</h2>
            {settings(names)}
            <fieldset class="demo-toggles">
                <legend>"Options"</legend>
                {settings(switches)}
            </fieldset>
            <p class="demo-hint">"Changes apply when you join, or with “Rejoin with new settings”."</p>
        </section>
    }
}

/// One option: a text field for a name, a checkbox with imMail's key and default for a
/// switch.
#[component]
fn Setting(spec: &'static OptionSpec, options: RwSignal<MeetOptions>) -> impl IntoView {
    match spec.value() {
        OptionValue::Text { get, set } => view! {
            <label class="demo-field">
                <span>{spec.label()}</span>
                <input
                    type="text"
                    name=spec.key()
                    prop:value=move || options.with(|o| get(o).unwrap_or_default().to_owned())
                    on:input=move |ev| options.update(|o| set(o, Some(event_target_value(&ev))))
                />
            </label>
        }
        .into_any(),
        OptionValue::Flag { default, get, set } => view! {
            <label class="demo-toggle">
                <input
                    type="checkbox"
                    name=spec.key()
                    prop:checked=move || options.with(get)
                    on:change=move |ev| options.update(|o| set(o, event_target_checked(&ev)))
                />
                <span class="demo-toggle-text">
                    {spec.label()}
                    <small>
                        <code>{spec.key()}</code>
                        {if default { " · default on" } else { " · default off" }}
                    </small>
                </span>
            </label>
        }
        .into_any(),
    }
}

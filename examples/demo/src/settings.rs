//! The settings panel: the participant's names and one labelled toggle per imMail
//! option, each with imMail's default, all read from the one definition of the options
//! (`MeetOptions::SPECS`): a new option shows up here by itself.

use immail_meet::{MeetOptions, OptionSpec, OptionValue};
use leptos::prelude::*;

/// Names and toggles, writing to `options` (what the meeting joins with).
#[component]
pub fn Settings(options: RwSignal<MeetOptions>) -> impl IntoView {
    let (names, switches): (Vec<&OptionSpec>, Vec<&OptionSpec>) = MeetOptions::SPECS
        .iter()
        .partition(|spec| matches!(spec.value(), OptionValue::Text { .. }));
    view! {
        <section class="demo-card" aria-labelledby="settings-h">
            <h2 id="settings-h">"Settings"</h2>
            {names.into_iter().map(|spec| view! { <Name spec=spec options=options /> }).collect_view()}
            <fieldset class="demo-toggles">
                <legend>"Options"</legend>
                {switches.into_iter().map(|spec| view! { <Switch spec=spec options=options /> }).collect_view()}
            </fieldset>
            <p class="demo-hint">"Changes apply when you join, or with “Rejoin with new settings”."</p>
        </section>
    }
}

/// A name: a text field.
#[component]
fn Name(spec: &'static OptionSpec, options: RwSignal<MeetOptions>) -> impl IntoView {
    let OptionValue::Text { get, set } = spec.value() else {
        unreachable!("names are text options")
    };
    view! {
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
}

/// A switch: a checkbox with imMail's key and default.
#[component]
fn Switch(spec: &'static OptionSpec, options: RwSignal<MeetOptions>) -> impl IntoView {
    let OptionValue::Flag { default, get, set } = spec.value() else {
        unreachable!("switches are flag options")
    };
    view! {
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
}

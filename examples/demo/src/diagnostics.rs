//! What the meeting component reported about the page's permissions
//! (`on_permission_warning`), and the choice of what it does then (`permission_check`).

use immail_meet::{PermissionCause, PermissionCheck, PermissionWarning};
use leptos::prelude::*;

/// The warnings reported so far (each once), and the warn / refuse choice.
#[component]
pub fn Diagnostics(
    warnings: RwSignal<Vec<PermissionWarning>>,
    permission_check: RwSignal<PermissionCheck>,
) -> impl IntoView {
    let choices = [
        (PermissionCheck::Warn, "warn", "Join with a notice"),
        (PermissionCheck::Refuse, "refuse", "Refuse to join"),
    ];
    view! {
        <section class="demo-card" aria-labelledby="diagnostics-h">
            <h2 id="diagnostics-h">"Permissions"</h2>
            <label class="demo-field">
                <span>"If this page blocks the camera, microphone or screen sharing"</span>
                <select
                    name="permission_check"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let chosen = choices.iter().find(|(_, key, _)| *key == value);
                        permission_check.set(chosen.map_or(PermissionCheck::Warn, |c| c.0));
                    }
                >
                    {choices.into_iter().map(|(check, key, label)| view! {
                        <option value=key selected=move || permission_check.get() == check>{label}</option>
                    }).collect_view()}
                </select>
            </label>
            <ul class="demo-warnings" data-testid="permission-warnings">
                <For each=move || warnings.get() key=|w| w.clone() let:warning>
                    <li data-feature=warning.feature.clone()>
                        <code>{warning.feature.clone()}</code>
                        {match warning.cause {
                            PermissionCause::HostPolicy => " — blocked by this page's Permissions-Policy",
                            PermissionCause::NotInAllow => " — missing from the iframe's allow",
                        }}
                    </li>
                </For>
            </ul>
            <Show when=move || warnings.with(Vec::is_empty)>
                <p class="demo-hint">"Nothing blocked: the page lets the meeting use camera, microphone and screen sharing."</p>
            </Show>
        </section>
    }
}

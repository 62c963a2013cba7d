//! The embed's pure core and nothing else: what the checks cost in the bundle, apart
//! from Leptos. JavaScript hands it a grant answer's text and gets back the iframe
//! `src` or the error text a component would show.
use immail_meet_core::{FetchError, GrantRules, MeetError, MeetOptions, MeetingSrc, OptionValue};
use wasm_bindgen::prelude::wasm_bindgen;

/// `status` and `text` of the backend's answer, the participant's names and the
/// switches (bit `i`: the `i`-th switch of `MeetOptions::SPECS`); `Ok(src)` or
/// `Err(message)`.
#[wasm_bindgen]
pub fn join(
    status: u16,
    text: String,
    first_name: Option<String>,
    last_name: Option<String>,
    flags: u8,
    now: f64,
) -> Result<String, String> {
    let mut options = MeetOptions {
        first_name,
        last_name,
        ..MeetOptions::default()
    };
    let switches = MeetOptions::SPECS
        .iter()
        .filter_map(|spec| match spec.value() {
            OptionValue::Flag { set, .. } => Some(set),
            OptionValue::Text { .. } => None,
        });
    for (bit, set) in switches.enumerate() {
        set(&mut options, flags & (1 << bit) != 0);
    }
    let src = (|| -> Result<MeetingSrc, MeetError> {
        if !(200..300).contains(&status) {
            return Err(FetchError::from_status(status, &text).into());
        }
        GrantRules::default()
            .validate_json(&text, now)?
            .src(&options)
    })();
    src.map(|src| src.expose_secret().to_owned())
        .map_err(|e| e.to_string())
}

fn main() {}

//! The embed's pure core and nothing else: what the checks cost in the bundle, apart
//! from Leptos. JavaScript hands it a grant answer's text and gets back the iframe
//! `src` or the error text `<MeetEmbed>` would show.
use immail_meet::{
    AllowedHosts, Grant, GrantFetchError, GrantResponse, GrantRules, MeetError, MeetOptions,
    MeetingSrc,
};
use wasm_bindgen::prelude::wasm_bindgen;

/// `status` and `text` of the backend's answer, the participant's names and the
/// options; `Ok(src)` or `Err(message)`.
#[wasm_bindgen]
pub fn join(
    status: u16,
    text: String,
    first_name: Option<String>,
    last_name: Option<String>,
    flags: u8,
    now: f64,
) -> Result<String, String> {
    let options = MeetOptions {
        first_name,
        last_name,
        start_recording: flags & 1 != 0,
        start_with_audio_muted: flags & 2 != 0,
        start_with_video_muted: flags & 4 != 0,
        file_recordings_enabled: flags & 8 != 0,
        hide_invite_more_header: flags & 16 != 0,
        extras: Vec::new(),
    };
    let src = (|| -> Result<MeetingSrc, MeetError> {
        if !(200..300).contains(&status) {
            return Err(GrantFetchError::from_status(status, &text).into());
        }
        options.check()?;
        let rules = GrantRules {
            allowed_hosts: AllowedHosts::default(),
            meeting_base: Default::default(),
        };
        let grant = Grant::validate(GrantResponse::from_json(&text)?, &rules, now)?;
        Ok(MeetingSrc::build(&grant.meeting_url, &grant.jwt, &options)?)
    })();
    src.map(|src| src.expose_secret().to_owned())
        .map_err(|e| e.to_string())
}

fn main() {}

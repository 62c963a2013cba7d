//! The same export as the core app with none of the core behind it: the floor that
//! the core's cost is measured from (wasm-bindgen glue and the allocator).
use wasm_bindgen::prelude::wasm_bindgen;

/// Takes what the core app's `join` takes; uses each argument without any check.
#[wasm_bindgen]
pub fn join(
    status: u16,
    text: String,
    first_name: Option<String>,
    last_name: Option<String>,
    flags: u8,
    now: f64,
) -> Result<String, String> {
    let _ = immail_meet_core::MAX_SERVER_MESSAGE_CHARS;
    if status == 200 && flags != 0 && now > 0.0 {
        Ok(text)
    } else {
        Err(first_name.or(last_name).unwrap_or_default())
    }
}

fn main() {}

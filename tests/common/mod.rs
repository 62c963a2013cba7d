//! What the tests share: the core crate's fixtures (`core/tests/common`: hostile URLs
//! and names, tokens), and the browser helpers.
#![allow(dead_code)]

#[path = "../../core/tests/common/mod.rs"]
mod core_fixtures;

pub use core_fixtures::*;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod history;

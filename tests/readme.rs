//! The README's "Use it in your app" is what the tests build: its example is the outside
//! app's `src/main.rs` (e2e/outside-app, built with trunk and driven in Chromium by
//! e2e/outside-app.test.mjs), and its release profile is that app's.
#![cfg(not(target_arch = "wasm32"))]

const README: &str = include_str!("../README.md");

/// The body of the first code block of `lang` after `heading`.
fn first_block<'a>(heading: &str, lang: &str) -> &'a str {
    let section = &README[README.find(heading).expect("the heading")..];
    let open = format!("```{lang}\n");
    let start = section.find(&open).expect("a code block") + open.len();
    let end = start + section[start..].find("\n```").expect("its end") + 1;
    &section[start..end]
}

#[test]
fn the_first_example_is_the_outside_apps_main() {
    let example = first_block("## Use it in your app", "rust,no_run");
    assert_eq!(
        example,
        include_str!("../e2e/outside-app/src/main.rs"),
        "README's example and e2e/outside-app/src/main.rs differ"
    );
}

#[test]
fn the_release_profile_is_the_outside_apps() {
    let manifest = first_block("## Use it in your app", "toml");
    let profile = &manifest[manifest.find("[profile.release]").expect("the profile")..];
    assert!(
        include_str!("../e2e/outside-app/Cargo.toml").contains(profile),
        "the outside app has not the README's profile:\n{profile}"
    );
    for line in [
        "opt-level = \"z\"",
        "lto = true",
        "codegen-units = 1",
        "panic = \"abort\"",
    ] {
        assert!(profile.contains(line), "{line}");
    }
}

#[test]
fn the_index_html_is_the_outside_apps() {
    assert_eq!(
        first_block("**`index.html`**", "html"),
        include_str!("../e2e/outside-app/index.html")
    );
}

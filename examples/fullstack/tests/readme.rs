//! The README's full-stack section shows this example's code: each of its Rust blocks
//! is in the example's sources, as written.

const README: &str = include_str!("../../../README.md");
const SOURCES: &[&str] = &[
    include_str!("../src/meeting.rs"),
    include_str!("../src/pages/room.rs"),
    include_str!("../src/server/mod.rs"),
    include_str!("../src/server/sign_in_cookie.rs"),
];

#[test]
fn the_readmes_full_stack_blocks_are_the_examples_code() {
    let start = README
        .find("\n## The full-stack example")
        .expect("the section");
    let section = &README[start + 1..];
    let section = &section[..section[1..]
        .find("\n## ")
        .map_or(section.len(), |end| end + 1)];
    let mut blocks = 0;
    for block in section.split("```rust,ignore\n").skip(1) {
        let code = &block[..block.find("```").expect("its end")];
        assert!(
            SOURCES.iter().any(|source| source.contains(code)),
            "README block not in the example's sources:\n{code}"
        );
        blocks += 1;
    }
    assert_eq!(blocks, 4, "the section's Rust blocks");
}

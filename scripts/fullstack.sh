#!/usr/bin/env bash
# The full-stack example (examples/fullstack): installs what is missing, builds it the
# way cargo-leptos would (the server with `ssr`, the wasm with `hydrate` in the
# `wasm-release` profile, wasm-bindgen, wasm-opt), starts it in sandbox mode and prints
# its URL. Ctrl-C stops it.
#
#   scripts/fullstack.sh          build and run: http://127.0.0.1:3000/
#   scripts/fullstack.sh build    build only (the test command does this)
#   scripts/fullstack.sh serve    run what was built (the browser tests do this)
#
# LEPTOS_SITE_ADDR moves the app (port 0: any free port); IMMAIL_API_KEY (or
# IMMAIL_API_KEY_FILE) and IMMAIL_EMAIL_DOMAIN switch it to imMail; `--help` of the
# server lists the rest. Why a script rather than cargo-leptos: README, "Full-stack
# example".
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-run}
app=examples/fullstack
name=immail-meet-fullstack
# One target/ for the repository and the example (its own workspace).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

serve() {
  # What `cargo leptos serve` would set; the site and the store are the example's.
  cd "$app"
  export LEPTOS_OUTPUT_NAME=$name LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg
  export LEPTOS_SITE_ADDR=${LEPTOS_SITE_ADDR:-127.0.0.1:3000}
  export RUST_LOG=${RUST_LOG:-info}
  # FULLSTACK_SERVER: another build of the server (e.g. cargo-leptos' target/release one).
  exec "${FULLSTACK_SERVER:-$CARGO_TARGET_DIR/debug/$name}"
}
[ "$what" = serve ] && serve

scripts/setup.sh build
# shellcheck source=scripts/env.sh
. scripts/env.sh
manifest=(--manifest-path "$app/Cargo.toml")
site="$app/target/site" # the manifest's site-root, as cargo-leptos lays it out
pkg="$site/pkg"

echo "[fullstack] building the browser's wasm (hydrate; first time: about 3 minutes)…"
# `cargo rustc --crate-type cdylib`, not `cargo build --lib`: Cargo leaves `lto` off for
# a library that is also an rlib (the server links it), and LTO takes 14 % off the wasm.
cargo rustc -q "${manifest[@]}" --lib --crate-type cdylib --target wasm32-unknown-unknown \
  --profile wasm-release --no-default-features --features hydrate
rm -rf "$pkg"
mkdir -p "$pkg"
wasm-bindgen --target web --no-typescript --out-dir "$pkg" --out-name "$name" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/immail_meet_fullstack.wasm"
wasm-opt -Oz "$pkg/${name}_bg.wasm" -o "$pkg/${name}_bg.wasm"
cp "$app/style/app.css" "$pkg/$name.css"
# Served precompressed (leptos_axum's file handler picks the .gz for gzip clients).
find "$pkg" -type f \( -name '*.js' -o -name '*.wasm' -o -name '*.css' \) -exec gzip -9 -k -f {} +

echo "[fullstack] building the server (ssr)…"
cargo build -q "${manifest[@]}" --bin "$name" --no-default-features --features ssr
[ "$what" = build ] && exit 0
echo "[fullstack] starting (Ctrl-C stops it)…"
serve

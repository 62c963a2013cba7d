#!/usr/bin/env bash
# Runs every test of immail-meet, installing whatever is missing first
# (see scripts/setup.sh): format, clippy for both targets, native tests (unit,
# property, server-side rendering, doc examples, the README), the feature guard, the
# reference server's tests, the browser tests in headless Chromium through wasm-pack,
# packaging of the publishable crates, and the end-to-end tests of the release demo
# (examples/demo), of an outside app built from the README with the server and of the
# full-stack example (examples/fullstack: rendered on the server, hydrated)
# (@playwright/test with Debian's Chromium, @axe-core/playwright).
#
#   scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
# A private temporary folder for the whole run, removed at exit: Chromium (wasm-pack's
# chromedriver, Playwright) leaves a profile folder of ~70 MB behind for every browser a
# killed or crashed run does not close, and they filled the disk. Readable by others:
# the PostgreSQL cluster (scripts/postgres.sh) runs as the postgres user inside it.
run_tmp=$(mktemp -d "${TMPDIR:-/tmp}/immail-meet-test.XXXXXX")
chmod 755 "$run_tmp"
export TMPDIR=$run_tmp
log=$(mktemp)
trap 'rm -rf "$run_tmp"' EXIT
exec > >(tee "$log") 2>&1

scripts/setup.sh build
# shellcheck source=scripts/env.sh
. scripts/env.sh
CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver)}
export CHROMEDRIVER

step() { printf '\n== %s (%ss)\n' "$*" "$(($(date +%s) - started))"; }

# The outside app: a user's app with its own workspace (e2e/outside-app). It shares
# our target/ (its lock file pins the same versions), so only its own crate and the
# release build of the bundle are new work.
outside=(--manifest-path e2e/outside-app/Cargo.toml)

# The full-stack example: its own workspace too, sharing our target/.
fullstack=(--manifest-path examples/fullstack/Cargo.toml)

step "format"
cargo fmt --all -- --check
cargo fmt "${outside[@]}" -- --check
cargo fmt "${fullstack[@]}" -- --check

# --- immail-meet-core (core/): the pure core crate --------------------------------------
step "core: clippy, native and wasm32"
cargo clippy -p immail-meet-core --all-targets -- -D warnings
cargo clippy -p immail-meet-core --all-targets --target wasm32-unknown-unknown -- -D warnings

step "core: native tests (grant contract, URLs with ~570,000 variants against url::Url, JWT, options, history, doc examples)"
cargo test -p immail-meet-core

step "core: the same tests in headless Chromium (wasm-pack test --headless --chrome core)"
wasm-pack test --headless --chrome core
# --- end of immail-meet-core ------------------------------------------------------------

step "clippy, native (every crate, what a contributor runs: cargo clippy --workspace --all-targets)"
cargo clippy --workspace --all-targets -- -D warnings

step "clippy, wasm32 (the libraries, their tests, the demo, the size apps; hydrate)"
cargo clippy --workspace --exclude immail-meet-server --exclude immail-fake --all-targets \
  --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p immail-meet --target wasm32-unknown-unknown --features hydrate --lib -- -D warnings
CARGO_TARGET_DIR="$PWD/target" cargo clippy "${outside[@]}" --target wasm32-unknown-unknown -- -D warnings

step "native tests: the component crate (server-side rendering, the README, doc examples), the apps"
cargo test --workspace --exclude immail-meet-core --exclude immail-meet-server --exclude immail-fake

step "features: server-side rendering with csr on too must not panic; csr + ssr must not compile"
cargo test -p immail-meet --features csr --test ssr
# (Built like the test above, so only this crate is compiled again.)
if cargo test -q -p immail-meet --no-run --features csr,ssr --test ssr 2>"$log.features"; then
  echo "csr + ssr compiled: the compile_error! guard is gone" >&2; exit 1
fi
grep -q 'immail-meet: the features "csr" and "ssr" are both on' "$log.features" ||
  { cat "$log.features" >&2; echo "csr + ssr failed without the guard's message" >&2; exit 1; }
rm -f "$log.features"
echo "csr + ssr: refused with the guard's message"

# ---- PostgreSQL for the store tests (issue 12) --------------------------------------
# One throwaway cluster for the whole run (scripts/postgres.sh), stopped on exit; the
# tests make a database each in it. The process-level tests start the server binary.
# shellcheck source=scripts/postgres.sh
. scripts/postgres.sh
pg_start
trap 'pg_stop; rm -rf "$run_tmp"' EXIT
export IMMAIL_MEET_TEST_POSTGRES_URL=$PG_URL
# ---------------------------------------------------------------------------------------

step "server tests: endpoints, errors, roles, cookies, sandbox page, history and recordings (200 MiB streamed), imMail mode, no secrets in logs; the store on SQLite and PostgreSQL, hostile requests, limits, the app's own identity, slow clients, kill -9 and restarts, two instances, graceful stops"
cargo test -p immail-meet-server

# -p: the root's default members include the server, which does not build for wasm32.
step "browser tests in headless Chromium (wasm-pack test --headless --chrome -- -p immail-meet)"
wasm-pack test --headless --chrome -- -p immail-meet

step "cargo package --workspace: immail-meet-core and immail-meet packaged together, each verified by a build"
cargo package --workspace --allow-dirty

# --- examples/fullstack (issue 14): the full-stack example -------------------------------
# Its browser tests are the e2e project "fullstack" (the next step runs them).
step "full-stack example: clippy (server native, browser wasm32), its unit tests, its build (scripts/fullstack.sh build)"
fullstack_started=$(date +%s)
cargo fetch -q "${fullstack[@]}" # its lock file's crates (leptos_axum, leptos_router, …)
CARGO_TARGET_DIR="$PWD/target" cargo clippy "${fullstack[@]}" --features ssr --all-targets -- -D warnings
CARGO_TARGET_DIR="$PWD/target" cargo clippy "${fullstack[@]}" --lib --features hydrate --target wasm32-unknown-unknown -- -D warnings
CARGO_TARGET_DIR="$PWD/target" cargo test "${fullstack[@]}" --features ssr
scripts/fullstack.sh build
echo "full-stack example built and checked in $(($(date +%s) - fullstack_started)) s"
# --- end of examples/fullstack -----------------------------------------------------------

step "end to end: the release demo, the outside app, hostile pages, the full-stack example and the server in Chromium (@playwright/test, axe-core)"
trunk build --release --offline
outside_started=$(date +%s)
cargo fetch -q "${outside[@]}"   # its lock file's crates, should it lag behind ours
(cd e2e/outside-app && CARGO_TARGET_DIR="$PWD/../../target" trunk build --release --offline)
echo "outside app built in $(($(date +%s) - outside_started)) s"
cargo build -p immail-meet-server
npm test --prefix e2e

step "all tests passed"
# One closing line for every runner above: cargo's "test result: ok. N passed" and the
# counts Playwright's list reporter ends with ("  N passed (12.3s)", "  N failed").
awk '{ gsub(/\033\[[0-9;]*m/, "") }
     /^test result: ok\./ { passed += $4 }
     /^  [0-9]+ passed \(/ { passed += $1 } /^  [0-9]+ failed$/ { failed += $1 }
     END { printf "%d passed, %d failed\n", passed, failed }' "$log"

#!/usr/bin/env bash
# Runs every test of immail-meet, installing whatever is missing first
# (see scripts/setup.sh): format, clippy for both targets, native tests (unit,
# property, server-side rendering, doc examples), the reference server's tests, and
# the browser tests in headless Chromium through wasm-pack, and the end-to-end tests
# of the release demo with the server (Playwright with Debian's Chromium, axe-core).
#
#   scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
exec > >(tee "$log") 2>&1

scripts/setup.sh build
# shellcheck source=scripts/env.sh
. scripts/env.sh
CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver)}
export CHROMEDRIVER

step() { printf '\n== %s (%ss)\n' "$*" "$(($(date +%s) - started))"; }

step "format"
cargo fmt --all -- --check

step "clippy, native (component crate and server)"
cargo clippy --all-targets -- -D warnings
cargo clippy -p immail-meet-server -p immail-fake --all-targets -- -D warnings

step "clippy, wasm32 (library, tests, demo, size apps)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy --target wasm32-unknown-unknown --features demo --bins -- -D warnings
cargo clippy --target wasm32-unknown-unknown --features hydrate --lib -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p immail-meet-size-app -p immail-meet-bare-app -p immail-meet-naive-app -p immail-meet-core-app --bins -- -D warnings

step "native tests: core, properties, server-side rendering, doc examples"
cargo test

# ---- PostgreSQL for the store tests (issue 12) --------------------------------------
# One throwaway cluster for the whole run (scripts/postgres.sh), stopped on exit; the
# tests make a database each in it. The process-level tests start the server binary.
# shellcheck source=scripts/postgres.sh
. scripts/postgres.sh
pg_start
trap 'pg_stop; rm -f "$log"' EXIT
export IMMAIL_MEET_TEST_POSTGRES_URL=$PG_URL
# ---------------------------------------------------------------------------------------

step "server tests: endpoints, errors, roles, cookies, sandbox page, history and recordings (200 MiB streamed), imMail mode, no secrets in logs; the store on SQLite and PostgreSQL, hostile requests, limits, the app's own identity, slow clients, kill -9 and restarts, two instances, graceful stops"
cargo test -p immail-meet-server

step "browser tests in headless Chromium (wasm-pack test --headless --chrome)"
wasm-pack test --headless --chrome

step "end to end: the release demo and the server in Chromium (Playwright, axe-core)"
trunk build --release --offline
cargo build -p immail-meet-server
npm test --prefix e2e

step "all tests passed"
# One closing line for every runner above: cargo's "N passed" and node's "# pass N".
awk '/^test result: ok\./ { passed += $4 } /^# pass / { passed += $3 } /^# fail / { failed += $3 }
     END { printf "%d passed, %d failed\n", passed, failed }' "$log"

#!/usr/bin/env bash
# Installs what the tests, the size report and the demo need, skipping every
# tool that is already present at the pinned version. Safe to run repeatedly.
#
#   scripts/setup.sh test   # wasm target, wasm-bindgen-cli, wasm-pack, Chromium + ChromeDriver
#   scripts/setup.sh build  # the above plus trunk, wasm-opt (binaryen, from npm) and the
#                           # end-to-end test packages (@playwright/test, @axe-core/playwright;
#                           # no browser: the tests use Debian's Chromium)
#
# Versions are pinned to what is verified on the project's machines
# (see README "Toolchain").
set -euo pipefail

WASM_BINDGEN_VERSION=0.2.130
WASM_PACK_VERSION=0.15.1
TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=132

what=${1:-test}
log() { printf '[setup] %s\n' "$*" >&2; }

cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh


has_version() { # has_version CMD EXPECTED-SUBSTRING
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q -- "$2"
}

for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    log "adding rust component $component"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! has_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (~3 min)"
  # Not --locked: the CLI's own lock file wants a webpki-roots the registry lacks.
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! has_version wasm-pack "$WASM_PACK_VERSION"; then
  log "installing wasm-pack $WASM_PACK_VERSION (~2 min)"
  cargo install -q wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

# ---- PostgreSQL (issue 12): the server's store tests and the upstream benchmark -------
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  log "installing postgresql from Debian"
  apt_install postgresql
fi
# ---------------------------------------------------------------------------------------

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing chromium and chromium-driver from Debian"
  apt_install chromium chromium-driver
fi

if [ "$what" = build ] || [ "$what" = all ]; then
  # wasm-opt comes from npm's binaryen: Debian's binaryen 108 breaks the externref
  # table of wasm-bindgen 0.2.130 ("WebAssembly.Table.set(): Argument 1 is invalid").
  if ! command -v npm >/dev/null; then
    log "installing nodejs and npm from Debian"
    apt_install nodejs npm
  fi
  if ! PATH="$PWD/tools/node_modules/.bin:$PATH" has_version wasm-opt "version $WASM_OPT_VERSION"; then
    log "installing binaryen $WASM_OPT_VERSION (wasm-opt) from npm into tools/"
    npm ci --prefix tools --no-audit --no-fund --loglevel=error
  fi
  # Again whenever e2e/package-lock.json changed since the last install. No browser is
  # downloaded (nor would one be: these versions have no install script).
  if ! cmp -s e2e/package-lock.json e2e/node_modules/.installed-lock.json; then
    log "installing the end-to-end test packages from npm into e2e/"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix e2e --no-audit --no-fund --loglevel=error
    cp e2e/package-lock.json e2e/node_modules/.installed-lock.json
  fi
  if ! has_version trunk "$TRUNK_VERSION"; then
    log "installing trunk $TRUNK_VERSION (~10 min)"
    cargo install -q trunk --version "$TRUNK_VERSION" --locked --force
  fi
fi
log "tools ready ($what)"

#!/usr/bin/env bash
# The demo: installs what is missing, builds, starts the reference server (sandbox mode
# unless IMMAIL_API_KEY is set) and `trunk serve`, prints the URL, and stops both on
# Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
# shellcheck source=scripts/env.sh
. scripts/env.sh

echo "[demo] building the server…"
cargo build -q -p immail-meet-server
pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "[demo] stopped"
}
trap cleanup EXIT INT TERM

target/debug/immail-meet-server &
pids+=($!)
for _ in $(seq 50); do
  curl -fsS http://127.0.0.1:8787/api/meet/config >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS http://127.0.0.1:8787/api/meet/config >/dev/null || { echo "[demo] the server did not start"; exit 1; }

echo "[demo] building the app (first time: about 2 minutes)…"
trunk serve --offline &
pids+=($!)
for _ in $(seq 600); do
  curl -fsS http://127.0.0.1:8080/ >/dev/null 2>&1 && break
  sleep 0.5
done
echo
echo "    immail-meet demo: open http://127.0.0.1:8080/   (Ctrl-C stops it)"
echo
wait

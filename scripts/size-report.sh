#!/usr/bin/env bash
# Size budget report (a benchmark, not a test).
#
# Builds bench/size-app — a release app that only mounts
# <MeetEmbed endpoint="/api/meet/rooms/abc/grant" /> — with trunk, wasm-opt -Oz and
# the release profile of the workspace, then prints the wasm and JS sizes, raw and
# gzip (-9), against the budget: wasm + JS <= 45 KB gzip.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build >&2
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

budget=$((45 * 1024))
(cd bench/size-app && trunk build --release --offline >/dev/null 2>&1) || {
  echo "trunk build failed; rerun: (cd bench/size-app && trunk build --release)" >&2
  exit 1
}
wasm=$(ls bench/size-app/dist/*_bg.wasm)
js=$(ls bench/size-app/dist/*.js)
gz() { gzip -9 -c "$1" | wc -c; }
raw() { wc -c <"$1"; }
printf '%-6s %10s %10s\n' part raw gzip
printf '%-6s %10d %10d\n' wasm "$(raw "$wasm")" "$(gz "$wasm")"
printf '%-6s %10d %10d\n' js "$(raw "$js")" "$(gz "$js")"
total=$(( $(gz "$wasm") + $(gz "$js") ))
printf '%-6s %10d %10d  (%.1f KB gzip; budget 45 KB)\n' total $(( $(raw "$wasm") + $(raw "$js") )) "$total" "$(echo "$total / 1024" | bc -l)"
if [ "$total" -le "$budget" ]; then echo "within budget"; else echo "OVER BUDGET by $((total - budget)) bytes"; fi

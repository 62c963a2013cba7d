#!/usr/bin/env bash
# Size report (a benchmark, never a test): what a browser downloads, against the
# budgets.
#
# Builds with trunk, in the release profile of the workspace (opt-level "z", LTO,
# panic=abort) and wasm-opt -Oz, and prints raw and gzip -9 sizes:
#   the demo page   examples/demo, with its History view (wasm + JS + CSS);
#                   budget 140 KB gzip
#   bench/size-app  a release app that only mounts
#                   <MeetEmbed endpoint="/api/meet/rooms/abc/grant" /> (wasm + JS);
#                   budget 80 KB gzip
# and the reference points:
#   bench/bare-app  a bare Leptos page with one signal and one iframe (the floor)
#   bench/naive-app the embed as a developer would first write it: LocalResource +
#                   gloo-net + serde_json, no checks
#   bench/core-app  the pure core alone (immail-meet-core: grant contract, checks, the
#                   src, error texts; no Leptos), against its floor (floor.html: the
#                   same export with nothing behind it)
# JS counts the glue and the snippet files it imports (each is its own request).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build >&2
# shellcheck source=scripts/env.sh
. scripts/env.sh

gz() { gzip -9 -c "$1" | wc -c; }
raw() { wc -c <"$1"; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }

# build APP-DIR HTML DIST: a release build of HTML (in APP-DIR) into DIST, from scratch.
build() {
  rm -rf "$1/$3"
  (cd "$1" && trunk build --release --offline --dist "$3" "$2" >/dev/null 2>&1) || {
    echo "trunk build failed; rerun: (cd $1 && trunk build --release $2)" >&2
    exit 1
  }
}

# files DIST: the wasm, the JS glue and the snippets the glue imports, the CSS.
files() {
  local glue
  ls "$1"/*_bg.wasm
  glue=$(ls "$1"/*.js | grep -v _bg)
  echo "$glue"
  grep -o "snippets/[^'\"]*\.js" "$glue" | sort -u | sed "s|^|$1/|"
  ls "$1"/*.css 2>/dev/null || true
}

# report APP-DIR LABEL [BUDGET-KB] [HTML] [DIST]: builds and prints each file and the total.
report() {
  local html=${4:-index.html} dist=${5:-dist} f
  build "$1" "$html" "$dist"
  total=0
  echo "$2"
  for f in $(files "$1/$dist"); do
    printf '  %-48s %9d %9d\n' "$(basename "$f")" "$(raw "$f")" "$(gz "$f")"
    total=$((total + $(gz "$f")))
  done
  if [ -n "${3:-}" ]; then
    local budget=$(($3 * 1024)) verdict
    if [ "$total" -le "$budget" ]; then
      verdict="within the $3 KB budget, $((budget - total)) bytes to spare"
    else
      verdict="OVER the $3 KB budget by $((total - budget)) bytes"
    fi
    printf '  %-48s %9s %9d  (%s KB gzip: %s)\n' total "" "$total" "$(kb "$total")" "$verdict"
  else
    printf '  %-48s %9s %9d  (%s KB gzip)\n' total "" "$total" "$(kb "$total")"
  fi
  echo
}

printf '  %-48s %9s %9s\n' file raw gzip
report . "the demo page with History (examples/demo: wasm + JS + CSS)" 140
report bench/size-app "<MeetEmbed endpoint=...> alone (bench/size-app: wasm + JS)" 80
report bench/bare-app "reference: a bare Leptos page, one signal + one iframe (the floor)"
report bench/naive-app "reference: the naive embed (LocalResource + gloo-net + serde_json, no checks)"
report bench/core-app "reference: the pure core alone (no Leptos view)"
core=$total
report bench/core-app "  its floor: the same export with no core behind it" "" floor.html dist-floor
echo "=> the pure core costs $((core - total)) bytes gzip ($(kb $((core - total))) KB) on its own"

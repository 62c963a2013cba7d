#!/usr/bin/env bash
# Size budget report (a benchmark, not a test).
#
# Builds, with trunk, the release profile of the workspace (opt-level "z", LTO,
# panic=abort) and wasm-opt -Oz:
#   bench/size-app  a release app that only mounts
#                   <MeetEmbed endpoint="/api/meet/rooms/abc/grant" />
#   bench/bare-app  a bare Leptos page with one signal and one iframe (reference point)
#   bench/naive-app the naive embed: LocalResource + gloo-net + serde_json, no checks
#                   (reference point)
#   bench/core-app  the embed's pure core alone, no Leptos view (grant contract, checks,
#                   iframe src, error texts), and its floor (floor.html: the same export
#                   with nothing behind it): what the checks cost, apart from Leptos
# and prints the wasm and JS sizes (JS: the glue plus wasm-bindgen snippets), raw and
# gzip -9, against the budget:
# size-app wasm + JS <= 45 KB gzip. It also prints the demo page's transfer size
# (wasm + JS + CSS, target 110 KB gzip).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build >&2
# shellcheck source=scripts/env.sh
. scripts/env.sh

budget=$((45 * 1024))
gz() { gzip -9 -c "$1" | wc -c; }
raw() { wc -c <"$1"; }

report() { # report APP-DIR LABEL [HTML DIST]: builds HTML (index.html) into DIST (dist)
  local html=${3:-index.html} dist=${4:-dist}
  (cd "$1" && trunk build --release --offline --dist "$dist" "$html" >/dev/null 2>&1) || {
    echo "trunk build failed; rerun: (cd $1 && trunk build --release $html)" >&2
    exit 1
  }
  local wasm js_raw=0 js_gz=0 f
  wasm=$(ls "$1/$dist"/*_bg.wasm)
  # The glue and every snippet file it imports: each is its own request, gzipped alone.
  for f in $(find "$1/$dist" -name '*.js'); do
    js_raw=$((js_raw + $(raw "$f")))
    js_gz=$((js_gz + $(gz "$f")))
  done
  total=$(($(gz "$wasm") + js_gz))
  echo "$2"
  printf '  %-6s %10s %10s\n' part raw gzip
  printf '  %-6s %10d %10d\n' wasm "$(raw "$wasm")" "$(gz "$wasm")"
  printf '  %-6s %10d %10d\n' js "$js_raw" "$js_gz"
  printf '  %-6s %10d %10d  (%s KB gzip)\n' total $(($(raw "$wasm") + js_raw)) "$total" \
    "$(awk -v t="$total" 'BEGIN { printf "%.1f", t / 1024 }')"
}

# The demo page (index.html): wasm + JS + CSS, against its own 110 KB gzip target.
(trunk build --release --offline >/dev/null 2>&1) || { echo "trunk build of the demo failed" >&2; exit 1; }
demo=0
echo "demo page (trunk build --release): wasm + js + css"
for f in dist/*_bg.wasm $(find dist -name '*.js') dist/*.css; do
  printf '  %-40s %8d %8d\n' "$(basename "$f")" "$(raw "$f")" "$(gz "$f")"
  demo=$((demo + $(gz "$f")))
done
printf '  %-40s %8s %8d  (%s KB gzip; target 110 KB)\n' total "" "$demo" "$(awk -v t="$demo" 'BEGIN { printf "%.1f", t / 1024 }')"
echo

report bench/bare-app "reference: bare Leptos page, one signal + one iframe"
report bench/naive-app "reference: naive embed (LocalResource + gloo-net + serde_json, no checks)"
report bench/core-app "the pure core alone (no Leptos view): grant contract, checks, src, error texts"
core=$total
report bench/core-app "  its floor: the same export with no core behind it" floor.html dist-floor
echo "  => the pure core costs $((core - total)) bytes gzip ($(awk -v t=$((core - total)) 'BEGIN { printf "%.1f", t / 1024 }') KB) on its own"
echo
report bench/size-app "<MeetEmbed endpoint=...> alone"
if [ "$total" -le "$budget" ]; then
  echo "within the 45 KB budget ($((budget - total)) bytes to spare)"
else
  echo "OVER the 45 KB budget by $((total - budget)) bytes"
fi

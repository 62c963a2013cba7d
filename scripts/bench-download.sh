#!/usr/bin/env bash
# Recording download benchmark (a benchmark, not a test): the reference server
# (release build, sandbox mode) on loopback; curl downloads the sandbox's 200 MiB
# recording, first alone (RUNS times), then PARALLEL at once. Prints the loopback
# throughput and the server process's memory from /proc: resident set before the
# downloads and its peak (VmHWM) after them, which is what streaming keeps small.
#
#   scripts/bench-download.sh
#   RUNS=5 PARALLEL=8 scripts/bench-download.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh

runs=${RUNS:-3}
parallel=${PARALLEL:-4}
port=${PORT:-19887}
sandbox_port=${SANDBOX_PORT:-19888}
api="http://127.0.0.1:$port/api/meet"
need_commands curl jq

# The server-release profile (Cargo.toml): built for speed, not for the size that the
# release profile's wasm settings (LTO, opt-level z, one codegen unit) aim at.
echo "[bench] building immail-meet-server (release)" >&2
cargo build --profile server-release -q -p immail-meet-server >&2

work=$(mktemp -d)
IMMAIL_MEET_LISTEN="127.0.0.1:$port" IMMAIL_MEET_SANDBOX_LISTEN="127.0.0.1:$sandbox_port" \
  IMMAIL_MEET_MODE=sandbox IMMAIL_MEET_DATABASE_URL="sqlite://$work/meet.db" RUST_LOG=warn \
  target/server-release/immail-meet-server >"$work/server.log" 2>&1 &
server=$!
trap 'kill -INT $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  curl -fsS -o /dev/null "$api/config" 2>/dev/null && break
  sleep 0.1
done

kib() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$server/status"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }

jar="$work/cookies"
room=$(curl -fsS -c "$jar" -H 'content-type: application/json' -d '{"topic":"Bench"}' "$api/rooms" | jq -r .name)
file=$(curl -fsS -b "$jar" "$api/rooms/$room/sessions?per_page=100" |
  jq -r '[.data[].recording_files[] | select(.size == 209715200)][0]._id')
[ -n "$file" ] && [ "$file" != null ] || { echo "[bench] no 200 MiB recording listed" >&2; exit 1; }
url="$api/recordings/$file"

rss_before=$(kib VmRSS)
hwm_before=$(kib VmHWM)
echo "200 MiB sandbox recording over loopback (release server, curl -o /dev/null)"
total=0
for i in $(seq "$runs"); do
  read -r bytes secs <<<"$(curl -fsS -b "$jar" -o /dev/null -w '%{size_download} %{time_total}' "$url")"
  [ "$bytes" -eq 209715200 ] || { echo "[bench] got $bytes bytes" >&2; exit 1; }
  rate=$(awk -v b="$bytes" -v s="$secs" 'BEGIN { printf "%.0f", b / s / 1048576 }')
  printf '  run %d: %s bytes in %.2f s = %s MiB/s\n' "$i" "$bytes" "$secs" "$rate"
  total=$((total + rate))
done
echo "  mean: $((total / runs)) MiB/s"

started=$(date +%s.%N)
for i in $(seq "$parallel"); do
  curl -fsS -b "$jar" -o /dev/null -w '%{size_download}\n' "$url" >"$work/parallel.$i" &
done
wait $(jobs -p | grep -v "^$server$") 2>/dev/null || true
elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
for i in $(seq "$parallel"); do
  [ "$(cat "$work/parallel.$i")" -eq 209715200 ] || { echo "[bench] a parallel download was short" >&2; exit 1; }
done
awk -v n="$parallel" -v s="$elapsed" \
  'BEGIN { printf "  %d at once: %d MiB in %.2f s = %.0f MiB/s in all\n", n, n * 200, s, n * 200 / s }'

echo "server memory (/proc/$server/status)"
echo "  resident before the downloads: $(mib "$rss_before") (peak so far $(mib "$hwm_before"))"
echo "  resident after:                $(mib "$(kib VmRSS)")"
echo "  peak resident (VmHWM):         $(mib "$(kib VmHWM)")  <- for $((runs + parallel)) downloads of 200 MiB"

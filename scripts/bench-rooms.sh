#!/usr/bin/env bash
# Memory benchmark (a benchmark, not a test): a release build of the server in sandbox
# mode on its default store (a SQLite file), 100,000 room creations spread over enough
# visitors to stay within the per-caller limit (default 30 an hour: 5,000 visitors x
# 20 rooms), and the server's resident memory from /proc before and after, with its
# peak (VmHWM). Rooms live in the store and the sandbox makes a room's history when it
# is asked for, so memory should not grow with rooms: the target is under 64 MiB.
#
#   scripts/bench-rooms.sh
#   ROOMS=20000 IDENTITIES=1000 CONCURRENCY=32 scripts/bench-rooms.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh

rooms=${ROOMS:-100000}
identities=${IDENTITIES:-5000}
concurrency=${CONCURRENCY:-64}

echo "[bench] building immail-meet-server and its load client (release)" >&2
cargo build --profile server-release -q -p immail-meet-server --bin immail-meet-server --example create_rooms >&2

work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill -INT "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

IMMAIL_MEET_LISTEN=127.0.0.1:0 IMMAIL_MEET_SANDBOX_LISTEN=127.0.0.1:0 IMMAIL_MEET_MODE=sandbox \
  IMMAIL_MEET_DATABASE_URL="sqlite://$work/meet.db" RUST_LOG=warn,immail_meet_server::server=info \
  target/server-release/immail-meet-server >"$work/server.log" 2>&1 &
pid=$!
url=
for _ in $(seq 100); do
  url=$(sed -n 's|.*API on \(http://[0-9.:]*\)/.*|\1|p' "$work/server.log" | head -n 1)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/server.log" >&2; exit 1; }

kib() { sed -n "s/^$1:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$pid/status"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
before=$(kib VmRSS)
result=$(target/server-release/examples/create_rooms "$url" "$rooms" "$identities" "$concurrency")
sleep 1
after=$(kib VmRSS)
peak=$(kib VmHWM)
read -r _ created failed seconds per_second <<<"$(grep '^RESULT' <<<"$result" | tr '=' ' ' | awk '{ print $1, $3, $5, $7, $9 }')"
stored=$(du -k "$work"/meet.db* | awk '{ printf "%s%s %.1f MiB", sep, $2, $1 / 1024; sep = ", " }' | sed "s|$work/||g")

echo
echo "room creations: $created created, $failed failed, in ${seconds} s (${per_second}/s), over $identities visitors, $concurrency at once; $(nproc) cores"
printf '%-44s %s\n' "server resident memory before" "$(mib "$before")"
printf '%-44s %s\n' "server resident memory after $created rooms" "$(mib "$after")"
printf '%-44s %s\n' "server peak resident memory (VmHWM)" "$(mib "$peak")"
printf '%-44s %s\n' "the store on disk (SQLite file and WAL)" "$stored"
[ "$failed" -eq 0 ] && [ "$created" -ge "$rooms" ] && [ "$peak" -lt $((64 * 1024)) ]

#!/usr/bin/env bash
# Upstream benchmark (a benchmark, not a test): the reference server in imMail mode
# against the fake imMail API (server/fake-immail) with a fixed latency per call, driven
# by wrk with N concurrent connections asking for grants. Three servers run side by side
# against the same fake, one after the other under load:
#   cached, SQLite      this server's flow (one service token, cached until near
#                       expiry), rooms in a SQLite file (the default store)
#   cached, PostgreSQL  the same, rooms in PostgreSQL (a throwaway cluster,
#                       scripts/postgres.sh), as several instances would run
#   naive               a fresh /auth/token call before every API call (the vendor's
#                       example; IMMAIL_NAIVE_SERVICE_TOKENS=true, a switch that exists
#                       for this comparison), SQLite store
# Each grant reads its room from the store and counts against the caller's grant limit
# (set very high: one cookie sends every request).
# It prints requests/s, p50/p99 latency (wrk) and imMail calls per grant for each
# (the fake's counts: every grant is one /v2/videoconference/token call, so calls per
# grant = (/auth/token + token calls) / token calls).
#
#   scripts/bench-upstream.sh
#   CONNECTIONS=100 DURATION=20 LATENCY_MS=50 scripts/bench-upstream.sh
#
# Installs wrk (and postgresql) from Debian if missing. Everything listens on 127.0.0.1
# only, on ports the OS picks (PostgreSQL: one of 21000-21999).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh

connections=${CONNECTIONS:-50}
duration=${DURATION:-10}
latency_ms=${LATENCY_MS:-20}
threads=${THREADS:-2}
api_key="bench-key-$RANDOM$RANDOM"
domain=example.com

need_commands wrk curl


# The server-release profile (Cargo.toml): built for speed, not for the size that the
# release profile's wasm settings (LTO, opt-level z, one codegen unit) aim at.
echo "[bench] building immail-meet-server and immail-fake (release)" >&2
cargo build --profile server-release -q -p immail-meet-server -p immail-fake >&2

# shellcheck source=scripts/postgres.sh
. scripts/postgres.sh
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pg_stop
  rm -rf "$work"
}
trap cleanup EXIT
pg_start

# listening_on LOG PATTERN: the http://host:port a process logged (waits up to 10 s).
listening_on() {
  local url
  for _ in $(seq 100); do
    url=$(sed -n "s|.*$2\(http://[0-9.:]*\).*|\1|p" "$1" | head -n 1)
    [ -n "$url" ] && { echo "$url"; return 0; }
    sleep 0.1
  done
  echo "[bench] nothing listening, see $1:" >&2
  cat "$1" >&2
  exit 1
}

wait_for() { # wait_for URL
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "[bench] nothing answers at $1" >&2
  exit 1
}

FAKE_IMMAIL_API_KEY=$api_key target/server-release/immail-fake \
  --listen 127.0.0.1:0 --latency-ms "$latency_ms" --email-domain "$domain" \
  >"$work/fake.log" 2>&1 &
pids+=($!)
fake=$(listening_on "$work/fake.log" "fake imMail API on ")
wait_for "$fake/_fake/stats"

start_server() { # start_server NAME NAIVE DATABASE_URL -> sets the variable NAME to its URL
  IMMAIL_MEET_LISTEN=127.0.0.1:0 IMMAIL_MEET_MODE=immail IMMAIL_MEET_DATABASE_URL="$3" \
    IMMAIL_API_URL="$fake" IMMAIL_API_KEY="$api_key" IMMAIL_EMAIL_DOMAIN=$domain \
    IMMAIL_NAIVE_SERVICE_TOKENS="$2" IMMAIL_MEET_GRANTS_PER_MINUTE=1000000000 RUST_LOG=warn,immail_meet_server::server=info \
    target/server-release/immail-meet-server >"$work/server-$1.log" 2>&1 &
  pids+=($!)
  printf -v "$1" '%s' "$(listening_on "$work/server-$1.log" "API on ")"
  wait_for "${!1}/api/meet/config"
}
start_server cached_sqlite false "sqlite://$work/cached.db"
start_server cached_postgres false "$PG_URL"
start_server naive true "sqlite://$work/naive.db"

# wrk: POST with the room creator's session cookie; done() prints exact figures.
cat >"$work/grant.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
wrk.body = "{}"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end
LUA

stat() { # stat KEY -> the fake's call count
  curl -fsS "$fake/_fake/stats" |
    sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"
}

run() { # run LABEL URL -> one table row
  local base="$2/api/meet" jar="$work/cookies-${2##*:}"
  local room
  room=$(curl -fsS -c "$jar" -H 'Content-Type: application/json' \
    -d '{"topic":"Benchmark"}' "$base/rooms" | sed -n 's/.*"name":"\([^"]*\)".*/\1/p')
  local cookie
  cookie=$(awk '$6 == "immail_meet_visitor" { print $6 "=" $7 }' "$jar")
  # A short warm-up (connections, service token), then the measured run.
  BENCH_COOKIE=$cookie wrk -t"$threads" -c"$connections" -d2s -s "$work/grant.lua" \
    "$base/rooms/$room/grant" >/dev/null
  local auth0 token0
  auth0=$(stat auth_token)
  token0=$(stat token)
  local out
  out=$(BENCH_COOKIE=$cookie wrk -t"$threads" -c"$connections" -d"${duration}s" \
    -s "$work/grant.lua" "$base/rooms/$room/grant")
  sleep 0.5 # let the grants wrk left in flight finish upstream
  local auth=$(($(stat auth_token) - auth0)) token=$(($(stat token) - token0))
  read -r _ requests micros p50 p99 status_errors other_errors \
    <<<"$(grep '^RESULT' <<<"$out")"
  awk -v label="$1" -v n="$requests" -v us="$micros" -v p50="$p50" -v p99="$p99" \
    -v auth="$auth" -v token="$token" -v bad="$((status_errors + other_errors))" 'BEGIN {
      printf "%-34s %9.0f %8.1f %8.1f %14.3f %12.3f %8d\n", label, n / (us / 1e6),
        p50 / 1000, p99 / 1000, (auth + token) / token, auth / token, bad }' | tee -a "$work/rows"
}

echo
echo "grants: wrk, $connections connections, ${duration} s per flow, $threads threads;" \
  "fake imMail: $latency_ms ms per call; $(nproc) cores"
printf '%-34s %9s %8s %8s %14s %12s %8s\n' flow "req/s" "p50 ms" "p99 ms" \
  "imMail calls" "auth calls" errors
printf '%-34s %9s %8s %8s %14s %12s %8s\n' "" "" "" "" "per grant" "per grant" ""
run "cached token, SQLite store" "$cached_sqlite"
run "cached token, PostgreSQL store" "$cached_postgres"
run "naive: a token per call (vendor)" "$naive"
# Each store's grants per second over the naive flow's.
awk -F'  +' '{ rps[NR] = $2 } END {
  printf "cached over naive: SQLite %.2fx, PostgreSQL %.2fx\n", rps[1] / rps[3], rps[2] / rps[3] }' "$work/rows"
violations=$(stat violations)
echo "requests the fake imMail would refuse: $violations"
[ "$violations" -eq 0 ]

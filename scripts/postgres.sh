# Sourced by scripts/test.sh and scripts/bench-upstream.sh: a throwaway PostgreSQL
# cluster in a temporary folder on a loopback port, for the store tests and the
# benchmark (issue 12). Needs scripts/env.sh.
#
#   pg_start   installs Debian's postgresql when missing, starts a cluster, sets PG_URL
#              (superuser, database postgres) and PG_DIR
#   pg_stop    stops it and removes its folder (safe to call twice; call it from a trap)

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

# pg_as CMD...: runs a PostgreSQL command, as the postgres user when root (the server
# refuses to run as root).
pg_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  if [ -z "$(pg_bindir)" ]; then
    echo "[postgres] installing postgresql from Debian" >&2
    apt_install postgresql
  fi
  local bin port tries=0
  bin=$(pg_bindir)
  PG_DIR=$(mktemp -d)
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  pg_as "$bin/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --no-sync >"$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # A free port of 21000-21999 (a port in use fails the start: try another).
  while :; do
    port=$((21000 + RANDOM % 1000))
    if pg_as "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
      -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null 2>&1; then
      break
    fi
    tries=$((tries + 1))
    if [ "$tries" -ge 10 ]; then cat "$PG_DIR/log" >&2; return 1; fi
  done
  PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
  export PG_URL PG_DIR
  echo "[postgres] throwaway cluster at $PG_URL" >&2
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  pg_as "$(pg_bindir)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=
}

#!/usr/bin/env bash
# A throw-away PostgreSQL for the Postgres checkpoint tests.
#
#   scripts/postgres-for-tests.sh [--no-install]   start one; the LAST line of stdout is its URL
#   scripts/postgres-for-tests.sh stop [DIR]        stop it (DIR: the cluster folder; default: the last one started)
#
# Starts a fresh cluster in a temp folder, listening on 127.0.0.1 only, on a free port, as an
# unprivileged user (the Debian "postgres" user when run as root), with a random password, and
# creates the database "switchyard_test". Installs Debian's postgresql first when it is missing
# and we are root (unless --no-install). Progress goes to stderr; exit 1 with the reason when no
# PostgreSQL can be started. Usage in CI:
#   export SWITCHYARD_TEST_POSTGRES_URL="$(scripts/postgres-for-tests.sh | tail -n 1)"
set -euo pipefail

STATE_FILE="${TMPDIR:-/tmp}/switchyard-test-postgres.dir"
say() { echo "postgres-for-tests: $*" >&2; }
die() { say "$*"; exit 1; }

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  return 1
}

# Runs a command as the cluster's owner: ourselves, or the "postgres" user when we are root
# (PostgreSQL refuses to run as root).
as_owner() {
  if [ "$(id -u)" -ne 0 ]; then "$@"; return; fi
  if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
}

if [ "${1:-}" = "stop" ]; then
  dir="${2:-$(cat "$STATE_FILE" 2>/dev/null || true)}"
  [ -n "$dir" ] && [ -d "$dir/data" ] || die "no cluster to stop"
  bin=$(pg_bin) || die "no PostgreSQL binaries found"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
  say "stopped and removed $dir"
  exit 0
fi

if ! bin=$(pg_bin); then
  [ "${1:-}" = "--no-install" ] && die "PostgreSQL is not installed (install Debian's postgresql, or run this script as root without --no-install)"
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)"
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and there is no apt-get to install it"
  say "installing Debian's postgresql"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2 || die "apt-get install postgresql failed"
  bin=$(pg_bin) || die "postgresql installed but initdb not found"
fi
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  die "running as root but there is no unprivileged \"postgres\" user to own the cluster"
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/switchyard-pg.XXXXXX")
chmod 755 "$dir"
password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$password" > "$dir/pwfile"
[ "$(id -u)" -eq 0 ] && chown -R postgres "$dir"

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
say "initdb in $dir (PostgreSQL $("$bin/postgres" --version | awk '{print $3}'))"
as_owner "$bin/initdb" -D "$dir/data" -U switchyard --pwfile="$dir/pwfile" -A scram-sha-256 --no-sync -E UTF8 --locale=C >/dev/null 2>"$dir/initdb.log" \
  || die "initdb failed: $(tail -n 5 "$dir/initdb.log")"
rm -f "$dir/pwfile"
# Loopback TCP only; the socket lives in the cluster folder (no /var/run/postgresql needed).
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >&2 \
  || die "the server did not start: $(tail -n 5 "$dir/server.log" 2>/dev/null)"
as_owner env PGPASSWORD="$password" "$bin/psql" -h 127.0.0.1 -p "$port" -U switchyard -d postgres -qAt -c "CREATE DATABASE switchyard_test" >&2 \
  || die "could not create the test database"
echo "$dir" > "$STATE_FILE"
say "PostgreSQL is up on 127.0.0.1:$port (stop it with: scripts/postgres-for-tests.sh stop $dir)"
echo "postgres://switchyard:$password@127.0.0.1:$port/switchyard_test"

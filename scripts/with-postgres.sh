#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server, so the store's tests also run on PostgreSQL.
# Where no PostgreSQL server binaries are installed, the command runs as it is (those tests skip).
# Usage: scripts/with-postgres.sh COMMAND...
set -u
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ -n "${DATELINE_TEST_POSTGRES_URL:-}" ]; then
  exec "$@"
fi
dir=$(mktemp -d /tmp/dateline-pg.XXXXXX)
port=$((55000 + RANDOM % 900))
as=()
if [ "$(id -u)" = 0 ]; then
  # the server refuses to run as root: run it as the packaged postgres user
  if ! id postgres >/dev/null 2>&1; then exec "$@"; fi
  chown postgres "$dir"
  as=(runuser -u postgres --)
fi
cleanup() { "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$dir"; }
trap cleanup EXIT
if "${as[@]}" "$bindir/initdb" -D "$dir/data" -A trust -U dateline >/dev/null 2>&1 \
   && "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -w -l "$dir/log" \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null 2>&1 \
   && "$bindir/createdb" -h 127.0.0.1 -p "$port" -U dateline dateline_test >/dev/null 2>&1; then
  export DATELINE_TEST_POSTGRES_URL="postgresql+psycopg://dateline@127.0.0.1:$port/dateline_test"
  echo "PostgreSQL test server on 127.0.0.1:$port"
else
  echo "could not start a PostgreSQL test server: its tests will skip"
fi
"$@"

#!/usr/bin/env bash
# A private PostgreSQL server for the tests, from Debian's postgresql package (scripts/setup.sh
# installs it): its own data folder, a Unix socket in that folder, a loopback port, no other
# server touched. The superuser is `kommunrapport`, trusted on the socket; TCP asks for a
# password (scram-sha-256), so the password paths (URL, PGPASSWORD, ~/.pgpass) are exercised.
#
#   scripts/postgres-test-server.sh start FOLDER PORT [OWNER_PID]
#       prints nothing; the socket is FOLDER/.s.PGSQL.PORT. With OWNER_PID (the test process),
#       a later start first stops any such server whose owner is gone (a test run that crashed
#       or was killed before its tear-down).
#   scripts/postgres-test-server.sh stop FOLDER         # stops it and deletes FOLDER
#
# PostgreSQL refuses to run as root, so as root the server runs as Debian's `postgres` user.
set -euo pipefail
command=${1:?start or stop}
folder=${2:?folder}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "postgres-test-server: no PostgreSQL server found under /usr/lib/postgresql; run scripts/setup.sh" >&2
  exit 1
fi
# The server outlives this script: it must not keep any descriptor beyond the standard three
# open, or a parent waiting for this script's descriptors to close (Foundation's Process on
# Linux) waits for the server to end.
for fd in /proc/$$/fd/*; do
  fd=${fd##*/}
  if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$command" in
  start)
    port=${3:?port}
    for stale in "$(dirname "$folder")"/krpg-*/owner.pid; do
      [ -f "$stale" ] || continue
      kill -0 "$(cat "$stale")" 2>/dev/null || "$0" stop "$(dirname "$stale")"
    done
    mkdir -p "$folder"
    # Only the owner reaches the socket: the superuser is trusted there without a password.
    chmod 700 "$folder"
    [ -z "${4:-}" ] || echo "$4" >"$folder/owner.pid"
    [ "$(id -u)" -ne 0 ] || chown postgres "$folder"
    as_owner "$bin/initdb" -D "$folder/data" -U kommunrapport --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C >"$folder/initdb.log" 2>&1 || { cat "$folder/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
      -o "-k $folder -p $port -c unix_socket_permissions=0700 -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" \
      start >/dev/null || { cat "$folder/server.log" >&2; exit 1; }
    ;;
  stop)
    [ -d "$folder/data" ] && as_owner "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$folder"
    ;;
  *)
    echo "postgres-test-server: start FOLDER PORT, or stop FOLDER" >&2
    exit 2
    ;;
esac

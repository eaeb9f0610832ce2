#!/bin/bash
# A throw-away PostgreSQL server for the tests of team projects.
#
#   pg-test-server.sh start [PID]   initdb into a new temporary folder and
#                                   start a server listening on a Unix socket
#                                   there only (no TCP); prints the folder,
#                                   which is the socket's host for libpq. With
#                                   PID, a watchdog stops the server and
#                                   removes the folder when PID ends, even
#                                   if it crashed or was killed.
#   pg-test-server.sh stop DIR      stop it and remove DIR
#   pg-test-server.sh pause DIR     stop it, keeping its data (a lost server)
#   pg-test-server.sh resume DIR    start it again
#
# The programs come from PLX_PG_BINDIR, else `pg_config --bindir`, else
# Debian's /usr/lib/postgresql/N/bin, else PATH. PostgreSQL will not run as
# root: as root the server runs as the user "postgres" (or "nobody"), which
# owns the folder. The superuser is "plx", trusted on the socket.
set -euo pipefail

die() { echo "pg-test-server: $*" >&2; exit 1; }

find_bindir() {
  local dir
  for dir in "${PLX_PG_BINDIR:-}" "$(pg_config --bindir 2>/dev/null || true)" \
             $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return
    fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  die "no PostgreSQL server programs (initdb, pg_ctl) found in PLX_PG_BINDIR, pg_config --bindir, " \
      "/usr/lib/postgresql/*/bin or PATH; install the Debian package postgresql (build-aux/install-deps.sh does)"
}

# As root, the commands run as the server's own user.
as_server=()
server_user=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  if id postgres >/dev/null 2>&1; then server_user=postgres; else server_user=nobody; fi
  command -v runuser >/dev/null 2>&1 || die "running as root needs runuser (util-linux) to start PostgreSQL as $server_user"
  as_server=(runuser -u "$server_user" --)
fi

server_start() {  # server_start DIR BINDIR
  local dir=$1 bin=$2
  if ! "${as_server[@]}" "$bin/pg_ctl" start -w -t 60 -D "$dir/data" -l "$dir/server.log" \
       -o "-k $dir -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
       >"$dir/pg_ctl.out" 2>&1; then
    cat "$dir/pg_ctl.out" "$dir/server.log" >&2 2>/dev/null || true
    die "the server in $dir did not start (its log is above)"
  fi
}

server_stop() {  # server_stop DIR BINDIR MODE
  local dir=$1 bin=$2 mode=$3
  [ -f "$dir/data/postmaster.pid" ] || return 0
  "${as_server[@]}" "$bin/pg_ctl" stop -w -t 60 -m "$mode" -D "$dir/data" >/dev/null 2>&1 || true
}

check_dir() {
  [ -n "${1:-}" ] && [ -d "$1/data" ] && [ -f "$1/plx-test-server" ] || die "${1:-(none)} is not a test server's folder"
}

command=${1:-}
case "$command" in
  start)
    watch=${2:-}
    bin=$(find_bindir)
    dir=$(mktemp -d /tmp/plx-pg-XXXXXX)
    touch "$dir/plx-test-server"
    [ "$(id -u)" -eq 0 ] && chown "$server_user" "$dir"
    chmod 0700 "$dir"
    if ! "${as_server[@]}" "$bin/initdb" -D "$dir/data" -U plx --auth=trust -E UTF8 --locale=C.UTF-8 \
         --no-sync >"$dir/initdb.out" 2>&1; then
      cat "$dir/initdb.out" >&2
      rm -rf "$dir"
      die "initdb failed in $dir (its output is above)"
    fi
    # One role that must give its password, for the test of a wrong one;
    # everyone else is trusted on the socket.
    sed -i '1i local all plx_password_test scram-sha-256' "$dir/data/pg_hba.conf"
    server_start "$dir" "$bin"
    if [ -n "$watch" ]; then
      # Detached, with no inherited pipes, so that the caller's reading of
      # this script's output ends with the script.
      setsid bash -c '
        while kill -0 "$1" 2>/dev/null; do sleep 0.5; done
        "$0" stop "$2"' "$(readlink -f "$0")" "$watch" "$dir" </dev/null >/dev/null 2>&1 &
    fi
    echo "$dir"
    ;;
  stop)
    check_dir "${2:-}"
    server_stop "$2" "$(find_bindir)" immediate
    rm -rf "$2"
    ;;
  pause)
    check_dir "${2:-}"
    server_stop "$2" "$(find_bindir)" fast
    ;;
  resume)
    check_dir "${2:-}"
    server_start "$2" "$(find_bindir)"
    ;;
  *)
    sed -n '2,/^set -e/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac

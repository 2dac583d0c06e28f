#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, in a folder of its own, on 127.0.0.1 only.
#
#   scripts/pg-throwaway.sh start DIR    initdb (first time) + start; creates database pulau_test; prints the DATABASE_URL
#   scripts/pg-throwaway.sh url DIR      prints the DATABASE_URL
#   scripts/pg-throwaway.sh status DIR   exit 0 if the cluster in DIR runs
#   scripts/pg-throwaway.sh stop DIR     stops it (the data stays; rm -rf DIR to throw it away)
#
# Environment: PG_PORT (default 55432), PG_DB (default pulau_test).
# Only messages go to stderr; stdout of start/url is the URL alone, so `export DATABASE_URL=$(... start DIR)` works.
# As root the cluster runs as user postgres (initdb refuses root) and DIR is chowned to it; as any other user it
# runs as that user. Trust authentication: never point this at a folder or port that matters.
set -euo pipefail

usage() {
  echo "usage: $0 start|stop|url|status DIR" >&2
  exit 2
}
[[ $# -eq 2 ]] || usage
cmd=$1
dir=$2
port=${PG_PORT:-55432}
db=${PG_DB:-pulau_test}

say() { echo "pg-throwaway: $*" >&2; }

# The newest server under /usr/lib/postgresql (Debian's layout); PG_BIN overrides.
find_bin() {
  if [[ -n ${PG_BIN:-} ]]; then
    echo "$PG_BIN"
    return
  fi
  local best='' v
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x $d/initdb && -x $d/pg_ctl ]] || continue
    v=$(basename "$(dirname "$d")")
    if [[ -z $best ]] || ((v > $(basename "$(dirname "$best")"))); then best=$d; fi
  done
  if [[ -z $best ]]; then
    say "no PostgreSQL server found under /usr/lib/postgresql/*/bin (apt-get install postgresql-15)"
    exit 1
  fi
  echo "$best"
}

# Run a command as the cluster's owner: postgres when we are root, else ourselves.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    local q
    q=$(printf '%q ' "$@")
    su postgres -s /bin/bash -c "$q"
  else
    "$@"
  fi
}

running() {
  [[ -f $dir/PG_VERSION ]] && as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1
}

# The port of the running cluster (line 4 of postmaster.pid), else the configured one.
url() {
  local p=$port
  if [[ -f $dir/postmaster.pid ]]; then
    p=$(sed -n 4p "$dir/postmaster.pid")
  fi
  echo "postgres://postgres@127.0.0.1:${p}/${db}"
}

bin=$(find_bin)

case $cmd in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [[ $(id -u) -eq 0 ]]; then
      chown postgres:postgres "$dir"
      if ! su postgres -s /bin/sh -c "test -x $(printf '%q' "$dir")"; then
        say "user postgres cannot reach $dir (a parent folder is closed to it); use a folder under /tmp"
        exit 1
      fi
    fi
    chmod 700 "$dir"
    if [[ ! -f $dir/PG_VERSION ]]; then
      say "initdb $dir ($bin)"
      as_owner "$bin/initdb" -D "$dir" --auth=trust -U postgres -E UTF8 --no-locale >"$dir.initdb.log" 2>&1 || {
        cat "$dir.initdb.log" >&2
        exit 1
      }
      rm -f "$dir.initdb.log"
    fi
    if running; then
      say "already running in $dir"
    else
      say "starting on 127.0.0.1:$port"
      if ! as_owner "$bin/pg_ctl" -D "$dir" \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on" \
        -l "$dir/log" start -w -t 60 >/dev/null; then
        say "start failed; the end of $dir/log:"
        tail -n 20 "$dir/log" >&2 || true
        exit 1
      fi
    fi
    p=$(sed -n 4p "$dir/postmaster.pid")
    exists=$("$bin/psql" -h 127.0.0.1 -p "$p" -U postgres -d postgres -XtAq \
      -c "select 1 from pg_database where datname = '$db'")
    if [[ $exists != 1 ]]; then
      "$bin/psql" -h 127.0.0.1 -p "$p" -U postgres -d postgres -Xq -v ON_ERROR_STOP=1 -c "create database \"$db\""
    fi
    url
    ;;
  stop)
    if running; then
      as_owner "$bin/pg_ctl" -D "$dir" stop -m fast -w >/dev/null
      say "stopped $dir"
    else
      say "not running in $dir"
    fi
    ;;
  url) url ;;
  status)
    if running; then
      say "running in $dir: $(url)"
    else
      say "not running in $dir"
      exit 3
    fi
    ;;
  *) usage ;;
esac

#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests: its own data directory, its own free port, 127.0.0.1 only.
#
#   scripts/postgres-cluster.sh start DIR   creates and starts a cluster in DIR (must not exist or be empty),
#                                           prints its URL (postgres://postgres@127.0.0.1:PORT/postgres)
#   scripts/postgres-cluster.sh url DIR     prints the URL of the cluster in DIR
#   scripts/postgres-cluster.sh stop DIR    stops the cluster and deletes DIR
#
# Run as root (CI), the server runs as the `postgres` system user, since PostgreSQL refuses to run as root.
# Authentication is `trust` on 127.0.0.1 and the unix socket (inside DIR): fine for a test cluster that nobody
# else can reach, never for a real one. fsync is off for the same reason: the cluster dies with the test run.
# The binaries come from PG_BIN, else the newest /usr/lib/postgresql/*/bin (Debian), else the PATH.
set -euo pipefail

die() {
  echo "postgres-cluster: $*" >&2
  exit 1
}

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    echo "$PG_BIN"
    return
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then
    echo "$dir"
    return
  fi
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  die "initdb introuvable : installez PostgreSQL (apt-get install postgresql) ou définissez PG_BIN."
}

# Runs a PostgreSQL binary as the cluster's owner.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

start() {
  local dir=$1
  local bin
  bin=$(find_bin)
  mkdir -p "$dir"
  [[ -z "$(ls -A "$dir")" ]] || die "$dir n’est pas vide."
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "l’utilisateur système postgres n’existe pas (apt-get install postgresql le crée)."
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  as_owner "$bin/initdb" --pgdata="$dir/data" --username=postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb a échoué."; }
  local port
  port=$(free_port)
  # The socket lives in the cluster's directory: no need for /var/run/postgresql.
  as_owner "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --timeout=60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$dir/server.log" >&2; die "le serveur n’a pas démarré."; }
  echo "$port" >"$dir/port"
  as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "create role relais login createdb" -c "create database relais owner relais" >/dev/null
  url "$dir"
}

url() {
  local dir=$1
  [[ -f "$dir/port" ]] || die "aucune grappe démarrée dans $dir."
  echo "postgres://postgres@127.0.0.1:$(cat "$dir/port")/postgres"
}

stop() {
  local dir=$1
  [[ -d "$dir" ]] || return 0
  local bin
  bin=$(find_bin)
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:?répertoire manquant}" ;;
  url) url "${2:?répertoire manquant}" ;;
  stop) stop "${2:?répertoire manquant}" ;;
  *)
    echo "Utilisation : $0 start|url|stop RÉPERTOIRE" >&2
    exit 2
    ;;
esac

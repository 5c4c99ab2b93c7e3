#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for one benchmark run: its own directory and port, started and stopped
# here and nowhere else, so a run never touches the machine's main cluster (port 5432) that CI tests use.
# Run as root, the server runs as the `postgres` OS user (PostgreSQL refuses to run as root).
#
# Usage: pg.sh init|start|stop|crash|status|destroy DIR PORT
#   init     initdb into DIR/data with the runbook's settings for a 4 GB machine, listening on 127.0.0.1:PORT
#   start    start it and wait until it accepts connections
#   stop     fast shutdown (sessions are disconnected, a checkpoint is written)
#   crash    immediate shutdown (like a power cut: recovery runs on the next start)
#   status   exit 0 when it is running
#   destroy  stop it if running and delete DIR
set -euo pipefail

BIN="${KILA_BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}"
cmd="${1:?usage: pg.sh init|start|stop|crash|status|destroy DIR PORT}"
dir="${2:?directory}"
port="${3:?port}"

if [ "$port" = 5432 ]; then
  echo "pg.sh: refusing port 5432, the machine's main cluster" >&2
  exit 2
fi
case "$dir" in
  /var/lib/postgresql*|/etc/postgresql*|/) echo "pg.sh: refusing $dir" >&2; exit 2 ;;
esac

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$cmd" in
  init)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    as_owner "$BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    # The runbook's settings (ops/RUNBOOK.md, 4 GB machine); durability exactly as in production.
    as_owner tee -a "$dir/data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 100
shared_buffers = 1GB
effective_cache_size = 2GB
work_mem = 16MB
maintenance_work_mem = 256MB
wal_compression = on
fsync = on
synchronous_commit = on
full_page_writes = on
# Not a runbook setting: for the harness, to line slow moments up with checkpoints and vacuums.
log_checkpoints = on
log_autovacuum_min_duration = 250ms
EOF
    ;;
  start)
    as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start >/dev/null
    ;;
  stop)
    as_owner "$BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
    ;;
  crash)
    as_owner "$BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 60 stop >/dev/null
    ;;
  status)
    as_owner "$BIN/pg_ctl" -D "$dir/data" status >/dev/null
    ;;
  destroy)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 60 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "pg.sh: unknown command $cmd" >&2
    exit 2
    ;;
esac

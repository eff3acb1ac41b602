#!/usr/bin/env bash
# Stops what deploy/cluster/start.sh started: the nodes first (SIGTERM: each leaves the cluster and
# hands its shards off), then the exchange simulator and PostgreSQL. The journal stays in
# $TRADER_CLUSTER_DIR/postgres; remove that folder to start from nothing.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
run="${TRADER_CLUSTER_DIR:-$root/data/cluster}"
stop() { # name
  local f="$run/$1.pid"
  [ -f "$f" ] || return 0
  local pid; pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then echo "stop.sh: $1 did not stop within 30 s: kill -9" >&2; kill -9 "$pid"; fi
    echo "stopped $1"
  fi
  rm -f "$f"
}
for f in "$run"/node-*.pid; do [ -f "$f" ] && stop "$(basename "$f" .pid)"; done
stop exchange-sim
stop postgres

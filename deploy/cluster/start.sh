#!/usr/bin/env bash
# Starts a cluster of N trading nodes (default 3) on 127.0.0.1 with PostgreSQL and the exchange
# simulator, each its own process, logs under one folder:
#   deploy/cluster/start.sh [N]          then open http://127.0.0.1:8080 (node 1's dashboard)
#   deploy/cluster/stop.sh               stops them (SIGTERM: shards hand off, the journal is kept)
# Everything lives in $TRADER_CLUSTER_DIR (default data/cluster): postgres/ (the journal, kept
# between runs), logs/ (postgres.log, exchange-sim.log, node-N.log, node-N/trader.json), *.pid, env (the generated
# keys, readable by this user only). Ports: HTTP 8080.., Pekko Management 8558.., Artery
# 25521.., PostgreSQL 55432, the simulator 19443; TRADER_HTTP_BASE etc. move them.
# The simulator replays the bundled candles at BARS_PER_SECOND (default 1) 1m bars per second.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
nodes="${1:-3}"
run="${TRADER_CLUSTER_DIR:-$root/data/cluster}"
http_base="${TRADER_HTTP_BASE:-8080}"
management_base="${TRADER_MANAGEMENT_BASE:-8558}"
remote_base="${TRADER_REMOTE_BASE:-25521}"
pg_port="${TRADER_PG_PORT:-55432}"
sim_port="${TRADER_SIM_PORT:-19443}"
mkdir -p "$run/logs"

for f in "$run"/*.pid; do
  if [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; then
    echo "start.sh: $(basename "$f" .pid) is still running (pid $(cat "$f")): deploy/cluster/stop.sh first" >&2
    exit 1
  fi
done

# Build once, before several processes would each try to.
bin/trader --version >/dev/null

if [ ! -f "$run/env" ]; then
  (umask 077 && {
    echo "BINANCE_API_KEY=cluster$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
    echo "BINANCE_API_SECRET=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
    echo "TRADER_API_KEY=trk_cluster_$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
  } > "$run/env")
fi
set -a; . "$run/env"; set +a

await_line() { # file pattern seconds pid
  local deadline=$(( $(date +%s) + $3 ))
  until grep -q "$2" "$1" 2>/dev/null; do
    if ! kill -0 "$4" 2>/dev/null; then echo "start.sh: $1 ended before '$2':" >&2; tail -20 "$1" >&2; exit 1; fi
    if [ "$(date +%s)" -gt "$deadline" ]; then echo "start.sh: no '$2' in $1 within $3 s" >&2; tail -20 "$1" >&2; exit 1; fi
    sleep 0.5
  done
}

bin/trader postgres --port "$pg_port" --data-dir "$run/postgres" > "$run/logs/postgres.log" 2>&1 &
echo $! > "$run/postgres.pid"
await_line "$run/logs/postgres.log" "postgres: serving" 120 "$(cat "$run/postgres.pid")"

bin/trader exchange-sim --port "$sim_port" --bars-per-second "${BARS_PER_SECOND:-1}" > "$run/logs/exchange-sim.log" 2>&1 &
echo $! > "$run/exchange-sim.pid"
await_line "$run/logs/exchange-sim.log" "exchange-sim: REST" 120 "$(cat "$run/exchange-sim.pid")"

{
  echo "include \"$root/conf/cluster.conf\""
  echo "pekko.discovery.config.services.trader.endpoints = ["
  for i in $(seq 1 "$nodes"); do echo "  { host = \"127.0.0.1\", port = $(( management_base + i - 1 )) }"; done
  echo "]"
} > "$run/cluster.conf"

for i in $(seq 1 "$nodes"); do
  TRADER_NODE_NAME="node-$i" TRADER_REMOTE_PORT=$(( remote_base + i - 1 )) TRADER_MANAGEMENT_PORT=$(( management_base + i - 1 )) \
  TRADER_REQUIRED_CONTACT_POINTS="$nodes" TRADER_DATA_DIR="$run/node-$i" TRADER_LOG_DIR="$run/logs/node-$i" \
  TRADER_PG_URL="jdbc:postgresql://127.0.0.1:$pg_port/trader" TRADER_PG_USER=postgres TRADER_PG_PASSWORD= \
  BINANCE_REST_URL="http://127.0.0.1:$sim_port" BINANCE_WS_URL="ws://127.0.0.1:$sim_port" \
  TRADER_JAVA_OPTS="${TRADER_JAVA_OPTS:--Xmx768m}" \
    bin/trader run --config "$run/cluster.conf" --port $(( http_base + i - 1 )) > "$run/logs/node-$i.log" 2>&1 &
  echo $! > "$run/node-$i.pid"
  # The first node creates the journal's tables; the others start once it has.
  if [ "$i" -eq 1 ]; then await_line "$run/logs/node-1.log" "Pekko Management at" 180 "$(cat "$run/node-1.pid")"; fi
done
for i in $(seq 1 "$nodes"); do
  await_line "$run/logs/node-$i.log" "status at http" 300 "$(cat "$run/node-$i.pid")"
done
echo "cluster of $nodes node(s) up; dashboards:"
for i in $(seq 1 "$nodes"); do echo "  node-$i  http://127.0.0.1:$(( http_base + i - 1 ))   (management http://127.0.0.1:$(( management_base + i - 1 ))/cluster/members)"; done
echo "API key (dashboard login, Authorization: Bearer): TRADER_API_KEY in $run/env"
echo "logs: $run/logs   stop: deploy/cluster/stop.sh   kill a node: kill -9 \$(cat $run/node-2.pid)"

#!/usr/bin/env bash
# The live feed's and the admin API's load benchmark (README "Load benchmark"). Builds the project,
# starts a node trading the bundled candles through the paced exchange simulator (its own data
# folder and port, so a demo you run is left alone), then runs Gatling against it:
#   LiveFeedSimulation once per client count in LEVELS, then ApiSimulation with API_CLIENTS scripts.
# Prints one RESULT line per level and the largest count the node held (p99 added delay <= 100 ms).
#   loadtest/gatling/run.sh                      LEVELS="1000 2500 5000" by default
#   LEVELS="500 5000" HOLD=120 loadtest/gatling/run.sh
# Settings (environment): LEVELS, PACE (bars per second of each symbol; 3.3 gives the clients about
# 10 updates/s), RAMP, SETTLE, HOLD (seconds), API_CLIENTS, PORT, SKIP_BUILD=1, NODE_JAVA_OPTS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
LEVELS="${LEVELS:-1000 2500 5000}"
PACE="${PACE:-3.3}"
RAMP="${RAMP:-30}"
SETTLE="${SETTLE:-10}"
HOLD="${HOLD:-60}"
API_CLIENTS="${API_CLIENTS:-50}"
PORT="${PORT:-18080}"
out="$root/loadtest/gatling/target/run"
mkdir -p "$out"
# Thousands of sockets on each side of loopback.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -DskipTests install
fi
./mvnw -B -q -f loadtest/gatling/pom.xml test-compile

TRADER_API_KEY="trk_load_$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
export TRADER_API_KEY
rm -rf "$out/data"
TRADER_DATA_DIR="$out/data" TRADER_JAVA_OPTS="${NODE_JAVA_OPTS:--Xmx2g}" \
  bin/trader demo --venue sim --bars-per-second "$PACE" --port "$PORT" --config loadtest/gatling/node.conf \
  >"$out/node.log" 2>&1 &
node_pid=$!
trap 'kill "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true' EXIT

echo "load: waiting for the node on port $PORT (log: $out/node.log)"
for _ in $(seq 1 180); do
  if curl -fs -o /dev/null -H "Authorization: Bearer $TRADER_API_KEY" "http://127.0.0.1:$PORT/api/status"; then
    break
  fi
  kill -0 "$node_pid" 2>/dev/null || { echo "load: the node stopped; see $out/node.log" >&2; exit 1; }
  sleep 1
done
sleep 10   # the replay under way

gatling() {
  ./mvnw -B -q -f loadtest/gatling/pom.xml gatling:test -Dgatling.simulationClass="$1" -Dbase="http://127.0.0.1:$PORT" "${@:2}"
}

: >"$out/results.txt"
for clients in $LEVELS; do
  echo "load: $clients live-feed clients (ramp ${RAMP}s, settle ${SETTLE}s, measure ${HOLD}s)"
  gatling dev.trader.load.LiveFeedSimulation -Dclients="$clients" -Dramp="$RAMP" -Dsettle="$SETTLE" -Dhold="$HOLD" \
    2>&1 | tee "$out/livefeed-$clients.log" | grep -E "^(RESULT|live feed benchmark)" || true
  grep -h "^RESULT" "$out/livefeed-$clients.log" >>"$out/results.txt" || echo "RESULT clients=$clients verdict=failed (see $out/livefeed-$clients.log)" >>"$out/results.txt"
  kill -0 "$node_pid" 2>/dev/null || { echo "load: the node stopped; see $out/node.log" >&2; exit 1; }
done

api_status=0
if [ "$API_CLIENTS" -gt 0 ]; then
  echo "load: admin API, $API_CLIENTS concurrent scripts for ${HOLD}s"
  gatling dev.trader.load.ApiSimulation -Dclients="$API_CLIENTS" -Dramp=5 -Dhold="$HOLD" >"$out/api.log" 2>&1 || api_status=$?
  sed -n '/Global Information/,/^=====/p' "$out/api.log"
  grep -E "^Global: " "$out/api.log" || true
fi

echo
echo "live feed (p99 added delay must be <= 100 ms with every client held and none lagged):"
cat "$out/results.txt"
best="$(grep "verdict=holds" "$out/results.txt" | sed -E 's/^RESULT clients=([0-9]+).*/\1/' | sort -n | tail -n 1)"
echo "largest client count held: ${best:-none of $LEVELS}"
echo "Gatling reports: loadtest/gatling/target/gatling/"
exit "$api_status"

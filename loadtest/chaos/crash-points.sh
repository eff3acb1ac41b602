#!/usr/bin/env bash
# The named crash points of issue #6, each run REPETITIONS times: a node trading at the exchange
# simulator is killed (a real kill -9 of its JVM) (a) after an order's intent is journaled and
# before it is sent, (b) after it is sent and before the answer is journaled, (c) after a fill
# arrives and before it is journaled, for a MARKET and a LIMIT order; it is started again on the
# same journal and trades on. Every run must end with one exchange order per client order id,
# every trade booked once, cash and positions equal to the simulator's ledger, and a clean boot
# reconciliation. The build runs each point once; this runs CrashPointRecoveryTest with more.
#   loadtest/chaos/crash-points.sh [REPETITIONS=10]
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mkdir -p target
repetitions="${1:-10}"
started=$(date +%s)
./mvnw -B -o -q install -DskipTests >/dev/null 2>&1 || ./mvnw -B -q install -DskipTests
./mvnw -B -o -pl modules/app surefire:test -Dtest=CrashPointRecoveryTest -Dcrash.repetitions="$repetitions" \
  > target/crash-points.log 2>&1
rc=$?
report=modules/app/target/surefire-reports/TEST-dev.trader.app.CrashPointRecoveryTest.xml
# grep -c prints 0 (and fails) when nothing matches: take its count, not its status.
runs=$(grep -c '<testcase' "$report" 2>/dev/null); runs=${runs:-0}
failed=$(grep -cE '<failure|<error' "$report" 2>/dev/null); failed=${failed:-0}
recovered=$(grep -c '^\[crash point\]' target/crash-points.log); recovered=${recovered:-0}
echo "crash points: $runs run(s) ($repetitions per point × 3 points × MARKET/LIMIT), $failed failed, $recovered recovered to a ledger-equal book" \
     "with a clean boot reconciliation, in $(( $(date +%s) - started )) s (log target/crash-points.log)"
grep -h '^\[crash point\]' target/crash-points.log | sort | uniq -c
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]

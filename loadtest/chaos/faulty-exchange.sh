#!/usr/bin/env bash
# A long seeded run of the demo against a misbehaving exchange (conf/exchange-faults.conf):
# lost, failed and status-unknown order answers, "does not exist" for the first queries,
# duplicated and reordered fills, a user stream cut every 40 events. Each run uses the next
# seed, trades the whole sample through the simulator and compares the books with its ledger
# (one exchange order per client order id, every fill, every balance). Stops after MINUTES.
#   loadtest/chaos/faulty-exchange.sh [MINUTES=30] [FIRST_SEED=1]
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
minutes="${1:-30}"
seed="${2:-1}"
out="target/faulty-exchange"
mkdir -p "$out"
end=$(( $(date +%s) + minutes * 60 ))
runs=0; equal=0; bars=0; orders=0; trades=0
while [ "$(date +%s)" -lt "$end" ]; do
  log="$out/seed-$seed.log"
  TRADER_FAULT_SEED="$seed" bin/trader demo --config conf/exchange-faults.conf --exit-when-done --port 0 > "$log" 2>&1
  rc=$?
  runs=$((runs + 1))
  line="$(grep -E '^ledger check' "$log" || echo "no ledger line (exit $rc)")"
  traded="$(grep -E '^traded' "$log" || true)"
  echo "seed $seed: exit $rc; $traded; $line"
  if [ "$rc" -eq 0 ] && grep -q "equal the exchange's ledger" <<< "$line"; then
    equal=$((equal + 1))
    bars=$((bars + $(sed -E 's/^traded ([0-9]+) bars.*/\1/' <<< "$traded")))
    orders=$((orders + $(sed -E "s/.*ledger \(([0-9]+) orders.*/\1/" <<< "$line")))
    trades=$((trades + $(sed -E "s/.*orders, ([0-9]+) trades.*/\1/" <<< "$line")))
  fi
  seed=$((seed + 1))
done
echo "faulty exchange: $runs run(s) in $minutes min, $equal with books equal to the ledger and no order sent twice;" \
     "$bars bars, $orders exchange orders, $trades trades; faults logged per run in $out/"
[ "$runs" -eq "$equal" ]

#!/usr/bin/env bash
# The chaos harness's long profile (issue #9): 100 rounds of kill -9, each of a random node or of
# the oldest (the shard coordinator's and the trading session's host), restarted after 0-15 s,
# on a 3-node cluster with PostgreSQL and the exchange simulator (its exchange faults on), then
# every check (one order per intent, no lost or unexpected fill, books = the exchange's ledger
# after a journal replay, journal contiguous with one writer, floors, halts, no bar skipped).
# The short profile runs in the build (ChaosClusterTest). Takes about 45-60 minutes here.
#   loadtest/chaos/long-profile.sh [SEED=42] [ROUNDS=100]    → summary on stdout, everything in data/chaos/long-seed-N/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seed="${1:-42}"
rounds="${2:-100}"
out="data/chaos/long-seed-$seed"
if [ -e "$out" ]; then
  echo "long-profile.sh: $out holds an earlier run: remove it first" >&2
  exit 1
fi
# 1.5 bars a second: the bundled week of candles lasts ~110 minutes, more than 100 rounds take.
exec bin/trader chaos --seed "$seed" --rounds "$rounds" --faults KILL,KILL_OLDEST --bars-per-second 1.5 --out "$out"

/**
 * Research on top of the backtester: parameter sweeps run in parallel and walk-forward
 * validation. Both run the ordinary deterministic {@link dev.trader.backtest.Backtester} once per
 * parameter set and data slice and score the runs with {@link dev.trader.backtest.metrics.Metrics};
 * results come back in grid order whatever the scheduling, so the same inputs give the same
 * files on 1 thread or 64.
 */
package dev.trader.backtest.research;

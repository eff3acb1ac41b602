/**
 * Execution costs as plain numbers: {@link dev.trader.domain.cost.TakerCost} (spread and slippage in
 * basis points, and the one formula that turns them into a taker's fill price),
 * {@link dev.trader.domain.cost.TakerCosts} (which cost applies to an instrument at a moment) and
 * {@link dev.trader.domain.cost.LatencyPenalty} (the worse cost a late market order pays). They
 * live here, in the module every other depends on, so that the backtest and the paper venue, which
 * do not depend on each other, share one implementation. Where the numbers come from (measured
 * spread and slippage per symbol and session) is the backtest module's {@code execmetrics} package.
 */
package dev.trader.domain.cost;

package dev.trader.backtest;

import dev.trader.backtest.floor.FloorSpec;
import dev.trader.strategy.Strategy;
import java.util.Objects;

/**
 * Runs a strategy over market data: a single-threaded, deterministic loop over the merged bars
 * with a simulated clock (the bar being worked) and a {@link SimulatedExchange}. No actors, no
 * wall clock, no randomness: the same data, strategy and configuration give equal results.
 *
 * <p>For each bar, in the merged order (open time, then instrument id):
 * <ol>
 *   <li>the exchange works the bar against the instrument's resting orders (market orders placed
 *       at an earlier close fill at this open; stops, limits: see {@link SimulatedExchange});</li>
 *   <li>the strategy is shown the bar (through {@code MultiTimeframeStrategy.onBase}, so a
 *       strategy on higher timeframes sees their bars as they close) with the instrument's own
 *       state, and its signal, if any, is acted on at the bar's close:
 *       <ul>
 *         <li>LONG while flat (no position, no entry working): buy the {@link Sizing} quantity
 *             with a market order (or a limit at the signal's {@code limit_price}), placing, as
 *             it fills, a protective sell stop at {@code stop_price} and a take-profit at
 *             {@code target_price} when the signal's metadata has them. The stop is taken
 *             exactly as the signal writes it (up to the 12 decimals a price holds), or rounded
 *             down to {@link BacktestConfig#stopTick()} when that is set;</li>
 *         <li>FLAT while long (or while an entry is working): cancel the rest of the entry and
 *             the stop and target, and sell the position at the next open;</li>
 *         <li>anything else (a LONG while long, a FLAT while flat, any SHORT: long-only) is
 *             ignored and counted;</li>
 *       </ul></li>
 *   <li>the position is marked at the bar's close.</li>
 * </ol>
 * A trade ends when a sell brings the position back to zero (a FLAT's market sell, the stop, the
 * target); a stop or target fill also cancels what is left of a partly filled entry. Once every
 * bar of a timestamp is done, one equity point is recorded. At the end, open positions are
 * reported or closed as {@link BacktestConfig#endOfData()} says.
 */
public final class Backtester {
    private final BacktestConfig config;

    public Backtester(BacktestConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public BacktestConfig config() {
        return config;
    }

    public BacktestResult run(Strategy strategy, MarketData data) {
        return run(strategy, data, BacktestProgress.NONE);
    }

    /** As {@link #run(Strategy, MarketData)}, telling {@code progress} as each tenth of the bars is reached and at the end. */
    public BacktestResult run(Strategy strategy, MarketData data, BacktestProgress progress) {
        return new BacktestRun(config, strategy, data, Objects.requireNonNull(progress, "progress")).execute();
    }

    /**
     * As {@link #run(Strategy, MarketData)}, with a {@code FloorMonitor} checking equity against
     * {@code floors} at every timestamp's close, and what pre-trade risk did (with
     * {@link RiskMode#PROP_FIRM}).
     */
    public MonitoredResult runMonitored(Strategy strategy, MarketData data, FloorSpec floors) {
        BacktestRun run = new BacktestRun(config, strategy, data, BacktestProgress.NONE, Objects.requireNonNull(floors, "floors"));
        return run.monitored(run.execute());
    }
}

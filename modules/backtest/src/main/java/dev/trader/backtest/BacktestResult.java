package dev.trader.backtest;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Money;
import dev.trader.domain.order.Fill;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one backtest run produced. Lists are in event order (trades by the time they closed, then
 * instrument order), so two runs on the same input are equal.
 *
 * @param strategy       the strategy's id
 * @param instruments    the instruments, sorted by id
 * @param timeframe      the base timeframe of the bars
 * @param bars           bars worked over all instruments
 * @param firstBar       open time of the first bar
 * @param lastBar        open time of the last bar
 * @param config         the configuration of the run
 * @param trades         the round trips
 * @param fills          every fill, in the order they happened
 * @param openPositions  positions open at the end ({@link EndOfData#REPORT_OPEN}), by instrument
 * @param equity         the equity curve
 * @param finalCash      cash at the end
 * @param finalEquity    cash plus open positions at their last close
 * @param signals        signals the strategy raised
 * @param signalsIgnored signals that did not apply (a LONG while not flat, a FLAT while flat,
 *                       any SHORT: the backtester is long-only) or sized to zero
 */
public record BacktestResult(StrategyId strategy, List<InstrumentId> instruments, Timeframe timeframe, long bars, Instant firstBar, Instant lastBar,
                             BacktestConfig config, List<RoundTrip> trades, List<Fill> fills, List<OpenPosition> openPositions, EquityCurve equity,
                             Money finalCash, Money finalEquity, long signals, long signalsIgnored) {
    public BacktestResult {
        Objects.requireNonNull(strategy, "strategy");
        instruments = List.copyOf(instruments);
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(firstBar, "firstBar");
        Objects.requireNonNull(lastBar, "lastBar");
        Objects.requireNonNull(config, "config");
        trades = List.copyOf(trades);
        fills = List.copyOf(fills);
        openPositions = List.copyOf(openPositions);
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(finalCash, "finalCash");
        Objects.requireNonNull(finalEquity, "finalEquity");
    }
}

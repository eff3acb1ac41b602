package dev.trader.backtest;

import static dev.trader.backtest.Bars.BTC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trader.backtest.execmetrics.CostStatistic;
import dev.trader.backtest.execmetrics.ExecutionMetrics;
import dev.trader.backtest.execmetrics.ExecutionMetricsFiles;
import dev.trader.backtest.execmetrics.MetricsFixture;
import dev.trader.backtest.execmetrics.SessionTakerCosts;
import dev.trader.domain.cost.LatencyPenalty;
import dev.trader.domain.cost.TakerCosts;
import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.signal.SignalDirection;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backtest with an execution-metrics file charges each taker fill the measured cost of its
 * instrument in the session its bar opens in: a known trade differs from the same run without the
 * file by exactly that cost.
 */
class ExecMetricsBacktestTest {
    @TempDir
    Path dir;

    /** Monday 2024-01-01: LONG at the 08:30 UTC close (London), FLAT at the 14:00 UTC close (New York). */
    private static Bars londonToNewYork() {
        return Bars.of(BTC).barAt(510, "101", "102", "100", "101", "1000").barAt(511, "102", "103", "101", "102", "1000")
                .barAt(840, "103", "104", "102", "103", "1000").barAt(841, "104", "105", "103", "104", "1000");
    }

    private static ScriptedStrategy longThenFlat() {
        return new ScriptedStrategy().on(BTC, 1, SignalDirection.LONG).on(BTC, 3, SignalDirection.FLAT);
    }

    @Test
    void aRunWithTheMetricsFileDiffersByExactlyTheModelledCost() throws IOException {
        ExecutionMetricsFiles.write(dir, MetricsFixture.twoSymbols("2024-08-09"));
        ExecutionMetrics metrics = ExecutionMetricsFiles.load(dir.toString());
        BacktestConfig measured = BacktestConfig.defaults().withExecution(ExecutionModel.DEFAULT.withMeasuredCosts(
                new SessionTakerCosts(metrics, CostStatistic.MEAN)));

        RoundTrip without = new Backtester(BacktestConfig.defaults()).run(longThenFlat(), londonToNewYork().data()).trades().get(0);
        RoundTrip with = new Backtester(measured).run(longThenFlat(), londonToNewYork().data()).trades().get(0);

        assertEquals(Price.of("102"), without.entryPrice());
        assertEquals(Price.of("104"), without.exitPrice());
        // the buy at the 08:31 open pays London's bar gap, 3 bps: 102 × 1.0003; the sell at 14:01 New York's, 5 bps: 104 × 0.9995
        assertEquals(Price.of("102.0306"), with.entryPrice());
        assertEquals(Price.of("103.948"), with.exitPrice());
        assertEquals(Money.of("0.0826", "USDT"), with.slippage(), "0.0306 + 0.052");
        assertEquals(without.pnl().minus(with.slippage()), with.pnl(), "the gross P&L differs by exactly the modelled cost");
        assertEquals(Money.of("2", "USDT"), without.pnl());
        assertEquals(Money.of("1.9174", "USDT"), with.pnl());
    }

    private static BacktestConfig measured(ExecutionMetrics metrics, long latencyMs) {
        return BacktestConfig.defaults().withExecution(ExecutionModel.DEFAULT.withMeasuredCosts(new SessionTakerCosts(metrics, CostStatistic.MEAN))
                .withLatencyPenalty(new LatencyPenalty(Duration.ofMillis(latencyMs), Duration.ofMillis(500))));
    }

    @Test
    void aDecisionLaterThanTheThresholdPaysTheP90SlippageOnItsMarketOrders() throws IOException {
        ExecutionMetricsFiles.write(dir, MetricsFixture.twoSymbols("2024-08-09"));
        ExecutionMetrics metrics = ExecutionMetricsFiles.load(dir.toString());

        RoundTrip late = new Backtester(measured(metrics, 501)).run(longThenFlat(), londonToNewYork().data()).trades().get(0);
        // London's bar-gap p90 is 7 bps: 102 × 1.0007; New York's 11 bps: 104 × 0.9989
        assertEquals(Price.of("102.0714"), late.entryPrice());
        assertEquals(Price.of("103.8856"), late.exitPrice());
        assertEquals(Money.of("0.1858", "USDT"), late.slippage(), "0.0714 + 0.1144");

        RoundTrip atThreshold = new Backtester(measured(metrics, 500)).run(longThenFlat(), londonToNewYork().data()).trades().get(0);
        assertEquals(Price.of("102.0306"), atThreshold.entryPrice(), "at the threshold: the mean, as without latency");
        assertEquals(Price.of("103.948"), atThreshold.exitPrice());
    }

    @Test
    void aLateDecisionDoesNotMakeAStopPayMore() throws IOException {
        ExecutionMetricsFiles.write(dir, MetricsFixture.twoSymbols("2024-08-09"));
        ExecutionMetrics metrics = ExecutionMetricsFiles.load(dir.toString());
        Bar london = londonToNewYork().get(1); // 08:31 (London), open 102, low 101
        for (long latencyMs : new long[] {0, 10_000}) {
            SimulatedExchange exchange = new SimulatedExchange(measured(metrics, latencyMs).execution(), IntrabarPath.UNKNOWN, "USDT");
            exchange.submitStop(BTC, OrderSide.SELL, Quantity.of("1"), Price.of("101.5"), OrderRole.STOP);
            List<Fill> fills = new ArrayList<>();
            exchange.onBar(london, (order, fill) -> fills.add(fill));
            assertEquals(Price.of("101.46955"), fills.get(0).price(), "the stop pays London's mean, 3 bps below its trigger, latency " + latencyMs);
        }
    }

    @Test
    void measuredCostsReplaceTheFixedOnes() {
        TakerCosts costs = TakerCosts.NONE;
        assertEquals("fixed slippage/spread and measured costs exclude each other", assertThrows(IllegalArgumentException.class,
                () -> ExecutionModel.DEFAULT.withSlippageBps(BigDecimal.ONE).withMeasuredCosts(costs)).getMessage());
        ExecutionModel m = ExecutionModel.DEFAULT.withMeasuredCosts(costs);
        assertThrows(IllegalStateException.class, () -> m.takerPrice(OrderSide.BUY, Price.of("100")), "a measured cost needs instrument and time");
        assertEquals(Price.of("100"), m.takerPrice(BTC, Instant.EPOCH, OrderSide.BUY, Price.of("100")));
        assertEquals(Price.of("100.12"), ExecutionModel.DEFAULT.withSlippageBps(BigDecimal.TEN).withSpreadBps(new BigDecimal("4"))
                .takerPrice(BTC, Instant.EPOCH, OrderSide.BUY, Price.of("100")), "without a file, the fixed options as before");
    }
}

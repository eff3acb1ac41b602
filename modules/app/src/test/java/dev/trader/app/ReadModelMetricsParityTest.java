package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.backtest.EquityCurve;
import dev.trader.backtest.ExitReason;
import dev.trader.backtest.RoundTrip;
import dev.trader.backtest.metrics.DrawdownStats;
import dev.trader.backtest.metrics.TradeStats;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.position.PositionSide;
import dev.trader.engine.readmodel.query.TradeAnalytics;
import dev.trader.engine.readmodel.query.TradeMetrics;
import dev.trader.engine.readmodel.query.TradeRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The read model's analytics and the backtest report's metrics ({@code backtest.metrics}, which the
 * engine may not depend on) give the same figures for the same round trips: the read model
 * re-implements the definitions, and this is where the two are held together.
 */
class ReadModelMetricsParityTest {
    private static final String USDT = "USDT";
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final BigDecimal CAPITAL = new BigDecimal("10000");

    @Test
    void profitFactorWinRateExpectancyHoldAndDrawdownAreTheBacktests() {
        Random random = new Random(20230317);
        List<RoundTrip> backtest = new ArrayList<>();
        List<TradeRow> readModel = new ArrayList<>();
        Instant t = Instant.parse("2023-03-13T00:00:00Z");
        for (int i = 0; i < 200; i++) {
            Instant open = t.plus(Duration.ofMinutes(1 + random.nextInt(120)));
            Instant close = open.plus(Duration.ofMinutes(1 + random.nextInt(600))).plusMillis(random.nextInt(60_000));
            t = close;
            BigDecimal entry = BigDecimal.valueOf(20_000 + random.nextInt(10_000), 0).add(BigDecimal.valueOf(random.nextInt(100), 2));
            BigDecimal exit = entry.add(BigDecimal.valueOf(random.nextInt(40_001) - 20_000, 2));
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(5_000), 5);
            // A third of the trades have no stop; one in ten has it above the entry (no R either).
            BigDecimal stop = i % 3 == 0 ? null : i % 10 == 1 ? entry.add(BigDecimal.TEN) : entry.subtract(BigDecimal.valueOf(1 + random.nextInt(300)));
            Money pnl = Money.of(exit.subtract(entry).multiply(quantity), USDT);
            Money fees = Money.of(entry.add(exit).multiply(quantity).multiply(new BigDecimal("0.001")), USDT);
            Money net = pnl.minus(fees);
            backtest.add(new RoundTrip(BTC, open, close, Price.of(entry), Price.of(exit), Quantity.of(quantity), pnl, fees, net, ExitReason.SIGNAL,
                    stop == null ? null : Price.of(stop), Money.zero(USDT)));
            BigDecimal risk = stop == null || entry.compareTo(stop) <= 0 ? null : entry.subtract(stop).multiply(quantity);
            readModel.add(new TradeRow("p" + i + "#1", "p" + i, 1, "ema-cross", BTC.value(), PositionSide.LONG, quantity, open, entry, close, exit,
                    pnl.toBigDecimal(), fees.toBigDecimal(), net.toBigDecimal(), USDT, stop, risk,
                    risk == null ? null : net.toBigDecimal().divide(risk, 8, RoundingMode.HALF_EVEN), BigDecimal.ZERO, null, null, "LONDON"));
        }
        TradeStats stats = TradeStats.of(backtest, USDT);
        TradeMetrics ours = TradeAnalytics.of(readModel, CAPITAL, ZoneId.of("Europe/Prague"));

        assertEquals(0, stats.winRate().compareTo(ours.winRate()), "win rate " + stats.winRate() + " vs " + ours.winRate());
        assertClose(stats.profitFactor(), ours.profitFactor(), 1e-6, "profit factor");
        assertClose(stats.expectancyR(), ours.expectedR(), 1e-6, "expectancy R");
        assertTrue(stats.rTrades() > 100 && stats.rTrades() < 150, "a mix of trades with and without R: " + stats.rTrades());
        double holdMinutes = stats.avgHold().toMillis() / 60_000.0;
        assertClose(holdMinutes, ours.avgHoldMinutes(), 1e-4, "average hold");

        // The backtest's drawdown on the same realized curve: the capital, then the equity after each exit.
        List<Instant> times = new ArrayList<>();
        List<Money> equity = new ArrayList<>();
        times.add(backtest.get(0).openTime());
        equity.add(Money.of(CAPITAL, USDT));
        for (RoundTrip r : backtest) {
            times.add(r.closeTime());
            equity.add(equity.get(equity.size() - 1).plus(r.pnlAfterFees()));
        }
        DrawdownStats drawdown = DrawdownStats.of(EquityCurve.of(USDT, times, equity, equity));
        assertEquals(0, drawdown.maxFraction().compareTo(ours.maxDrawdownPct()), "max drawdown " + drawdown.maxFraction() + " vs " + ours.maxDrawdownPct());
        assertTrue(ours.maxDrawdownPct().signum() > 0, "the random walk does draw down");
    }

    private static void assertClose(double expected, BigDecimal actual, double tolerance, String what) {
        assertTrue(Math.abs(expected - actual.doubleValue()) <= tolerance, what + ": backtest " + expected + ", read model " + actual);
    }
}

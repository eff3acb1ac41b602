package dev.trader.backtest.metrics;

import static dev.trader.backtest.metrics.Made.usdt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.backtest.EquityCurve;
import dev.trader.backtest.RoundTrip;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import dev.trader.strategy.session.SessionClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole-run metrics (period, CAGR, Calmar, exposure, turnover, fees) worked out by hand. */
class MetricsTest {

    /**
     * Five bars of 73 days (a 365-day year): equity 1100, 880, 990, 1100, 1200 from 1000. CAGR
     * 1200/1000 over one year = 20%; max drawdown 1100 → 880 = 20%; Calmar 1.
     */
    @Test
    void cagrAndCalmarOverTheCurvesPeriod() {
        Duration bar = Duration.ofDays(73);
        EquityCurve curve = Made.flat(Made.times("2023-01-01T00:00:00Z", bar, 5), "1100", "880", "990", "1100", "1200");
        Metrics m = Metrics.compute(usdt("1000"), curve, bar, List.of(), List.of(), SessionClock.defaults());
        assertEquals(Instant.parse("2023-01-01T00:00:00Z"), m.start());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), m.end(), "last point + one bar");
        assertEquals(0.2, m.cagr(), 1e-12);
        assertEquals(0.2, m.drawdown().maxFraction().doubleValue(), 0);
        assertEquals(1.0, m.calmar(), 1e-12);
        assertEquals(usdt("200"), m.totalPnl());
        assertEquals(0.2, m.totalReturn(), 1e-12);
    }

    /**
     * Flat at 1000; buy 1 at 100 (fee 0.1); marked at 105; sell at 110 (fee 0.11):
     * <pre>
     *   cash   1000   899.9   899.9   1009.79
     *   equity 1000   999.9  1004.9   1009.79
     * </pre>
     * A position at 2 of 4 closes: exposure 0.5. Traded notional 100 + 110 = 210 over mean equity
     * (1000 + 999.9 + 1004.9 + 1009.79) / 4 = 1003.6475.
     */
    @Test
    void exposureTurnoverAndFeesComeFromTheCurveAndTheFills() {
        List<Instant> t = Made.times("2024-01-08T00:00:00Z", Duration.ofMinutes(1), 4);
        EquityCurve curve = Made.curve(t, new String[] {"1000", "899.9", "899.9", "1009.79"}, new String[] {"1000", "999.9", "1004.9", "1009.79"});
        List<Fill> fills = List.of(fill(OrderSide.BUY, "100", "0.1", t.get(1)), fill(OrderSide.SELL, "110", "0.11", t.get(3)));
        RoundTrip trip = Made.trade(t.get(1).toString(), t.get(3).toString(), "100", "110", "1", "0.21", null, "0");
        Metrics m = Metrics.compute(usdt("1000"), curve, Duration.ofMinutes(1), List.of(trip), fills, SessionClock.defaults());
        assertEquals(0.5, m.exposure(), 0);
        assertEquals(usdt("210"), m.tradedNotional());
        assertEquals(210 / 1003.6475, m.turnover(), 1e-12);
        assertEquals(usdt("0.21"), m.feesAllFills());
        assertEquals(usdt("9.79"), m.trades().netPnl());
        assertEquals(Duration.ofMinutes(2), m.trades().avgHold());
        assertEquals(Instant.parse("2024-01-08T00:04:00Z"), m.end());
    }

    private static Fill fill(OrderSide side, String price, String fee, Instant time) {
        return new Fill(new ClientOrderId("c-" + side), new TradeId("t-" + side), Made.BTC, side, Price.of(price), Quantity.of("1"), usdt(fee), time);
    }
}

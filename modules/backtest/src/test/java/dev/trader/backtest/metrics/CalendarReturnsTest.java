package dev.trader.backtest.metrics;

import static dev.trader.backtest.metrics.Made.usdt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.backtest.EquityCurve;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Monthly and daily returns worked out by hand: initial cash 1000; equity 1050 on 15 January,
 * 1100 at the end of January, 1000 on 10 February, 1050 on 1 March.
 */
class CalendarReturnsTest {
    private static final EquityCurve CURVE = Made.flat(List.of(Instant.parse("2024-01-15T12:00:00Z"), Instant.parse("2024-01-31T23:59:00Z"),
            Instant.parse("2024-02-10T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z")), "1050", "1100", "1000", "1050");

    @Test
    void eachMonthRunsFromThePreviousMonthsLastEquityToItsOwn() {
        List<PeriodReturn> m = CalendarReturns.monthly(CURVE, usdt("1000"));
        assertEquals(3, m.size());
        assertEquals(new PeriodReturn("2024-01", usdt("1000"), usdt("1100"), 0.1).period(), m.get(0).period());
        assertEquals(usdt("1000"), m.get(0).start());
        assertEquals(usdt("1100"), m.get(0).end());
        assertEquals(0.1, m.get(0).value(), 1e-15);
        assertEquals("2024-02", m.get(1).period());
        assertEquals(-1.0 / 11, m.get(1).value(), 1e-15, "1100 → 1000");
        assertEquals("2024-03", m.get(2).period());
        assertEquals(0.05, m.get(2).value(), 1e-15);
    }

    @Test
    void dailyReturnsListOnlyDaysWithPoints() {
        List<PeriodReturn> d = CalendarReturns.daily(CURVE, usdt("1000"));
        assertEquals(List.of("2024-01-15", "2024-01-31", "2024-02-10", "2024-03-01"), d.stream().map(PeriodReturn::period).toList());
        assertEquals(0.05, d.get(0).value(), 1e-15);
        assertEquals(1100.0 / 1050 - 1, d.get(1).value(), 1e-15);
    }
}

package dev.trader.backtest.metrics;

import static dev.trader.backtest.metrics.Made.usdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trader.strategy.session.SessionClock;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hit rates by session and by weekday × hour of the entry, worked out by hand. January 2024
 * (winter): Tokyo 00:00-09:00, London 08:00-17:00, New York 13:00-22:00 UTC.
 */
class SessionHitRatesTest {

    @Test
    void tradesGoToEverySessionOpenAtTheirEntry() {
        SessionHitRates s = SessionHitRates.of(Made.fourTrades(), SessionClock.defaults(), Made.USDT);
        assertEquals(new HitRate(1, 1, usdt("39")), s.asia(), "T1 at 08:30Z: Tokyo and London are both open");
        assertEquals(new HitRate(2, 1, usdt("23.5")), s.london(), "T1 and T2 (14:00Z, London and New York)");
        assertEquals(new HitRate(1, 0, usdt("-15.5")), s.newYork(), "T2");
        assertEquals(new HitRate(2, 1, usdt("19.5")), s.outside(), "T3 on a Saturday, T4 at 22:00Z after New York's close");
        assertEquals(new BigDecimal("0.5000"), s.london().winRate());
        assertNull(HitRate.empty(Made.USDT).winRate(), "no trades: not defined");
    }

    @Test
    void sessionsFollowDaylightSaving() {
        // 07:30Z on Monday 1 July 2024 is 08:30 in London (BST): London is open; in January it would not be
        SessionHitRates summer = SessionHitRates.of(List.of(Made.trade("2024-07-01T07:30:00Z", "2024-07-01T08:00:00Z", "100", "101", "1", "0", null,
                "0")), SessionClock.defaults(), Made.USDT);
        assertEquals(1, summer.london().trades());
        SessionHitRates winter = SessionHitRates.of(List.of(Made.trade("2024-01-08T07:30:00Z", "2024-01-08T08:00:00Z", "100", "101", "1", "0", null,
                "0")), SessionClock.defaults(), Made.USDT);
        assertEquals(0, winter.london().trades());
        assertEquals(1, winter.asia().trades());
    }

    @Test
    void weekdayHourGridCountsTheUtcHourOfEachEntry() {
        WeekdayHourHitRates grid = WeekdayHourHitRates.of(Made.fourTrades(), Made.USDT);
        assertEquals(new HitRate(1, 1, usdt("39")), grid.cell(DayOfWeek.MONDAY, 8));
        assertEquals(new HitRate(1, 0, usdt("-15.5")), grid.cell(DayOfWeek.MONDAY, 14));
        assertEquals(new HitRate(1, 1, usdt("19.7")), grid.cell(DayOfWeek.SATURDAY, 10));
        assertEquals(new HitRate(1, 0, usdt("-0.2")), grid.cell(DayOfWeek.TUESDAY, 22));
        int total = 0;
        for (DayOfWeek d : DayOfWeek.values()) {
            for (int h = 0; h < 24; h++) {
                total += grid.cell(d, h).trades();
            }
        }
        assertEquals(4, total, "every trade in exactly one cell");
    }
}

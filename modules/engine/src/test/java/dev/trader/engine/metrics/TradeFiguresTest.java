package dev.trader.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import dev.trader.risk.account.ClosedTrade;
import dev.trader.risk.propfirm.TradingDays;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeFiguresTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");

    private static ClosedTrade trade(String time, String pnl, String r) {
        return new ClosedTrade(Instant.parse(time), BTC, Money.of(pnl, "USDT"), r == null ? null : new BigDecimal(r));
    }

    @Test
    void rTodayAndThisWeekFollowThePropFirmsDayZone() {
        // Prague is UTC+1 in November: 23:30Z on Wednesday is already Thursday there.
        List<ClosedTrade> closed = List.of(
                trade("2026-11-15T12:00:00Z", "50", "1.5"),    // Sunday: last ISO week
                trade("2026-11-16T09:00:00Z", "-20", "-1"),    // Monday
                trade("2026-11-18T23:30:00Z", "30", "0.75"),   // Thursday in Prague
                trade("2026-11-19T10:00:00Z", "-10", null),    // no stop: no R
                trade("2026-11-19T11:00:00Z", "-12", "-0.5"));
        TradeFigures f = TradeFigures.of(closed, LocalDate.parse("2026-11-19"), TradingDays.PRAGUE);
        assertEquals(0, new BigDecimal("0.25").compareTo(f.rToday()), f.rToday().toPlainString());
        assertEquals(0, new BigDecimal("-0.75").compareTo(f.rWeek()), f.rWeek().toPlainString());
        assertEquals(List.of(true, false, true, false, false), f.won());
    }
}

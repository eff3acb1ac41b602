package dev.trader.engine.metrics;

import dev.trader.risk.account.ClosedTrade;
import dev.trader.risk.propfirm.TradingDays;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * The account's results in R from its closed trades: today's and this week's (trading days in the
 * prop firm's day zone; weeks ISO, Monday first), and which of the latest trades won. Trades
 * without an initial stop have no R and count in neither sum.
 */
public record TradeFigures(BigDecimal rToday, BigDecimal rWeek, List<Boolean> won) {

    public static TradeFigures of(List<ClosedTrade> closed, LocalDate tradingDay, TradingDays days) {
        BigDecimal today = BigDecimal.ZERO;
        BigDecimal week = BigDecimal.ZERO;
        for (ClosedTrade t : closed) {
            if (t.r() == null || tradingDay == null) {
                continue;
            }
            LocalDate day = days.dayOf(t.time());
            if (day.equals(tradingDay)) {
                today = today.add(t.r());
            }
            if (sameWeek(day, tradingDay)) {
                week = week.add(t.r());
            }
        }
        return new TradeFigures(today, week, closed.stream().map(t -> t.netPnl().raw() > 0).toList());
    }

    private static boolean sameWeek(LocalDate a, LocalDate b) {
        return a.get(IsoFields.WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_BASED_YEAR)
                && a.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}

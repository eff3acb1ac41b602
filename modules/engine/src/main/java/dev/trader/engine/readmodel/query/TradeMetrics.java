package dev.trader.engine.readmodel.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * The analytics of a set of closed trades ({@link TradeAnalytics} says how each is computed). Money
 * is exact; ratios are decimals rounded half-even (win rates to 4 decimals, the others to 6); a
 * ratio that is not defined (no losing trade, no trade with an R) is null.
 *
 * @param pnlByDay                   P&amp;L after fees by the calendar day (in the day zone) of the exit
 * @param pnlByHour                  24 sums, by the UTC hour of the entry
 * @param pnlByWeekdayHour           7 × 24 sums, Monday first, by the UTC weekday and hour of the entry
 * @param regimeStrategySymbolMatrix regime (or {@code none}) → strategy → instrument id → cell, keys sorted
 */
public record TradeMetrics(BigDecimal profitFactor, BigDecimal winRate, BigDecimal expectedR, BigDecimal avgR, BigDecimal maxDrawdownR,
                           BigDecimal maxDrawdownPct, BigDecimal timeInMarket, BigDecimal avgHoldMinutes, SortedMap<LocalDate, BigDecimal> pnlByDay,
                           List<BigDecimal> pnlByHour, List<List<BigDecimal>> pnlByWeekdayHour,
                           SortedMap<String, SortedMap<String, SortedMap<String, MatrixCell>>> regimeStrategySymbolMatrix) {
    public TradeMetrics {
        pnlByHour = List.copyOf(pnlByHour);
        pnlByWeekdayHour = pnlByWeekdayHour.stream().map(List::copyOf).toList();
    }
}

package dev.trader.engine.readmodel.query;

import dev.trader.engine.readmodel.Sql;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The analytics of closed trades: a pure function of the trades (as {@code GET /api/trades} and its
 * CSV show them, so anyone can recompute every figure), the initial capital and the day zone. The
 * definitions are the backtest's ({@code dev.trader.backtest.metrics}, which the engine may not
 * depend on) where it has them; the trades are taken in exit-time order (then trade id).
 *
 * <ul>
 *   <li>A <b>win</b> has P&amp;L after fees &gt; 0, a <b>loss</b> &lt; 0. {@code win_rate} = wins / trades,
 *       4 decimals (0 without trades, as the backtest's). {@code profit_factor} = the winners' P&amp;L
 *       after fees / minus the losers'; null without a losing trade.</li>
 *   <li><b>R</b> is a trade's {@code r_multiple} (P&amp;L after fees / initial risk, 8 decimals): only trades
 *       whose entry had a stop on the losing side have one, and only they count in the R figures.
 *       {@code expected_R} = the mean R (Van Tharp's expectancy, the backtest's {@code expectancy_r});
 *       {@code avg_R} = their P&amp;L after fees summed over their initial risks summed: the R earned per
 *       R risked, which differs from the mean when trades risked different amounts. Both null without
 *       an R. {@code max_drawdown_R}: the deepest fall of the running sum of R below its running peak
 *       (the peak starts at 0), exact.</li>
 *   <li>{@code max_drawdown_pct}: on the realized equity curve (the initial capital, then after each
 *       trade's exit the capital plus the P&amp;L after fees so far), the largest fall below the running
 *       peak as a fraction of that peak (not × 100), 6 decimals: the backtest's {@code max_drawdown_pct}.
 *       The backtest marks open positions at every bar; the read model has no prices, so its curve
 *       moves at exits only and an open trade's paper loss is not in it.</li>
 *   <li>{@code time_in_market}: the time at least one of the trades was open (the union of their entry
 *       to exit intervals) over the covered period, from the first entry to the last exit; 6 decimals;
 *       null without trades (or when the period has no length).</li>
 *   <li>{@code avg_hold_minutes}: the mean of exit time − entry time, in minutes, 4 decimals (0 without trades).</li>
 *   <li>{@code pnl_by_day}: P&amp;L after fees by the calendar day of the exit in the day zone (the prop
 *       firm's trading day, Europe/Prague by default, whose floors count realized P&amp;L by that day);
 *       days without an exit are left out. {@code pnl_by_hour} (24) and {@code pnl_by_weekday_hour}
 *       (7 × 24, Monday first): by the UTC hour and weekday of the entry, as the backtest's weekday ×
 *       hour grid (when entries work); cells without trades are 0.</li>
 *   <li>{@code regime_strategy_symbol_matrix}: regime at entry ({@code none} when the entry signal
 *       carried none) → strategy → instrument id → {trades, P&amp;L after fees, win rate, mean R}.</li>
 * </ul>
 */
public final class TradeAnalytics {
    static final int RATE_SCALE = 4;
    static final int RATIO_SCALE = 6;
    static final String NO_REGIME = "none";
    private static final BigDecimal MILLIS_PER_MINUTE = BigDecimal.valueOf(60_000);

    private TradeAnalytics() {
    }

    public static TradeMetrics of(List<TradeRow> trades, BigDecimal initialCapital, ZoneId dayZone) {
        Objects.requireNonNull(dayZone, "dayZone");
        if (initialCapital == null || initialCapital.signum() <= 0) {
            throw new IllegalArgumentException("initial capital must be positive but was " + initialCapital);
        }
        List<TradeRow> ordered = new ArrayList<>(trades);
        ordered.sort(Comparator.comparing(TradeRow::exitTime).thenComparing(TradeRow::tradeId));
        int wins = 0;
        BigDecimal profit = BigDecimal.ZERO;
        BigDecimal loss = BigDecimal.ZERO;
        BigDecimal rSum = BigDecimal.ZERO;
        BigDecimal riskSum = BigDecimal.ZERO;
        BigDecimal rPnl = BigDecimal.ZERO;
        int rCount = 0;
        BigDecimal rRun = BigDecimal.ZERO;
        BigDecimal rPeak = BigDecimal.ZERO;
        BigDecimal rDrawdown = BigDecimal.ZERO;
        BigDecimal equity = initialCapital;
        BigDecimal peak = initialCapital;
        BigDecimal worstFraction = BigDecimal.ZERO;
        long heldMillis = 0;
        for (TradeRow t : ordered) {
            BigDecimal pnl = t.pnlAfterFees();
            if (t.isWin()) {
                wins++;
                profit = profit.add(pnl);
            } else if (t.isLoss()) {
                loss = loss.subtract(pnl);
            }
            if (t.rMultiple() != null && t.initialRisk() != null) {
                rCount++;
                rSum = rSum.add(t.rMultiple());
                riskSum = riskSum.add(t.initialRisk());
                rPnl = rPnl.add(pnl);
                rRun = rRun.add(t.rMultiple());
                rPeak = rPeak.max(rRun);
                rDrawdown = rDrawdown.max(rPeak.subtract(rRun));
            }
            equity = equity.add(pnl);
            peak = peak.max(equity);
            if (peak.signum() > 0) {
                worstFraction = worstFraction.max(peak.subtract(equity).divide(peak, RATIO_SCALE, RoundingMode.HALF_EVEN));
            }
            heldMillis += Duration.between(t.entryTime(), t.exitTime()).toMillis();
        }
        int n = ordered.size();
        return new TradeMetrics(
                loss.signum() == 0 ? null : ratio(profit, loss),
                n == 0 ? BigDecimal.ZERO : rate(wins, n),
                rCount == 0 ? null : ratio(rSum, BigDecimal.valueOf(rCount)),
                rCount == 0 ? null : ratio(rPnl, riskSum),
                canonical(rDrawdown),
                canonical(worstFraction),
                timeInMarket(ordered),
                n == 0 ? BigDecimal.ZERO
                        : canonical(BigDecimal.valueOf(heldMillis).divide(MILLIS_PER_MINUTE.multiply(BigDecimal.valueOf(n)), RATE_SCALE,
                        RoundingMode.HALF_EVEN)),
                pnlByDay(ordered, dayZone),
                pnlByHour(ordered),
                pnlByWeekdayHour(ordered),
                matrix(ordered));
    }

    /** The union of the trades' open intervals over the period from the first entry to the last exit; null without one. */
    static BigDecimal timeInMarket(List<TradeRow> trades) {
        if (trades.isEmpty()) {
            return null;
        }
        List<TradeRow> byEntry = new ArrayList<>(trades);
        byEntry.sort(Comparator.comparing(TradeRow::entryTime));
        Instant start = byEntry.get(0).entryTime();
        Instant end = trades.stream().map(TradeRow::exitTime).max(Comparator.naturalOrder()).orElseThrow();
        long period = Duration.between(start, end).toMillis();
        if (period <= 0) {
            return null;
        }
        long open = 0;
        Instant from = null;
        Instant to = null;
        for (TradeRow t : byEntry) {
            if (to == null || t.entryTime().isAfter(to)) {
                if (to != null) {
                    open += Duration.between(from, to).toMillis();
                }
                from = t.entryTime();
                to = t.exitTime();
            } else if (t.exitTime().isAfter(to)) {
                to = t.exitTime();
            }
        }
        open += Duration.between(from, to).toMillis();
        return ratio(BigDecimal.valueOf(open), BigDecimal.valueOf(period));
    }

    private static SortedMap<LocalDate, BigDecimal> pnlByDay(List<TradeRow> trades, ZoneId zone) {
        SortedMap<LocalDate, BigDecimal> out = new TreeMap<>();
        for (TradeRow t : trades) {
            out.merge(t.exitTime().atZone(zone).toLocalDate(), t.pnlAfterFees(), BigDecimal::add);
        }
        out.replaceAll((day, pnl) -> canonical(pnl));
        return Collections.unmodifiableSortedMap(out);
    }

    private static List<BigDecimal> pnlByHour(List<TradeRow> trades) {
        BigDecimal[] hours = zeros(24);
        for (TradeRow t : trades) {
            int h = t.entryTime().atZone(ZoneOffset.UTC).getHour();
            hours[h] = hours[h].add(t.pnlAfterFees());
        }
        return canonical(hours);
    }

    private static List<List<BigDecimal>> pnlByWeekdayHour(List<TradeRow> trades) {
        BigDecimal[][] cells = new BigDecimal[7][];
        for (int d = 0; d < 7; d++) {
            cells[d] = zeros(24);
        }
        for (TradeRow t : trades) {
            ZonedDateTime utc = t.entryTime().atZone(ZoneOffset.UTC);
            int d = utc.getDayOfWeek().getValue() - 1;
            cells[d][utc.getHour()] = cells[d][utc.getHour()].add(t.pnlAfterFees());
        }
        List<List<BigDecimal>> out = new ArrayList<>(7);
        for (BigDecimal[] day : cells) {
            out.add(canonical(day));
        }
        return out;
    }

    private static SortedMap<String, SortedMap<String, SortedMap<String, MatrixCell>>> matrix(List<TradeRow> trades) {
        SortedMap<String, SortedMap<String, SortedMap<String, List<TradeRow>>>> groups = new TreeMap<>();
        for (TradeRow t : trades) {
            groups.computeIfAbsent(t.regime() == null ? NO_REGIME : t.regime(), k -> new TreeMap<>())
                    .computeIfAbsent(t.strategy(), k -> new TreeMap<>())
                    .computeIfAbsent(t.instrument(), k -> new ArrayList<>())
                    .add(t);
        }
        SortedMap<String, SortedMap<String, SortedMap<String, MatrixCell>>> out = new TreeMap<>();
        groups.forEach((regime, byStrategy) -> byStrategy.forEach((strategy, byInstrument) -> byInstrument.forEach((instrument, group) ->
                out.computeIfAbsent(regime, k -> new TreeMap<>()).computeIfAbsent(strategy, k -> new TreeMap<>()).put(instrument, cell(group)))));
        return out;
    }

    private static MatrixCell cell(List<TradeRow> group) {
        BigDecimal pnl = BigDecimal.ZERO;
        int wins = 0;
        BigDecimal rSum = BigDecimal.ZERO;
        int rCount = 0;
        for (TradeRow t : group) {
            pnl = pnl.add(t.pnlAfterFees());
            wins += t.isWin() ? 1 : 0;
            if (t.rMultiple() != null && t.initialRisk() != null) {
                rSum = rSum.add(t.rMultiple());
                rCount++;
            }
        }
        return new MatrixCell(group.size(), canonical(pnl), rate(wins, group.size()), rCount == 0 ? null : ratio(rSum, BigDecimal.valueOf(rCount)));
    }

    private static BigDecimal rate(int count, int of) {
        return canonical(BigDecimal.valueOf(count).divide(BigDecimal.valueOf(of), RATE_SCALE, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return canonical(a.divide(b, RATIO_SCALE, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] out = new BigDecimal[n];
        Arrays.fill(out, BigDecimal.ZERO);
        return out;
    }

    private static List<BigDecimal> canonical(BigDecimal[] values) {
        List<BigDecimal> out = new ArrayList<>(values.length);
        for (BigDecimal v : values) {
            out.add(canonical(v));
        }
        return out;
    }

    private static BigDecimal canonical(BigDecimal d) {
        return Sql.canonical(d);
    }
}

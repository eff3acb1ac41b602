package dev.trader.backtest.challenge;

import dev.trader.backtest.RoundTrip;
import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The base run's trades as per-trade returns, grouped into the days they closed on (local days in
 * the prop firm's zone; days without a trade are kept as empty days): the blocks a Monte Carlo
 * resamples. A trade's return is its P&amp;L after fees over the balance when it opened (initial
 * capital plus the P&amp;L of trades closed before), its risk the loss at its stop (with fees at
 * {@code feeRate}) over the same balance; null risk for a trade without a stop.
 */
public record TradeSample(List<List<Trade>> days) {
    /** One trade: return and risk as fractions of the balance it opened with (18 significant digits). */
    public record Trade(BigDecimal ret, BigDecimal risk) {
    }

    private static final MathContext MC = new MathContext(18, RoundingMode.HALF_EVEN);

    public TradeSample {
        List<List<Trade>> copy = new ArrayList<>();
        for (List<Trade> d : days) {
            copy.add(List.copyOf(d));
        }
        days = List.copyOf(copy);
    }

    public static TradeSample of(List<RoundTrip> trades, Money initial, BigDecimal feeRate, LocalDate first, LocalDate last, ZoneId zone) {
        Map<LocalDate, List<Trade>> byDay = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            byDay.put(d, new ArrayList<>());
        }
        List<RoundTrip> sorted = new ArrayList<>(trades);
        sorted.sort((a, b) -> a.closeTime().compareTo(b.closeTime()));
        List<RoundTrip> byOpen = new ArrayList<>(trades);
        byOpen.sort((a, b) -> a.openTime().compareTo(b.openTime()));
        Map<RoundTrip, BigDecimal> balanceAtOpen = new java.util.IdentityHashMap<>(); // look-ups only
        BigDecimal closed = initial.toBigDecimal();
        int next = 0;
        for (RoundTrip t : byOpen) {
            while (next < sorted.size() && sorted.get(next).closeTime().isBefore(t.openTime())) {
                closed = closed.add(sorted.get(next++).pnlAfterFees().toBigDecimal());
            }
            balanceAtOpen.put(t, closed);
        }
        for (RoundTrip t : sorted) {
            BigDecimal balance = balanceAtOpen.get(t);
            BigDecimal ret = t.pnlAfterFees().toBigDecimal().divide(balance, MC);
            BigDecimal risk = null;
            if (t.initialStop() != null) {
                BigDecimal entry = t.entryPrice().toBigDecimal();
                BigDecimal stop = t.initialStop().toBigDecimal();
                BigDecimal perUnit = entry.subtract(stop).add(feeRate.multiply(entry.add(stop)));
                risk = perUnit.multiply(t.quantity().toBigDecimal()).divide(balance, MC);
            }
            byDay.computeIfAbsent(LocalDate.ofInstant(t.closeTime(), zone), k -> new ArrayList<>()).add(new Trade(ret, risk));
        }
        return new TradeSample(new ArrayList<>(byDay.values()));
    }

    public int trades() {
        int n = 0;
        for (List<Trade> d : days) {
            n += d.size();
        }
        return n;
    }
}

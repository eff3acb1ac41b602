package dev.trader.backtest;

import dev.trader.domain.money.Money;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Cash and equity once per bar timestamp of the merged timeline, after every bar of that
 * timestamp has been worked (fills) and decided on (signals): {@code time} is the bars' open
 * time, the values are as of their close. Equity is cash plus every position at its
 * instrument's latest close; drawdown is how far equity is below its running peak (&ge; 0). With
 * {@link EndOfData#CLOSE_AT_LAST_CLOSE} the last point is after the close-out.
 *
 * <p>Kept as raw {@code long}s at {@link Money#SCALE} decimals (exact; no per-bar objects);
 * {@link Money} on the way out.
 */
public final class EquityCurve {
    private final String currency;
    private final long[] times;
    private final long[] cash;
    private final long[] equity;
    private final long[] drawdown;
    private final int size;
    private final long maxDrawdown;

    EquityCurve(String currency, long[] times, long[] cash, long[] equity, int size) {
        this.currency = currency;
        this.size = size;
        this.times = times.length == size ? times : Arrays.copyOf(times, size);
        this.cash = cash.length == size ? cash : Arrays.copyOf(cash, size);
        this.equity = equity.length == size ? equity : Arrays.copyOf(equity, size);
        this.drawdown = new long[size];
        long peak = Long.MIN_VALUE;
        long max = 0;
        for (int i = 0; i < size; i++) {
            peak = Math.max(peak, this.equity[i]);
            drawdown[i] = Math.subtractExact(peak, this.equity[i]);
            max = Math.max(max, drawdown[i]);
        }
        this.maxDrawdown = max;
    }

    /**
     * A curve from given points (research slices, hand-made curves in tests): times in
     * increasing order, cash and equity in {@code currency} with at most {@link Money#SCALE}
     * decimals.
     *
     * @throws IllegalArgumentException on lists of different lengths, times not increasing, another currency
     */
    public static EquityCurve of(String currency, List<Instant> times, List<Money> cash, List<Money> equity) {
        int n = times.size();
        if (cash.size() != n || equity.size() != n) {
            throw new IllegalArgumentException("an equity curve needs as many cash and equity values as times: " + n + ", " + cash.size()
                    + ", " + equity.size());
        }
        long[] t = new long[n];
        long[] c = new long[n];
        long[] e = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = times.get(i).toEpochMilli();
            if (i > 0 && t[i] <= t[i - 1]) {
                throw new IllegalArgumentException("equity curve times must increase, but " + times.get(i) + " follows " + times.get(i - 1));
            }
            c[i] = raw(cash.get(i), currency);
            e[i] = raw(equity.get(i), currency);
        }
        return new EquityCurve(currency, t, c, e, n);
    }

    private static long raw(Money m, String currency) {
        if (!m.currency().equals(currency)) {
            throw new IllegalArgumentException(m + " is not in " + currency);
        }
        return FixedMath.moneyRaw(m);
    }

    public int size() {
        return size;
    }

    public String currency() {
        return currency;
    }

    public Instant time(int i) {
        return Instant.ofEpochMilli(times[check(i)]);
    }

    public long timeMillis(int i) {
        return times[check(i)];
    }

    public Money cash(int i) {
        return FixedMath.money(cash[check(i)], currency);
    }

    public Money equity(int i) {
        return FixedMath.money(equity[check(i)], currency);
    }

    public Money drawdown(int i) {
        return FixedMath.money(drawdown[check(i)], currency);
    }

    /** The peak of equity at point {@code i} (equity plus drawdown). */
    public Money peak(int i) {
        return FixedMath.money(equity[check(i)] + drawdown[i], currency);
    }

    /** The largest drawdown, zero for an empty curve. */
    public Money maxDrawdown() {
        return FixedMath.money(maxDrawdown, currency);
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("equity point " + i + " of " + size);
        }
        return i;
    }

    /** Grows as the run appends one point per timestamp. */
    static final class Builder {
        private long[] times;
        private long[] cash;
        private long[] equity;
        private int size;

        /** {@code capacity}: at most this many points (one per bar of the merged timeline) need no growth. */
        Builder(int capacity) {
            int n = Math.max(capacity, 16);
            times = new long[n];
            cash = new long[n];
            equity = new long[n];
        }

        void add(long time, long cashRaw, long equityRaw) {
            if (size == times.length) {
                int n = size * 2;
                times = Arrays.copyOf(times, n);
                cash = Arrays.copyOf(cash, n);
                equity = Arrays.copyOf(equity, n);
            }
            times[size] = time;
            cash[size] = cashRaw;
            equity[size] = equityRaw;
            size++;
        }

        void replaceLast(long cashRaw, long equityRaw) {
            cash[size - 1] = cashRaw;
            equity[size - 1] = equityRaw;
        }

        /** The curve; takes over the arrays (the builder is done). */
        EquityCurve build(String currency) {
            EquityCurve curve = new EquityCurve(currency, times, cash, equity, size);
            times = cash = equity = null;
            return curve;
        }
    }
}

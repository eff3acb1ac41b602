package dev.trader.risk.limits;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Price;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Pearson correlation of simple returns over the last {@code window} bars that two instruments
 * share (matched by bar time), immutable: {@link #onClose} returns the next value. Statistics
 * in double (it is a correlation estimate, not money). Fewer than {@code minSamples} common
 * returns, or a flat series, give no correlation.
 */
public final class RollingCorrelation implements Correlations {
    private final int window;
    private final int minSamples;
    private final Map<InstrumentId, Series> series;

    private record Series(long[] times, double[] returns, Instant lastTime, double lastClose) {
    }

    public RollingCorrelation(int window, int minSamples) {
        this(window, minSamples, Map.of());
    }

    private RollingCorrelation(int window, int minSamples, Map<InstrumentId, Series> series) {
        if (window < 2 || minSamples < 2 || minSamples > window) {
            throw new IllegalArgumentException("need 2 <= minSamples <= window but was window " + window + ", minSamples " + minSamples);
        }
        this.window = window;
        this.minSamples = minSamples;
        this.series = series;
    }

    /** The next state after a bar of {@code instrument} closed at {@code close}; a bar at or before the last one is ignored. */
    public RollingCorrelation onClose(InstrumentId instrument, Instant barTime, Price close) {
        Series s = series.get(instrument);
        double c = close.toDouble();
        Series next;
        if (s == null) {
            next = new Series(new long[0], new double[0], barTime, c);
        } else if (!barTime.isAfter(s.lastTime())) {
            return this;
        } else {
            int n = Math.min(s.returns().length + 1, window);
            long[] t = new long[n];
            double[] r = new double[n];
            int keep = n - 1;
            System.arraycopy(s.times(), s.times().length - keep, t, 0, keep);
            System.arraycopy(s.returns(), s.returns().length - keep, r, 0, keep);
            t[n - 1] = barTime.getEpochSecond();
            r[n - 1] = s.lastClose() == 0 ? 0 : c / s.lastClose() - 1;
            next = new Series(t, r, barTime, c);
        }
        Map<InstrumentId, Series> m = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        m.putAll(series);
        m.put(instrument, next);
        return new RollingCorrelation(window, minSamples, m);
    }

    @Override
    public OptionalDouble correlation(InstrumentId a, InstrumentId b) {
        if (a.equals(b)) {
            return OptionalDouble.of(1.0);
        }
        Series x = series.get(a);
        Series y = series.get(b);
        if (x == null || y == null) {
            return OptionalDouble.empty();
        }
        double[] xs = new double[Math.min(x.returns().length, y.returns().length)];
        double[] ys = new double[xs.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < x.times().length && j < y.times().length) {
            long ti = x.times()[i];
            long tj = y.times()[j];
            if (ti == tj) {
                xs[n] = x.returns()[i];
                ys[n] = y.returns()[j];
                n++;
                i++;
                j++;
            } else if (ti < tj) {
                i++;
            } else {
                j++;
            }
        }
        if (n < minSamples) {
            return OptionalDouble.empty();
        }
        return pearson(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
    }

    static OptionalDouble pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int k = 0; k < n; k++) {
            mx += x[k];
            my += y[k];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int k = 0; k < n; k++) {
            double dx = x[k] - mx;
            double dy = y[k] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(-1.0, Math.min(1.0, sxy / Math.sqrt(sxx * syy))));
    }
}

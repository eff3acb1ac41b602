package dev.trader.backtest.metrics;

import dev.trader.backtest.EquityCurve;
import dev.trader.domain.money.Money;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Simple returns of an equity curve, per bar and per UTC day (see the package conventions): the
 * first return is against the initial cash, a return after an equity value &le; 0 is
 * {@code NaN}.
 */
public final class Returns {
    private Returns() {
    }

    /** One return per equity point: {@code E[i] / E[i−1] − 1}, with {@code E[−1]} the initial cash. */
    public static double[] perBar(EquityCurve curve, Money initialCash) {
        double[] r = new double[curve.size()];
        double previous = initialCash.toBigDecimal().doubleValue();
        for (int i = 0; i < r.length; i++) {
            double e = curve.equity(i).toBigDecimal().doubleValue();
            r[i] = ratio(e, previous);
            previous = e;
        }
        return r;
    }

    /** One return per UTC day with points: the equity of the day's last point over the previous day's (or the initial cash). */
    public static double[] daily(EquityCurve curve, Money initialCash) {
        double[] dayEnds = dayEndEquity(curve);
        double[] r = new double[dayEnds.length];
        double previous = initialCash.toBigDecimal().doubleValue();
        for (int i = 0; i < r.length; i++) {
            r[i] = ratio(dayEnds[i], previous);
            previous = dayEnds[i];
        }
        return r;
    }

    private static double[] dayEndEquity(EquityCurve curve) {
        double[] out = new double[curve.size()];
        int days = 0;
        LocalDate current = null;
        for (int i = 0; i < curve.size(); i++) {
            LocalDate day = curve.time(i).atZone(ZoneOffset.UTC).toLocalDate();
            double e = curve.equity(i).toBigDecimal().doubleValue();
            if (day.equals(current)) {
                out[days - 1] = e;
            } else {
                out[days++] = e;
                current = day;
            }
        }
        return Arrays.copyOf(out, days);
    }

    private static double ratio(double now, double before) {
        return before > 0 ? now / before - 1 : Double.NaN;
    }
}

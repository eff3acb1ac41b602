package dev.trader.strategy.builtin;

import java.util.Arrays;
import java.util.List;

/**
 * Straightforward whole-series implementations of the indicators the strategies use, written
 * from their specifications (TA-Lib's seeding) and independent of {@code dev.trader.strategy.indicator}:
 * the tests compute what a strategy must do with these and compare. Each returns one value per
 * input, NaN in the warm-up.
 */
public final class Reference {
    private Reference() {
    }

    public static double[] closes(List<RealData.Candle> candles) {
        return candles.stream().mapToDouble(RealData.Candle::c).toArray();
    }

    /** EMA: the simple average of the first n values, then alpha = 2/(n+1), textbook form. */
    public static double[] ema(double[] x, int n) {
        double[] out = nans(x.length);
        if (x.length < n) {
            return out;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i];
        }
        double alpha = 2.0 / (n + 1);
        double e = sum / n;
        out[n - 1] = e;
        for (int i = n; i < x.length; i++) {
            e = alpha * x[i] + (1 - alpha) * e;
            out[i] = e;
        }
        return out;
    }

    /** ATR with Wilder's smoothing: true range from the second bar, first value the mean of the first n true ranges. */
    public static double[] atr(List<RealData.Candle> candles, int n) {
        double[] out = nans(candles.size());
        double sum = 0;
        double atr = Double.NaN;
        for (int i = 1; i < candles.size(); i++) {
            RealData.Candle c = candles.get(i);
            double previousClose = candles.get(i - 1).c();
            double tr = Math.max(c.h() - c.l(), Math.max(Math.abs(c.h() - previousClose), Math.abs(c.l() - previousClose)));
            if (i < n) {
                sum += tr;
            } else if (i == n) {
                sum += tr;
                atr = sum / n;
                out[i] = atr;
            } else {
                atr = (atr * (n - 1) + tr) / n;
                out[i] = atr;
            }
        }
        return out;
    }

    /** RSI with Wilder's smoothing: first value at input n + 1 from the plain means of the first n changes. */
    public static double[] rsi(double[] x, int n) {
        double[] out = nans(x.length);
        double gain = 0;
        double loss = 0;
        for (int i = 1; i < x.length; i++) {
            double change = x[i] - x[i - 1];
            double up = Math.max(change, 0);
            double down = Math.max(-change, 0);
            if (i < n) {
                gain += up;
                loss += down;
                continue;
            }
            if (i == n) {
                gain = (gain + up) / n;
                loss = (loss + down) / n;
            } else {
                gain = (gain * (n - 1) + up) / n;
                loss = (loss * (n - 1) + down) / n;
            }
            out[i] = gain + loss < 1e-8 ? 0.0 : 100.0 * gain / (gain + loss);
        }
        return out;
    }

    /** +1 / -1 where a - b crosses up / down against the last non-zero difference (a touch is no cross), else 0. */
    public static int[] crosses(double[] a, double[] b) {
        int[] out = new int[a.length];
        int last = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            if (Double.isNaN(d) || d == 0) {
                continue;
            }
            int sign = d > 0 ? 1 : -1;
            if (last != 0 && sign != last) {
                out[i] = sign;
            }
            last = sign;
        }
        return out;
    }

    public static boolean closeRelative(double expected, double actual, double relative) {
        return Math.abs(expected - actual) <= relative * Math.max(Math.abs(expected), 1e-300);
    }

    private static double[] nans(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}

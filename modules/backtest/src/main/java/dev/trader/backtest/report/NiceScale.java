package dev.trader.backtest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A value axis with "nice" ticks (1, 2, 2.5 or 5 × 10ⁿ apart) covering {@code [lo, hi]}, as a
 * person would label it.
 */
record NiceScale(double min, double max, double step) {

    static NiceScale of(double lo, double hi, int ticks) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.01 : 1;
            lo -= pad;
            hi += pad;
        }
        double step = nice((hi - lo) / Math.max(1, ticks - 1));
        return new NiceScale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
    }

    private static double nice(double raw) {
        double exp = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / exp;
        double n = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return n * exp;
    }

    List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        long first = Math.round(min / step);
        long last = Math.round(max / step);
        for (long k = first; k <= last; k++) {
            out.add(k * step);
        }
        return out;
    }

    /** A tick's label: as many decimals as the step needs, thousands separated. */
    String label(double v) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        if (step * Math.pow(10, decimals) % 1 > 1e-6) {
            decimals++; // 2.5 × 10ⁿ
        }
        double shown = Math.abs(v) < step / 1e6 ? 0 : v;
        return String.format(Locale.ROOT, "%,." + decimals + "f", shown);
    }
}

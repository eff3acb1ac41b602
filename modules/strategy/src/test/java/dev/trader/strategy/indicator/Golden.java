package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.TreeMap;

/** Comparison of an indicator's output series with a reference column, and the report of it. */
final class Golden {
    /** The task's bound: |ours − reference| ≤ 1e-9 · max(1, |reference|). */
    static final double TALIB_TOLERANCE = 1e-9;

    /** label → max relative error seen, printed by the golden tests for the report. */
    private static final Map<String, Double> REPORT = new TreeMap<>();

    private Golden() {
    }

    static double relativeError(double ours, double reference) {
        return Math.abs(ours - reference) / Math.max(1.0, Math.abs(reference));
    }

    /**
     * Asserts that {@code ours} is NaN exactly where {@code reference} is (the same warm-up) and
     * within {@code tolerance} relative elsewhere; returns and records the largest relative error.
     */
    static double assertMatches(String label, double[] ours, double[] reference, double tolerance) {
        assertEquals(reference.length, ours.length, label + ": series lengths");
        double max = 0;
        int compared = 0;
        int identical = 0;
        for (int i = 0; i < reference.length; i++) {
            if (Double.isNaN(reference[i]) != Double.isNaN(ours[i])) {
                fail(label + " row " + i + ": reference " + reference[i] + " but ours " + ours[i]
                        + " (warm-up differs)");
            }
            if (Double.isNaN(reference[i])) {
                continue;
            }
            compared++;
            if (Double.doubleToLongBits(ours[i]) == Double.doubleToLongBits(reference[i])) {
                identical++;
            }
            double e = relativeError(ours[i], reference[i]);
            max = Math.max(max, e);
            if (!(e <= tolerance)) {
                fail(label + " row " + i + ": reference " + reference[i] + " but ours " + ours[i]
                        + " (relative error " + e + " > " + tolerance + ")");
            }
        }
        if (compared == 0) {
            fail(label + ": nothing compared");
        }
        record(label + " [" + compared + " values, " + identical + " bit-identical]", max);
        return max;
    }

    /** The index of the first non-NaN value, -1 if none. */
    static int firstValue(double[] series) {
        for (int i = 0; i < series.length; i++) {
            if (!Double.isNaN(series[i])) {
                return i;
            }
        }
        return -1;
    }

    static synchronized void record(String label, double maxError) {
        REPORT.put(label, maxError);
        System.out.printf("golden: %-95s max error %.3e%n", label, maxError);
    }

    static synchronized String report() {
        StringBuilder sb = new StringBuilder("max relative error per golden column:\n");
        REPORT.forEach((k, v) -> sb.append(String.format("  %-90s %.3e%n", k, v)));
        return sb.toString();
    }
}

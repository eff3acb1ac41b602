package dev.trader.ml.drift;

import dev.trader.ml.feature.FeatureFrame;
import java.util.Arrays;
import java.util.List;

/**
 * What the training rows looked like, for drift checks: for each drift-tested feature its 101
 * quantiles (minimum, each percentile, maximum), and how many rows they summarise.
 */
public record FeatureReference(int rows, List<String> names, List<double[]> quantiles) {
    public static final int STEPS = 100;

    public FeatureReference {
        names = List.copyOf(names);
        quantiles = List.copyOf(quantiles);
    }

    public static FeatureReference of(FeatureFrame frame, int[] rows, List<String> names) {
        List<double[]> q = names.stream().map(n -> quantiles(frame.columns()[index(frame, n)], rows)).toList();
        return new FeatureReference(rows.length, names, q);
    }

    static int index(FeatureFrame frame, String name) {
        int i = frame.names().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("the feature frame has no feature " + name);
        }
        return i;
    }

    private static double[] quantiles(double[] column, int[] rows) {
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            values[i] = column[rows[i]];
        }
        Arrays.sort(values);
        double[] q = new double[STEPS + 1];
        for (int k = 0; k <= STEPS; k++) {
            double at = (double) k / STEPS * (values.length - 1);
            int lo = (int) Math.floor(at);
            int hi = Math.min(values.length - 1, lo + 1);
            q[k] = values[lo] + (at - lo) * (values[hi] - values[lo]);
        }
        return q;
    }
}

package dev.trader.ml.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A non-decreasing step function of the score fitted by pool-adjacent-violators, read with
 * linear interpolation between the pooled blocks' mean scores and held flat beyond the ends.
 */
public record IsotonicRegression(double[] x, double[] y) implements BinaryCalibrator {

    public static IsotonicRegression fit(double[] scores, boolean[] outcomes) {
        int n = scores.length;
        if (n == 0) {
            throw new IllegalArgumentException("isotonic calibration needs at least one row");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        List<double[]> blocks = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = order[k];
            // {sum of outcomes, sum of scores, weight}
            blocks.add(new double[] {outcomes[i] ? 1 : 0, scores[i], 1});
            while (blocks.size() > 1) {
                double[] last = blocks.get(blocks.size() - 1);
                double[] before = blocks.get(blocks.size() - 2);
                if (before[0] / before[2] < last[0] / last[2]) {
                    break;
                }
                before[0] += last[0];
                before[1] += last[1];
                before[2] += last[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        double[] x = new double[blocks.size()];
        double[] y = new double[blocks.size()];
        for (int b = 0; b < x.length; b++) {
            x[b] = blocks.get(b)[1] / blocks.get(b)[2];
            y[b] = blocks.get(b)[0] / blocks.get(b)[2];
        }
        return new IsotonicRegression(x, y);
    }

    @Override
    public double calibrate(double score) {
        if (score <= x[0]) {
            return y[0];
        }
        if (score >= x[x.length - 1]) {
            return y[y.length - 1];
        }
        int at = Arrays.binarySearch(x, score);
        if (at >= 0) {
            return y[at];
        }
        int hi = -at - 1;
        int lo = hi - 1;
        double w = (score - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + w * (y[hi] - y[lo]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsotonicRegression r && Arrays.equals(x, r.x) && Arrays.equals(y, r.y);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(x) * 31 + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "IsotonicRegression[" + x.length + " steps]";
    }
}

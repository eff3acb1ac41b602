package dev.trader.ml.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores of probabilistic predictions against outcomes: {@code p[row][class]} and
 * {@code label[row]} (a class index). The calibration error and the reliability diagram are
 * top-label: how often the most probable class happened, against how probable it was said to be.
 */
public final class ProbabilityMetrics {
    private ProbabilityMetrics() {
    }

    /** One bin of the reliability diagram: the rows whose top probability fell in [from, to). */
    public record Bin(double from, double to, int count, double meanConfidence, double accuracy) {
    }

    public static double accuracy(double[][] p, int[] label) {
        requireRows(p, label);
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += argmax(p[i]) == label[i] ? 1 : 0;
        }
        return (double) right / p.length;
    }

    /** The multi-class Brier score: the mean over rows of Σ_k (p_k − [k = outcome])², 0 best, 2 worst. */
    public static double brier(double[][] p, int[] label) {
        requireRows(p, label);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < p[i].length; k++) {
                double d = p[i][k] - (k == label[i] ? 1 : 0);
                sum += d * d;
            }
        }
        return sum / p.length;
    }

    /** Mean negative log-likelihood of the outcomes, probabilities clipped at 1e-15. */
    public static double logLoss(double[][] p, int[] label) {
        requireRows(p, label);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum -= Math.log(Math.max(1e-15, p[i][label[i]]));
        }
        return sum / p.length;
    }

    /** Expected calibration error over {@code bins} equal-width bins of the top probability: Σ (n_b / n)·|accuracy_b − confidence_b|. */
    public static double expectedCalibrationError(double[][] p, int[] label, int bins) {
        double ece = 0;
        int n = p.length;
        for (Bin b : reliability(p, label, bins)) {
            ece += (double) b.count() / n * Math.abs(b.accuracy() - b.meanConfidence());
        }
        return ece;
    }

    /** The reliability diagram's bins that hold rows. */
    public static List<Bin> reliability(double[][] p, int[] label, int bins) {
        requireRows(p, label);
        int[] count = new int[bins];
        double[] confidence = new double[bins];
        int[] right = new int[bins];
        for (int i = 0; i < p.length; i++) {
            int top = argmax(p[i]);
            double c = p[i][top];
            int b = Math.min(bins - 1, (int) (c * bins));
            count[b]++;
            confidence[b] += c;
            right[b] += top == label[i] ? 1 : 0;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                out.add(new Bin((double) b / bins, (double) (b + 1) / bins, count[b], confidence[b] / count[b], (double) right[b] / count[b]));
            }
        }
        return out;
    }

    public static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    private static void requireRows(double[][] p, int[] label) {
        if (p.length != label.length) {
            throw new IllegalArgumentException(p.length + " predictions for " + label.length + " outcomes");
        }
        if (p.length == 0) {
            throw new IllegalArgumentException("no rows to score");
        }
    }
}

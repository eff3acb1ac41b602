package dev.trader.ml.drift;

import dev.trader.ml.calibration.ClassCalibration;
import dev.trader.ml.eval.ProbabilityMetrics;
import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.label.DirectionLabeler;
import dev.trader.ml.registry.ModelCard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Does a model still fit the market? Each drift-tested feature of recent rows against its training
 * quantiles (Kolmogorov–Smirnov; drifted when the p-value is below {@code alpha} divided by the
 * number of features tested, Bonferroni, and D is at least {@code minEffect}, so that a huge
 * sample does not flag a shift too small to matter), and the model's Brier score on the recent
 * rows whose outcome is known against its out-of-sample score at training and against the recent
 * rows' own class frequencies. Either finding recommends retraining.
 */
public final class DriftCheck {
    private DriftCheck() {
    }

    public record FeatureDrift(String feature, double d, double pValue, boolean drifted) {
    }

    /** Recent performance: Brier on {@code rows} labelled recent rows, the card's out-of-sample Brier, a constant forecast's Brier on them. */
    public record Performance(int rows, double brier, double trainedBrier, double baselineBrier, boolean degraded) {
    }

    public record Report(int rows, List<FeatureDrift> features, Performance performance, boolean retrain, List<String> reasons) {
    }

    /**
     * Checks the rows of {@code frame} that close at or after {@code fromMs} (all of them with
     * {@code Long.MIN_VALUE}); the rows before only give a sequence model its past.
     */
    public static Report run(ModelCard card, FeatureReference reference, ClassCalibration model, FeatureFrame frame, long fromMs, double alpha,
                             double minEffect, double tolerance) {
        FeatureFrame recent = frame.from(fromMs);
        if (recent.rows() == 0) {
            throw new IllegalArgumentException("no recent feature rows to check (the data is shorter than the features' warm-up?)");
        }
        List<FeatureDrift> features = new ArrayList<>();
        double threshold = alpha / reference.names().size();
        double effective = (double) recent.rows() * reference.rows() / (recent.rows() + reference.rows());
        List<String> reasons = new ArrayList<>();
        for (int f = 0; f < reference.names().size(); f++) {
            String name = reference.names().get(f);
            double[] sample = recent.columns()[FeatureReference.index(recent, name)].clone();
            Arrays.sort(sample);
            double d = KolmogorovSmirnov.statistic(sample, reference.quantiles().get(f));
            double p = KolmogorovSmirnov.pValue(d, effective);
            boolean drifted = p < threshold && d >= minEffect;
            features.add(new FeatureDrift(name, d, p, drifted));
            if (drifted) {
                reasons.add(String.format(java.util.Locale.ROOT, "%s drifted (D %.3f, p %.2g)", name, d, p));
            }
        }
        Performance performance = performance(card, model, frame, fromMs, tolerance);
        if (performance != null && performance.degraded()) {
            reasons.add(String.format(java.util.Locale.ROOT, "Brier %.4f on %d recent rows, above %.4f at training and not below a constant "
                    + "forecast's %.4f", performance.brier(), performance.rows(), performance.trainedBrier(), performance.baselineBrier()));
        }
        return new Report(recent.rows(), features, performance, !reasons.isEmpty(), reasons);
    }

    private static Performance performance(ModelCard card, ClassCalibration model, FeatureFrame frame, long fromMs, double tolerance) {
        int[] labels = new DirectionLabeler(Duration.ofMinutes(card.horizonMinutes()), card.bandBps())
                .label(frame.instrument(), frame.closeTimeMs(), frame.close());
        List<Integer> rows = new ArrayList<>();
        double[] counts = {1, 1, 1};
        for (int i = 0; i < frame.rows(); i++) {
            if (labels[i] >= 0 && frame.closeTimeMs()[i] >= fromMs) {
                rows.add(i);
                counts[labels[i]]++;
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        int[] recentRows = rows.stream().mapToInt(Integer::intValue).toArray();
        int[] outcomes = dev.trader.ml.eval.WalkForwardEvaluation.pick(labels, recentRows);
        double brier = ProbabilityMetrics.brier(model.probabilities(frame, recentRows), outcomes);
        double n = counts[0] + counts[1] + counts[2];
        double[] constant = {counts[0] / n, counts[1] / n, counts[2] / n};
        double[][] base = new double[outcomes.length][];
        Arrays.fill(base, constant);
        double baseline = ProbabilityMetrics.brier(base, outcomes);
        double trained = card.outOfSample().brier();
        return new Performance(outcomes.length, brier, trained, baseline, brier > trained * (1 + tolerance) && brier >= baseline);
    }
}

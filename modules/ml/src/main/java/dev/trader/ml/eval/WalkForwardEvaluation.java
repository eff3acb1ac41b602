package dev.trader.ml.eval;

import dev.trader.ml.calibration.CalibrationMethod;
import dev.trader.ml.calibration.ClassCalibration;
import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.label.Direction;
import dev.trader.ml.model.ModelKind;
import dev.trader.ml.model.Training;
import dev.trader.ml.model.DirectionModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Walk-forward evaluation: for each fold of a {@link WalkForwardPlan}, every model kind is
 * trained on the fold's training rows, calibrated (Platt and isotonic) on its calibration rows
 * and scored on its test rows, next to the naive baseline (the training rows' class frequencies
 * as a constant forecast). Test rows of all folds are pooled, so every figure is out of sample.
 */
public final class WalkForwardEvaluation {
    public static final String BASELINE = "baseline:class-frequencies";

    private WalkForwardEvaluation() {
    }

    /** Everything the evaluation found: the pooled scores by predictor name ({@code kind+calibration}) and each fold. */
    public record Result(WalkForwardPlan plan, Map<String, ScoredPredictions> scores, List<FoldSummary> folds, int[] pooledLabels) {
        public ScoredPredictions baseline() {
            return scores.get(BASELINE);
        }

        public ScoredPredictions of(ModelKind kind, CalibrationMethod method) {
            return scores.get(name(kind, method));
        }
    }

    public static String name(ModelKind kind, CalibrationMethod method) {
        return kind.id() + "+" + method.id();
    }

    public static Result run(FeatureFrame frame, int[] labels, WalkForwardPlan plan, List<ModelKind> kinds, long seed,
                             ConfidenceTier.Thresholds thresholds, Progress progress) {
        List<WalkForwardPlan.Fold> folds = plan.folds(frame, labels);
        Map<String, List<double[]>> pooled = new LinkedHashMap<>();
        List<Integer> pooledLabels = new ArrayList<>();
        List<FoldSummary> summaries = new ArrayList<>();
        int steps = folds.size() * kinds.size();
        int done = 0;
        for (WalkForwardPlan.Fold fold : folds) {
            if (fold.trainRows().length == 0 || fold.calibrationRows().length == 0 || fold.testRows().length == 0) {
                throw new IllegalArgumentException("fold " + fold.index() + " has " + fold.trainRows().length + " training, "
                        + fold.calibrationRows().length + " calibration and " + fold.testRows().length
                        + " test rows: too little data for " + plan.folds() + " folds");
            }
            int[] testLabels = pick(labels, fold.testRows());
            for (int l : testLabels) {
                pooledLabels.add(l);
            }
            Map<String, Double> foldBrier = new TreeMap<>();
            double[][] prior = constant(frequencies(labels, fold.trainRows(), fold.calibrationRows()), testLabels.length);
            add(pooled, BASELINE, prior);
            foldBrier.put(BASELINE, ProbabilityMetrics.brier(prior, testLabels));
            for (ModelKind kind : kinds) {
                progress.step("fold " + fold.index() + "/" + folds.size() + ": " + kind.id(), done, steps);
                DirectionModel model = Training.train(kind, seed, frame, labels, fold.trainRows(), "walk-forward fold " + fold.index());
                double[][] calibrationScores = model.probabilities(frame, fold.calibrationRows());
                double[][] testScores = model.probabilities(frame, fold.testRows());
                int[] calibrationLabels = pick(labels, fold.calibrationRows());
                for (CalibrationMethod method : CalibrationMethod.values()) {
                    ClassCalibration calibration = ClassCalibration.fit(model, method, calibrationScores, calibrationLabels);
                    double[][] calibrated = new double[testScores.length][];
                    for (int i = 0; i < testScores.length; i++) {
                        calibrated[i] = calibration.apply(testScores[i]);
                    }
                    add(pooled, name(kind, method), calibrated);
                    foldBrier.put(name(kind, method), ProbabilityMetrics.brier(calibrated, testLabels));
                }
                done++;
            }
            summaries.add(new FoldSummary(fold.index(), Instant.ofEpochMilli(fold.trainFromMs()), Instant.ofEpochMilli(fold.calibrationFromMs()),
                    Instant.ofEpochMilli(fold.testFromMs()), Instant.ofEpochMilli(fold.testToMs()), fold.trainRows().length,
                    fold.calibrationRows().length, fold.testRows().length, foldBrier));
        }
        progress.step("scoring", steps, steps);
        int[] all = pooledLabels.stream().mapToInt(Integer::intValue).toArray();
        Map<String, ScoredPredictions> scores = new LinkedHashMap<>();
        pooled.forEach((name, p) -> scores.put(name, ScoredPredictions.of(name, p.toArray(double[][]::new), all, thresholds)));
        return new Result(plan, scores, summaries, all);
    }

    /** The class frequencies of the given rows, smoothed by one of each so no class has probability zero. */
    static double[] frequencies(int[] labels, int[]... rowSets) {
        double[] f = new double[Direction.values().length];
        java.util.Arrays.fill(f, 1);
        double n = f.length;
        for (int[] rows : rowSets) {
            for (int i : rows) {
                f[labels[i]]++;
                n++;
            }
        }
        for (int k = 0; k < f.length; k++) {
            f[k] /= n;
        }
        return f;
    }

    private static double[][] constant(double[] p, int rows) {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = p.clone();
        }
        return out;
    }

    private static void add(Map<String, List<double[]>> pooled, String name, double[][] p) {
        List<double[]> list = pooled.computeIfAbsent(name, n -> new ArrayList<>());
        for (double[] row : p) {
            list.add(row);
        }
    }

    /** The labels of the given rows, in that order. */
    public static int[] pick(int[] labels, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = labels[rows[i]];
        }
        return out;
    }
}

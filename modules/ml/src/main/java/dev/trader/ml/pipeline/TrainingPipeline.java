package dev.trader.ml.pipeline;

import dev.trader.ml.calibration.ClassCalibration;
import dev.trader.ml.drift.FeatureReference;
import dev.trader.ml.eval.Progress;
import dev.trader.ml.eval.ScoredPredictions;
import dev.trader.ml.eval.WalkForwardEvaluation;
import dev.trader.ml.eval.WalkForwardPlan;
import dev.trader.ml.feature.DataVersion;
import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.feature.FeatureNames;
import dev.trader.ml.label.DirectionLabeler;
import dev.trader.ml.model.DirectionModel;
import dev.trader.ml.model.ModelKind;
import dev.trader.ml.model.Training;
import dev.trader.ml.registry.CalibratorSpec;
import dev.trader.ml.registry.ModelCard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Features → labels → walk-forward evaluation of every model kind → the final model of the
 * chosen kind, trained on all but the last slice of the data and calibrated on that slice → its
 * card, with the out-of-sample figures of the walk-forward and the promotion gate's verdict.
 * Nothing here is registered or written: {@link TrainingOutcome} is handed to the registry and
 * the report.
 */
public final class TrainingPipeline {
    private TrainingPipeline() {
    }

    public static TrainingOutcome run(TrainingSpec spec, FeatureFrame frame, DataVersion data, Progress progress) {
        DirectionLabeler labeler = new DirectionLabeler(spec.horizon(), spec.bandBps());
        int[] labels = labeler.label(frame.instrument(), frame.closeTimeMs(), frame.close());
        WalkForwardPlan plan = new WalkForwardPlan(spec.folds(), spec.initialTrainFraction(), spec.calibrationFraction(), spec.horizon());
        // One scale for the whole run: every fold's models, then the final model.
        int steps = spec.folds() * spec.compared().size() + 1;
        WalkForwardEvaluation.Result evaluation = WalkForwardEvaluation.run(frame, labels, plan, spec.compared(), spec.seed(),
                spec.tiers(), (what, done, total) -> progress.step(what, done, steps));

        // The final model: the same split as a fold whose test window starts after the data ends.
        WalkForwardPlan.Fold last = finalSplit(frame, labels, spec);
        progress.step("final " + spec.kind().id() + " model", steps - 1, steps);
        DirectionModel classifier = Training.train(spec.kind(), spec.seed(), frame, labels, last.trainRows(), "final " + spec.name());
        double[][] scores = classifier.probabilities(frame, last.calibrationRows());
        int[] calibrationLabels = WalkForwardEvaluation.pick(labels, last.calibrationRows());
        ClassCalibration calibration = ClassCalibration.fit(classifier, spec.calibration(), scores, calibrationLabels);
        progress.step("final " + spec.kind().id() + " model", steps, steps);

        ScoredPredictions chosen = evaluation.of(spec.kind(), spec.calibration());
        ScoredPredictions baseline = evaluation.baseline();
        List<String> reasons = new ArrayList<>();
        if (chosen.expectedCalibrationError() > spec.maxCalibrationError()) {
            reasons.add(String.format("calibration error %.4f above %.4f", chosen.expectedCalibrationError(), spec.maxCalibrationError()));
        }
        if (chosen.brier() >= baseline.brier()) {
            reasons.add(String.format("Brier %.4f not below the baseline's %.4f", chosen.brier(), baseline.brier()));
        }
        List<CalibratorSpec> calibrators = new ArrayList<>();
        for (int k = 0; k < calibration.classes(); k++) {
            calibrators.add(CalibratorSpec.of(calibration.calibrator(k)));
        }
        ModelCard card = new ModelCard(spec.name(), null, spec.kind().id(), spec.seed(), classifier.fingerprint(), data,
                frame.names(), classifier.lookback(), (int) spec.horizon().toMinutes(), spec.bandBps(), spec.calibration().id(), calibrators, classifier.standardizer(),
                spec.tiers(), Instant.ofEpochMilli(last.trainFromMs()), Instant.ofEpochMilli(last.testFromMs()),
                new ModelCard.Figures(chosen.rows(), spec.folds(), chosen.accuracy(), chosen.brier(), chosen.logLoss(),
                        chosen.expectedCalibrationError(), baseline.accuracy(), baseline.brier(), chosen.brierSkillAgainst(baseline), tierCalls(chosen)),
                new ModelCard.Gate(reasons.isEmpty(), spec.maxCalibrationError(), reasons),
                FeatureReference.of(frame, last.trainRows(), FeatureNames.DRIFT_TESTED));
        return new TrainingOutcome(spec, card, classifier, calibration, evaluation, labelCounts(labels));
    }

    private static WalkForwardPlan.Fold finalSplit(FeatureFrame frame, int[] labels, TrainingSpec spec) {
        long lastClose = Long.MIN_VALUE;
        for (long t : frame.closeTimeMs()) {
            lastClose = Math.max(lastClose, t);
        }
        // One fold whose test window is empty: a plan with the whole period as "initial training".
        WalkForwardPlan whole = new WalkForwardPlan(1, 0.999_999, spec.calibrationFraction(), spec.horizon());
        WalkForwardPlan.Fold f = whole.folds(frame, labels).get(0);
        return new WalkForwardPlan.Fold(0, f.trainFromMs(), f.calibrationFromMs(), lastClose + 1, lastClose + 1, f.trainRows(),
                f.calibrationRows(), new int[0]);
    }

    private static java.util.Map<String, Integer> tierCalls(ScoredPredictions p) {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        p.tiers().forEach((tier, m) -> out.put(tier.name(), m.calls()));
        return out;
    }

    private static int[] labelCounts(int[] labels) {
        int[] counts = new int[4];
        for (int l : labels) {
            counts[l < 0 ? 3 : l]++;
        }
        return counts;
    }
}

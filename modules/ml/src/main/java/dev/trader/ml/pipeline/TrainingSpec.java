package dev.trader.ml.pipeline;

import dev.trader.ml.calibration.CalibrationMethod;
import dev.trader.ml.eval.ConfidenceTier;
import dev.trader.ml.model.ModelKind;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What to train: the model's registry name, its kind and calibration, the other kinds the
 * walk-forward evaluates beside it ({@code compared}; the chosen kind is always among them), the
 * label (direction over {@code horizon} outside a band of {@code bandBps}), the walk-forward plan,
 * the seed, the confidence tiers and the promotion gate's largest calibration error.
 */
public record TrainingSpec(String name, ModelKind kind, List<ModelKind> compared, CalibrationMethod calibration, Duration horizon, double bandBps,
                           int folds, double initialTrainFraction, double calibrationFraction, long seed, ConfidenceTier.Thresholds tiers,
                           double maxCalibrationError) {
    /** The tabular models: the LSTM takes minutes where they take seconds, so it is evaluated when asked for. */
    public static final List<ModelKind> TABULAR = List.of(ModelKind.XGBOOST, ModelKind.LOGISTIC);

    public static TrainingSpec defaults(String name) {
        return new TrainingSpec(name, ModelKind.XGBOOST, TABULAR, CalibrationMethod.PLATT, Duration.ofMinutes(15), 10, 4, 0.5, 0.2, 42,
                ConfidenceTier.Thresholds.DEFAULT, 0.05);
    }

    public TrainingSpec {
        LinkedHashSet<ModelKind> kinds = new LinkedHashSet<>(compared);
        kinds.add(kind);
        compared = List.copyOf(kinds);
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("a model name is lower-case letters, digits and dashes (at most 63), not '" + name + "'");
        }
        if (horizon.toMinutes() < 1 || horizon.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("the label horizon is a whole number of minutes, not " + horizon);
        }
        if (!(maxCalibrationError > 0 && maxCalibrationError < 1)) {
            throw new IllegalArgumentException("the gate's calibration error bound must be between 0 and 1, not " + maxCalibrationError);
        }
    }

    public TrainingSpec withKind(ModelKind k) {
        return new TrainingSpec(name, k, compared, calibration, horizon, bandBps, folds, initialTrainFraction, calibrationFraction, seed, tiers,
                maxCalibrationError);
    }

    public TrainingSpec withCalibration(CalibrationMethod c) {
        return new TrainingSpec(name, kind, compared, c, horizon, bandBps, folds, initialTrainFraction, calibrationFraction, seed, tiers, maxCalibrationError);
    }

    /** Evaluates exactly these kinds beside the chosen one. */
    public TrainingSpec comparing(List<ModelKind> kinds) {
        return new TrainingSpec(name, kind, kinds, calibration, horizon, bandBps, folds, initialTrainFraction, calibrationFraction, seed, tiers,
                maxCalibrationError);
    }

    public TrainingSpec withFolds(int n) {
        return new TrainingSpec(name, kind, compared, calibration, horizon, bandBps, n, initialTrainFraction, calibrationFraction, seed, tiers,
                maxCalibrationError);
    }

    public TrainingSpec withSeed(long s) {
        return new TrainingSpec(name, kind, compared, calibration, horizon, bandBps, folds, initialTrainFraction, calibrationFraction, s, tiers,
                maxCalibrationError);
    }
}

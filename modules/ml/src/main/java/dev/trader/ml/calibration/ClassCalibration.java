package dev.trader.ml.calibration;

import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.feature.FeatureHistory;
import dev.trader.ml.model.ClassProbabilities;

/**
 * Calibrates each class's probability one-vs-rest and renormalizes them to sum to one: fitted on
 * rows the model was not trained on (the calibration slice of a walk-forward fold).
 */
public final class ClassCalibration implements ClassProbabilities {
    private final ClassProbabilities model;
    private final CalibrationMethod method;
    private final BinaryCalibrator[] perClass;

    private ClassCalibration(ClassProbabilities model, CalibrationMethod method, BinaryCalibrator[] perClass) {
        this.model = model;
        this.method = method;
        this.perClass = perClass;
    }

    /** Fits on the model's probabilities {@code scores[row][class]} for rows whose outcomes are {@code labels[row]}. */
    public static ClassCalibration fit(ClassProbabilities model, CalibrationMethod method, double[][] scores, int[] labels) {
        int classes = scores.length == 0 ? 3 : scores[0].length;
        BinaryCalibrator[] perClass = new BinaryCalibrator[classes];
        for (int k = 0; k < classes; k++) {
            double[] s = new double[scores.length];
            boolean[] o = new boolean[scores.length];
            for (int i = 0; i < scores.length; i++) {
                s[i] = scores[i][k];
                o[i] = labels[i] == k;
            }
            perClass[k] = switch (method) {
                case NONE -> p -> p;
                case PLATT -> PlattScaling.fit(s, o);
                case ISOTONIC -> IsotonicRegression.fit(s, o);
            };
        }
        return new ClassCalibration(model, method, perClass);
    }

    /** A calibration read back from its stored per-class calibrators. */
    public static ClassCalibration of(ClassProbabilities model, CalibrationMethod method, BinaryCalibrator[] perClass) {
        return new ClassCalibration(model, method, perClass.clone());
    }

    public CalibrationMethod method() {
        return method;
    }

    public BinaryCalibrator calibrator(int k) {
        return perClass[k];
    }

    public int classes() {
        return perClass.length;
    }

    /** Calibrates probabilities the model already gave. */
    public double[] apply(double[] raw) {
        double[] out = new double[raw.length];
        double sum = 0;
        for (int k = 0; k < raw.length; k++) {
            out[k] = Math.max(0, perClass[k].calibrate(raw[k]));
            sum += out[k];
        }
        if (sum <= 0) {
            return raw.clone();
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= sum;
        }
        return out;
    }

    @Override
    public double[] probabilities(FeatureHistory history) {
        return apply(model.probabilities(history));
    }

    @Override
    public double[][] probabilities(FeatureFrame frame, int[] rows) {
        double[][] raw = model.probabilities(frame, rows);
        double[][] out = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            out[i] = apply(raw[i]);
        }
        return out;
    }
}

package dev.trader.ml.registry;

import dev.trader.ml.calibration.BinaryCalibrator;
import dev.trader.ml.calibration.CalibrationMethod;
import dev.trader.ml.calibration.IsotonicRegression;
import dev.trader.ml.calibration.PlattScaling;

/** One class's calibrator as the model card stores it: Platt's a and b, or the isotonic steps. */
public record CalibratorSpec(Double a, Double b, double[] x, double[] y) {

    public static CalibratorSpec of(BinaryCalibrator c) {
        if (c instanceof PlattScaling p) {
            return new CalibratorSpec(p.a(), p.b(), null, null);
        }
        if (c instanceof IsotonicRegression r) {
            return new CalibratorSpec(null, null, r.x(), r.y());
        }
        return new CalibratorSpec(null, null, null, null);
    }

    public BinaryCalibrator toCalibrator(CalibrationMethod method) {
        return switch (method) {
            case NONE -> p -> p;
            case PLATT -> new PlattScaling(require(a, "a"), require(b, "b"));
            case ISOTONIC -> {
                if (x == null || y == null || x.length == 0 || x.length != y.length) {
                    throw new IllegalArgumentException("an isotonic calibrator needs as many steps in x as in y, at least one");
                }
                yield new IsotonicRegression(x, y);
            }
        };
    }

    private static double require(Double v, String name) {
        if (v == null || !Double.isFinite(v)) {
            throw new IllegalArgumentException("a Platt calibrator needs a finite " + name);
        }
        return v;
    }
}

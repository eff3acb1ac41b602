package dev.trader.ml.calibration;

import java.util.Locale;

/** How class scores become probabilities: as the model gives them, Platt's sigmoid, or isotonic. */
public enum CalibrationMethod {
    NONE, PLATT, ISOTONIC;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CalibrationMethod parse(String id) {
        try {
            return valueOf(id.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown calibration '" + id + "'; known are none, platt, isotonic", e);
        }
    }
}

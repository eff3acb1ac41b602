package dev.trader.ml.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void isotonicPoolsAdjacentViolatorsAsWorkedByHand() {
        // Sorted scores with outcomes 1,0,0,1,1: the first three pool to 1/3 (the 1 then two 0s violate); the last two,
        // equal, pool to 1 at their mean score 0.45.
        double[] s = {0.1, 0.2, 0.3, 0.4, 0.5};
        boolean[] o = {true, false, false, true, true};
        IsotonicRegression r = IsotonicRegression.fit(s, o);
        assertArrayEquals(new double[] {0.2, 0.45}, r.x(), 1e-12);
        assertArrayEquals(new double[] {1.0 / 3, 1}, r.y(), 1e-12);
        assertEquals(1.0 / 3, r.calibrate(0.05), 1e-12, "flat below the first block");
        assertEquals(0.6, r.calibrate(0.3), 1e-12, "linear between block centres: 1/3 + (0.1 / 0.25)·(2/3)");
        assertEquals(1, r.calibrate(0.9), 1e-12);
    }

    @Test
    void isotonicIsNonDecreasing() {
        Random rnd = new Random(3);
        double[] s = new double[2_000];
        boolean[] o = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = rnd.nextDouble();
            o[i] = rnd.nextDouble() < s[i] * s[i];
        }
        IsotonicRegression r = IsotonicRegression.fit(s, o);
        double previous = -1;
        for (double x = 0; x <= 1; x += 0.001) {
            double y = r.calibrate(x);
            assertTrue(y >= previous - 1e-15, "non-decreasing at " + x);
            previous = y;
        }
    }

    @Test
    void plattRecoversAKnownSigmoidOfTheLogit() {
        // Outcomes drawn with P(1 | s) = 1 / (1 + exp(a·logit(s) + b)) for a = -2, b = 0.5.
        Random rnd = new Random(11);
        int n = 40_000;
        double[] s = new double[n];
        boolean[] o = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = 0.02 + 0.96 * rnd.nextDouble();
            double z = -2 * Math.log(s[i] / (1 - s[i])) + 0.5;
            o[i] = rnd.nextDouble() < 1 / (1 + Math.exp(z));
        }
        PlattScaling p = PlattScaling.fit(s, o);
        assertEquals(-2, p.a(), 0.08);
        assertEquals(0.5, p.b(), 0.06);
    }

    @Test
    void perClassCalibrationSumsToOne() {
        double[][] scores = {{0.7, 0.2, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.3, 0.6}, {0.6, 0.3, 0.1}, {0.3, 0.3, 0.4}};
        int[] labels = {0, 1, 2, 1, 2};
        for (CalibrationMethod m : CalibrationMethod.values()) {
            ClassCalibration c = ClassCalibration.fit(h -> h.latest(), m, scores, labels);
            for (double[] row : scores) {
                double[] p = c.apply(row);
                assertEquals(1, p[0] + p[1] + p[2], 1e-12, m.toString());
            }
        }
        assertArrayEquals(scores[1], ClassCalibration.fit(h -> h.latest(), CalibrationMethod.NONE, scores, labels).apply(scores[1]), 1e-12);
    }
}

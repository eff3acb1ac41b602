package dev.trader.ml.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbabilityMetricsTest {
    private static final double[][] P = {{0.8, 0.1, 0.1}, {0.2, 0.5, 0.3}, {0.3, 0.3, 0.4}, {0.05, 0.05, 0.9}};
    private static final int[] Y = {0, 2, 2, 2};

    @Test
    void brierAccuracyAndLogLossAsComputedByHand() {
        // Brier rows: (0.04+0.01+0.01) + (0.04+0.25+0.49) + (0.09+0.09+0.36) + (0.0025+0.0025+0.01) = 0.06+0.78+0.54+0.015
        assertEquals((0.06 + 0.78 + 0.54 + 0.015) / 4, ProbabilityMetrics.brier(P, Y), 1e-12);
        assertEquals(0.75, ProbabilityMetrics.accuracy(P, Y), 1e-12, "rows 1, 3, 4 right");
        assertEquals(-(Math.log(0.8) + Math.log(0.3) + Math.log(0.4) + Math.log(0.9)) / 4, ProbabilityMetrics.logLoss(P, Y), 1e-12);
    }

    @Test
    void calibrationErrorWeighsEachBinsGapByItsRows() {
        // Top probabilities 0.8 (right), 0.5 (wrong), 0.4 (right), 0.9 (right): bins [0.4,0.5) [0.5,0.6) [0.8,0.9) [0.9,1.0].
        List<ProbabilityMetrics.Bin> bins = ProbabilityMetrics.reliability(P, Y, 10);
        assertEquals(4, bins.size());
        double ece = (Math.abs(1 - 0.4) + Math.abs(0 - 0.5) + Math.abs(1 - 0.8) + Math.abs(1 - 0.9)) / 4;
        assertEquals(ece, ProbabilityMetrics.expectedCalibrationError(P, Y, 10), 1e-12);
    }
}

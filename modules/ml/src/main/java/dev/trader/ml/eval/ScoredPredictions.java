package dev.trader.ml.eval;

import java.util.List;
import java.util.Map;

/** How well one way of predicting did out of sample: the figures the report and the promotion gate read. */
public record ScoredPredictions(String name, int rows, double accuracy, double brier, double logLoss, double expectedCalibrationError,
                                List<ProbabilityMetrics.Bin> reliability, Map<ConfidenceTier, TierMetrics> tiers) {

    static final int BINS = 10;

    public static ScoredPredictions of(String name, double[][] p, int[] label, ConfidenceTier.Thresholds thresholds) {
        return new ScoredPredictions(name, p.length, ProbabilityMetrics.accuracy(p, label), ProbabilityMetrics.brier(p, label),
                ProbabilityMetrics.logLoss(p, label), ProbabilityMetrics.expectedCalibrationError(p, label, BINS),
                ProbabilityMetrics.reliability(p, label, BINS), TierMetrics.of(p, label, thresholds));
    }

    /** 1 − Brier / baseline's Brier: above zero only when these predictions beat the baseline's. */
    public double brierSkillAgainst(ScoredPredictions baseline) {
        return 1 - brier / baseline.brier;
    }
}

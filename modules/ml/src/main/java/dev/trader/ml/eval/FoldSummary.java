package dev.trader.ml.eval;

import java.time.Instant;
import java.util.Map;

/** One walk-forward fold as the report shows it: its periods, its row counts and each predictor's Brier score on its test rows. */
public record FoldSummary(int index, Instant trainFrom, Instant calibrationFrom, Instant testFrom, Instant testTo, int trainRows,
                          int calibrationRows, int testRows, Map<String, Double> brier) {
}

package dev.trader.ml.model;

import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.feature.FeatureHistory;
import dev.trader.ml.feature.FrameHistory;

/** A model's answer for one moment: P(DOWN), P(FLAT), P(UP), in {@link dev.trader.ml.label.Direction} order, summing to 1. */
@FunctionalInterface
public interface ClassProbabilities {
    /** The answer at the latest row of {@code history}. */
    double[] probabilities(FeatureHistory history);

    /** The answers at the given rows of a frame, in that order; a model that predicts a batch faster overrides this. */
    default double[][] probabilities(FeatureFrame frame, int[] rows) {
        FrameHistory history = FrameHistory.of(frame);
        double[][] out = new double[rows.length][];
        for (int j = 0; j < rows.length; j++) {
            out[j] = probabilities(history.at(rows[j]));
        }
        return out;
    }
}

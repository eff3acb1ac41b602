package dev.trader.ml.eval;

import dev.trader.ml.label.Direction;

/**
 * How sure a directional call is: the calibrated probability of the direction called. A row
 * whose most probable class is FLAT makes no call ({@link #NONE}).
 */
public enum ConfidenceTier {
    NONE, LOW, MEDIUM, HIGH;

    /** The tier of a probability {@code p} of the called direction, with the thresholds of {@code tiers}. */
    public static ConfidenceTier of(double p, Thresholds tiers) {
        return p >= tiers.high() ? HIGH : p >= tiers.medium() ? MEDIUM : LOW;
    }

    /** The call of one row's probabilities: its tier, or NONE when FLAT is the most probable. */
    public static ConfidenceTier call(double[] p, Thresholds tiers) {
        int top = ProbabilityMetrics.argmax(p);
        return top == Direction.FLAT.ordinal() ? NONE : of(p[top], tiers);
    }

    /** Lower bounds of the MEDIUM and HIGH tiers on the called direction's probability. */
    public record Thresholds(double medium, double high) {
        public static final Thresholds DEFAULT = new Thresholds(0.45, 0.55);

        public Thresholds {
            if (!(0 < medium && medium <= high && high <= 1)) {
                throw new IllegalArgumentException("tier thresholds must satisfy 0 < medium <= high <= 1 but were " + medium + " and " + high);
            }
        }
    }
}

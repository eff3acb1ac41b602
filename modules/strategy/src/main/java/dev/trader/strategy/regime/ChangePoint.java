package dev.trader.strategy.regime;

import java.util.Objects;

/**
 * A change in the mean of the returns flagged by {@link CusumChangeDetector}.
 *
 * @param index the return (0-based, counting every return fed) at which the alarm went off
 * @param estimatedStart the first return of the run of evidence that set it off: CUSUM's own
 *        estimate of where the change began (the statistic was last zero just before it)
 * @param direction whether the mean moved up or down
 * @param statistic the CUSUM value that crossed the threshold, in reference standard deviations
 * @param referenceMean the mean return of the reference window the alarm was measured against
 * @param referenceStdDev its standard deviation
 */
public record ChangePoint(long index, long estimatedStart, ChangeDirection direction, double statistic,
                          double referenceMean, double referenceStdDev) {
    public ChangePoint {
        Objects.requireNonNull(direction, "direction");
    }
}

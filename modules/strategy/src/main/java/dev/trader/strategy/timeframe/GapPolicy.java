package dev.trader.strategy.timeframe;

/**
 * What a {@link BarResampler} does with a target-timeframe bucket into which no base bar fell
 * (an exchange outage, a maintenance window, a hole in a data file).
 */
public enum GapPolicy {
    /**
     * An empty bucket produces no bar: the resampled series has a hole exactly where the base
     * series has one. A bucket with some base bars produces a bar from just those bars.
     */
    SKIP,
    /**
     * An empty bucket produces a flat bar at the previous bar's close with zero volume, flagged
     * {@link ResampledBar#carriedForward()}, so that bar-counting indicators keep a regular
     * clock. Nothing is filled before the first bar, since there is no previous close.
     * Partially filled buckets are treated as under {@link #SKIP}.
     */
    CARRY_FORWARD
}

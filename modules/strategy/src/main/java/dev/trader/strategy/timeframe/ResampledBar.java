package dev.trader.strategy.timeframe;

import dev.trader.domain.market.Bar;
import java.util.Objects;

/**
 * A bar that a {@link BarResampler} closed, with how it was made: {@code carriedForward} marks
 * the flat, zero-volume bar that {@link GapPolicy#CARRY_FORWARD} puts in an empty bucket
 * ({@code baseBarsInBucket} is then 0); otherwise {@code baseBarsInBucket} is how many base bars
 * it aggregates, fewer than {@link BarResampler#baseBarsPerBucket()} when a gap ate part of it.
 */
public record ResampledBar(Bar bar, boolean carriedForward, int baseBarsInBucket) {
    public ResampledBar {
        Objects.requireNonNull(bar, "bar");
        if (baseBarsInBucket < 0) {
            throw new IllegalArgumentException("baseBarsInBucket must not be negative but was " + baseBarsInBucket);
        }
        if (carriedForward != (baseBarsInBucket == 0)) {
            throw new IllegalArgumentException("a bar is carried forward exactly when no base bar fell into it, but carriedForward="
                    + carriedForward + " with " + baseBarsInBucket + " base bars");
        }
    }
}

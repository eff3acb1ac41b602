package dev.trader.strategy.regime;

import dev.trader.strategy.indicator.ValueIndicator;
import dev.trader.strategy.state.StateObject;
import java.util.Objects;
import java.util.Optional;

/**
 * The percentile rank of the latest volatility measure among the last {@code lookback}
 * measures (itself included), and the {@link VolatilityState} that rank falls in. The measure
 * can be anything non-negative where larger means more volatile: realized volatility (see
 * {@link VolatilityRegime}) or ATR / close from an ATR indicator.
 *
 * <p>The rank is the mid-rank, 100 × (below + ½ equal) / n, so ties (a run of identical
 * measures on a quiet market) land in the middle rather than at either end; the largest of
 * 100 distinct values ranks 99.5, the smallest 0.5.
 *
 * <p>The window is kept twice: in arrival order (to know which value leaves) and sorted (to
 * rank by binary search). An update is a binary search plus a shift of the sorted array:
 * O(lookback) element moves at worst, a constant that does not grow with the length of the
 * series. NaN measures (an input still warming up) are ignored. The value is NaN until the
 * window is full.
 */
public final class VolatilityPercentile extends StateObject implements ValueIndicator {
    private int lookback;
    private VolatilityThresholds thresholds;
    /** The window in arrival order, a ring; next is where the next measure goes. */
    private double[] ring;
    private int next;
    /** The same values ascending, in sorted[0..count). */
    private double[] sorted;
    private int count;
    private double latest = Double.NaN;
    private double value = Double.NaN;

    private VolatilityPercentile() {
    }

    public VolatilityPercentile(int lookback, VolatilityThresholds thresholds) {
        if (lookback < 2) {
            throw new IllegalArgumentException("volatility percentile lookback must be at least 2 but was " + lookback);
        }
        this.lookback = lookback;
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.ring = new double[lookback];
        this.sorted = new double[lookback];
    }

    /** Adds one volatility measure (non-negative); NaN is ignored. */
    @Override
    public void update(double measure) {
        if (Double.isNaN(measure)) {
            return;
        }
        if (!(measure >= 0) || Double.isInfinite(measure)) {
            throw new IllegalArgumentException("a volatility measure must be finite and non-negative but was " + measure);
        }
        if (count == lookback) {
            int at = lowerBound(ring[next]);
            System.arraycopy(sorted, at + 1, sorted, at, count - at - 1);
            count--;
        }
        int at = upperBound(measure);
        System.arraycopy(sorted, at, sorted, at + 1, count - at);
        sorted[at] = measure;
        count++;
        ring[next] = measure;
        next = (next + 1) % lookback;
        latest = measure;
        if (count == lookback) {
            int below = lowerBound(measure);
            int equal = upperBound(measure) - below;
            value = 100.0 * (below + 0.5 * equal) / count;
        }
    }

    /** Index of the first sorted value >= x. */
    private int lowerBound(double x) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first sorted value > x. */
    private int upperBound(double x) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The percentile rank in [0, 100] of the latest measure; NaN until the window is full. */
    @Override
    public double value() {
        return value;
    }

    /** The state the latest rank falls in; empty until the window is full. */
    public Optional<VolatilityState> state() {
        return isReady() ? Optional.of(thresholds.classify(value)) : Optional.empty();
    }

    /** The latest measure added (NaN before any). */
    public double latestMeasure() {
        return latest;
    }

    @Override
    public boolean isReady() {
        return count == lookback;
    }

    @Override
    public int warmUp() {
        return lookback;
    }

    public int lookback() {
        return lookback;
    }

    public VolatilityThresholds thresholds() {
        return thresholds;
    }
}

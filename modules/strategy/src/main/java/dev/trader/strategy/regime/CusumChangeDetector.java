package dev.trader.strategy.regime;

import dev.trader.strategy.indicator.Indicator;
import dev.trader.strategy.state.StateObject;
import java.util.Optional;

/**
 * A two-sided CUSUM (Page's test) for a shift in the mean of log returns.
 *
 * <p>Each return is standardized against a reference window of the {@code referenceWindow}
 * returns before it, z = (r − mean) / sd, and clipped to ±{@code clip}; then
 * <pre>
 *   S⁺ = max(0, S⁺ + z − k)      S⁻ = max(0, S⁻ − z − k)
 * </pre>
 * with k = {@code drift}, the slack: half the smallest shift, in standard deviations, worth
 * catching. An alarm goes off when either sum exceeds h = {@code threshold}.
 *
 * <p>Choices, and why:
 * <ul>
 * <li>Clipping z. Real returns have fat tails; unclipped, a single 8-sigma bar would set off an
 *     alarm by itself. With h greater than clip − k one bar never can: a change has to be a run
 *     of returns on the same side.</li>
 * <li>After an alarm both sums and the reference window are cleared, so the next
 *     {@code referenceWindow} returns learn the new regime and nothing is flagged meanwhile.
 *     Otherwise a lasting shift, measured against the old mean, would raise an alarm every few
 *     bars.</li>
 * <li>The reference never contains the return being tested, so a change does not dilute its
 *     own evidence.</li>
 * </ul>
 *
 * <p>O(1) per return: running sums over the reference ring, recomputed from the ring every
 * {@code referenceWindow} returns so that rounding cannot accumulate.
 */
public final class CusumChangeDetector extends StateObject implements Indicator {
    private int referenceWindow;
    private double drift;
    private double threshold;
    private double clip;

    private double[] reference;
    /** How many returns the reference holds (up to referenceWindow) and where the next goes. */
    private int referenceCount;
    private int referenceNext;
    private double sum;
    private double sumSquares;
    private int sinceRecompute;

    private double upper;
    private double lower;
    /** Index of the first return of the current positive run of each sum. */
    private long upperStart;
    private long lowerStart;

    private long returns;
    private double lastLogPrice = Double.NaN;

    private CusumChangeDetector() {
    }

    /**
     * @param referenceWindow returns that the mean and spread are estimated from (at least 10)
     * @param drift k, in standard deviations (0.5 looks for shifts of about one sd)
     * @param threshold h, in standard deviations; must exceed clip − drift
     * @param clip the bound on each standardized return
     */
    public CusumChangeDetector(int referenceWindow, double drift, double threshold, double clip) {
        if (referenceWindow < 10) {
            throw new IllegalArgumentException("CUSUM reference window must be at least 10 but was " + referenceWindow);
        }
        if (!(drift >= 0) || !(clip > 0) || !(threshold > clip - drift) || Double.isInfinite(threshold) || Double.isInfinite(clip)) {
            throw new IllegalArgumentException("CUSUM needs drift >= 0, clip > 0 and threshold > clip - drift (so one bar alone cannot alarm), finite; got drift "
                    + drift + ", threshold " + threshold + ", clip " + clip);
        }
        this.referenceWindow = referenceWindow;
        this.drift = drift;
        this.threshold = threshold;
        this.clip = clip;
        this.reference = new double[referenceWindow];
    }

    /** The defaults used in the tests: a week of hourly bars as reference, k = 0.5, h = 8, clip 4. */
    public static CusumChangeDetector hourlyDefaults() {
        return new CusumChangeDetector(168, 0.5, 8, 4);
    }

    /** Adds a price (a close); returns the change point it reveals, if any. */
    public Optional<ChangePoint> update(double price) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("CUSUM needs positive finite prices but got " + price);
        }
        double x = Math.log(price);
        double previous = lastLogPrice;
        lastLogPrice = x;
        return Double.isNaN(previous) ? Optional.empty() : updateLogReturn(x - previous);
    }

    /** Adds one log return; returns the change point it reveals, if any. */
    public Optional<ChangePoint> updateLogReturn(double r) {
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("CUSUM needs finite log returns but got " + r);
        }
        long index = returns++;
        if (referenceCount == referenceWindow) {
            double mean = sum / referenceCount;
            double variance = Math.max(0.0, (sumSquares - sum * mean) / (referenceCount - 1));
            double sd = Math.sqrt(variance);
            if (sd > 0) {
                double z = Math.max(-clip, Math.min(clip, (r - mean) / sd));
                if (upper == 0) {
                    upperStart = index;
                }
                if (lower == 0) {
                    lowerStart = index;
                }
                upper = Math.max(0.0, upper + z - drift);
                lower = Math.max(0.0, lower - z - drift);
                if (upper > threshold || lower > threshold) {
                    boolean up = upper >= lower;
                    ChangePoint alarm = new ChangePoint(index, up ? upperStart : lowerStart, up ? ChangeDirection.UP : ChangeDirection.DOWN,
                            up ? upper : lower, mean, sd);
                    restart();
                    // the return that set the alarm off is of the new regime: it opens the new reference
                    addToReference(r);
                    return Optional.of(alarm);
                }
            }
        }
        addToReference(r);
        return Optional.empty();
    }

    private void addToReference(double r) {
        if (referenceCount == referenceWindow) {
            double old = reference[referenceNext];
            sum -= old;
            sumSquares -= old * old;
        } else {
            referenceCount++;
        }
        reference[referenceNext] = r;
        referenceNext = (referenceNext + 1) % referenceWindow;
        sum += r;
        sumSquares += r * r;
        if (++sinceRecompute >= referenceWindow) {
            sinceRecompute = 0;
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < referenceCount; i++) {
                s += reference[i];
                s2 += reference[i] * reference[i];
            }
            sum = s;
            sumSquares = s2;
        }
    }

    private void restart() {
        upper = 0;
        lower = 0;
        referenceCount = 0;
        referenceNext = 0;
        sum = 0;
        sumSquares = 0;
        sinceRecompute = 0;
    }

    /** S⁺, in standard deviations. */
    public double upperStatistic() {
        return upper;
    }

    /** S⁻, in standard deviations. */
    public double lowerStatistic() {
        return lower;
    }

    /** Returns fed so far. */
    public long count() {
        return returns;
    }

    /** Monitoring: the reference window is full (false again for a while after each alarm). */
    @Override
    public boolean isReady() {
        return referenceCount == referenceWindow;
    }

    /** referenceWindow + 1 prices (returns fed directly: referenceWindow). */
    @Override
    public int warmUp() {
        return referenceWindow + 1;
    }
}

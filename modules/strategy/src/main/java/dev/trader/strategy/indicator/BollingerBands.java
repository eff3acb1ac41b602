package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Bollinger Bands, as TA-Lib's {@code BBANDS} with its defaults apart from the period (simple
 * moving average, the same {@code k} up and down): middle = SMA(period), upper/lower = middle ±
 * k·σ, where σ is the population standard deviation (divided by {@code period}, not
 * {@code period − 1}) of the same window.
 *
 * <p>No seeding beyond filling the window: all three values come with the {@code period}-th input
 * ({@link #warmUp()}), NaN before. {@link #value()} is the middle band.
 *
 * <p>O(1) per update, on purpose the way TA-Lib does it: TA-Lib's BBANDS with an SMA does not
 * sum the squared deviations over the window but keeps a running sum of squares and takes
 * σ² = Σx²/period − SMA². That form loses digits to cancellation (at BTC prices Σx² is ~10¹⁰
 * while σ² may be ~10²), but it is TA-Lib's error and reproducing it operation for operation is
 * what makes the bands agree with TA-Lib to the last bit; a two-pass or Welford variance would be
 * "more exact" and disagree with it: on the 1h BTCUSDT golden data a two-pass σ differs from
 * TA-Lib's by up to 3e-8 relative (period 5), which on the bands is still only 2e-11 relative,
 * while this form is bit-identical. The running sums are O(1), not O(period), so no loop over the
 * window is needed. A σ² below TA-Lib's 1e-8 (or negative by cancellation) counts as σ = 0, as in
 * TA-Lib. One visible consequence, shared with TA-Lib: a perfectly flat window at BTC price levels
 * leaves a rounding residue in Σx²/period − SMA² of ~1e-6, so σ comes out at ~1e-3, not 0.
 */
public final class BollingerBands extends StateObject implements ValueIndicator {
    private int period;
    private double k;
    /** The last {@code period} inputs, oldest at {@code next} once the window is full. */
    private double[] window;
    private int next;
    /** Inputs seen, saturating at {@code period}. */
    private int filled;
    private double sum;
    private double sumOfSquares;
    private double upper = Double.NaN;
    private double middle = Double.NaN;
    private double lower = Double.NaN;

    private BollingerBands() {
    }

    /** TA-Lib's default width, k = 2. */
    public BollingerBands(int period) {
        this(period, 2.0);
    }

    public BollingerBands(int period, double k) {
        if (period < 2) {
            // A standard deviation needs two inputs; TA-Lib rejects period 1 too.
            throw new IllegalArgumentException("Bollinger period must be at least 2 but was " + period);
        }
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("Bollinger k must be finite and non-negative but was " + k);
        }
        this.period = period;
        this.k = k;
        this.window = new double[period];
    }

    @Override
    public void update(double x) {
        sum += x;
        sumOfSquares += x * x;
        window[next] = x;
        next = next + 1 == period ? 0 : next + 1;
        if (filled < period) {
            filled++;
        }
        if (filled < period) {
            return;
        }
        // TA-Lib's order: add the newest, take the means, then remove the oldest from the sums.
        double mean = sum / period;
        double meanOfSquares = sumOfSquares / period;
        double oldest = window[next];
        sum -= oldest;
        sumOfSquares -= oldest * oldest;
        double variance = meanOfSquares - mean * mean;
        double deviation = TaLibMath.isZeroOrNegative(variance) ? 0.0 : Math.sqrt(variance);
        double width = deviation * k;
        middle = mean;
        upper = mean + width;
        lower = mean - width;
    }

    /** The middle band (the SMA). */
    @Override
    public double value() {
        return middle;
    }

    public double upper() {
        return upper;
    }

    public double middle() {
        return middle;
    }

    public double lower() {
        return lower;
    }

    @Override
    public boolean isReady() {
        return filled == period;
    }

    @Override
    public int warmUp() {
        return period;
    }

    public int period() {
        return period;
    }

    public double k() {
        return k;
    }
}

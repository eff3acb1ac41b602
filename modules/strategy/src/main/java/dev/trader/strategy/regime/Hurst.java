package dev.trader.strategy.regime;

import dev.trader.strategy.indicator.ValueIndicator;
import dev.trader.strategy.state.StateObject;

/**
 * Rolling Hurst exponent of a price series over its last {@code window} log returns, by the
 * <b>variance of lagged differences</b> (the generalized Hurst exponent with q = 2): for the log
 * price X, the mean squared difference over lag τ grows like τ<sup>2H</sup>, so H is half the
 * least-squares slope of ln E[(X<sub>t+τ</sub> − X<sub>t</sub>)²] against ln τ for
 * τ = 1..{@code maxLag}, each mean taken over every pair of the window that lag apart.
 *
 * <p>Reading it: about 0.5 for a random walk (independent returns), above 0.5 when returns
 * persist (trends), below 0.5 when they revert (ranges). The differences are not de-meaned, so a
 * steady drift counts as persistence and pushes H towards 1; that is what a regime filter wants
 * of a trend. This method was chosen over rescaled range (R/S) because R/S is biased upwards on
 * short windows (it reads about 0.55-0.6 on a random walk of a few hundred returns), and because
 * its sums can be kept up to date in O(maxLag) per bar.
 *
 * <p>Cost: each update adds the new price's pairs and removes the oldest price's, O(maxLag);
 * every {@code window} updates the sums are recomputed from the window (amortized O(maxLag))
 * so that rounding in the running sums cannot build up. The value is NaN during the warm-up of
 * {@code window + 1} prices, and when the window is flat (a zero mean square).
 */
public final class Hurst extends StateObject implements ValueIndicator {
    private int window;
    private int maxLag;
    /** The last window + 1 log prices, a ring: price number n sits at n % (window + 1). */
    private double[] logPrices;
    /** How many prices have been seen in all. */
    private long seen;
    /** sums[τ] = Σ (X[t+τ] − X[t])² over the pairs of the current window, τ = 1..maxLag (index 0 unused). */
    private double[] sums;
    private int sinceRecompute;
    private double value = Double.NaN;

    private Hurst() {
    }

    /**
     * @param window the number of log returns the estimate looks at
     * @param maxLag the largest lag in the fit, at least 2 and at most window / 4 so that
     *        every lag has enough pairs
     */
    public Hurst(int window, int maxLag) {
        if (maxLag < 2) {
            throw new IllegalArgumentException("Hurst maxLag must be at least 2 but was " + maxLag);
        }
        if (window < 4 * maxLag) {
            throw new IllegalArgumentException("Hurst window must be at least 4 * maxLag = " + 4 * maxLag + " but was " + window);
        }
        this.window = window;
        this.maxLag = maxLag;
        this.logPrices = new double[window + 1];
        this.sums = new double[maxLag + 1];
    }

    /** Adds a price (a close); it must be positive. */
    @Override
    public void update(double price) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("Hurst needs positive finite prices but got " + price);
        }
        add(Math.log(price));
    }

    /** Adds one log return instead of a price: the log price moves by {@code r} (starting from 0). */
    public void updateLogReturn(double r) {
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("Hurst needs finite log returns but got " + r);
        }
        if (seen == 0) {
            add(0.0);
        }
        add(logPrices[(int) ((seen - 1) % logPrices.length)] + r);
    }

    private void add(double x) {
        int cap = logPrices.length;
        long n = seen;
        if (n >= cap) {
            // the oldest price leaves the window with its pairs
            long old = n - cap;
            double xOld = logPrices[(int) (old % cap)];
            for (int lag = 1; lag <= maxLag; lag++) {
                double d = logPrices[(int) ((old + lag) % cap)] - xOld;
                sums[lag] -= d * d;
            }
        }
        for (int lag = 1; lag <= maxLag && n - lag >= Math.max(0, n - cap + 1); lag++) {
            double d = x - logPrices[(int) ((n - lag) % cap)];
            sums[lag] += d * d;
        }
        logPrices[(int) (n % cap)] = x;
        seen = n + 1;
        if (++sinceRecompute >= window) {
            recompute();
        }
        value = seen >= cap ? estimate() : Double.NaN;
    }

    private void recompute() {
        sinceRecompute = 0;
        int cap = logPrices.length;
        long first = Math.max(0, seen - cap);
        for (int lag = 1; lag <= maxLag; lag++) {
            double s = 0;
            for (long t = first; t + lag < seen; t++) {
                double d = logPrices[(int) ((t + lag) % cap)] - logPrices[(int) (t % cap)];
                s += d * d;
            }
            sums[lag] = s;
        }
    }

    private double estimate() {
        int pairsAtLagOne = logPrices.length - 1;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int lag = 1; lag <= maxLag; lag++) {
            double mean = sums[lag] / (pairsAtLagOne + 1 - lag);
            if (!(mean > 0)) {
                return Double.NaN;
            }
            double x = Math.log(lag);
            double y = Math.log(mean);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double slope = (maxLag * sxy - sx * sy) / (maxLag * sxx - sx * sx);
        return slope / 2;
    }

    /** The latest estimate; NaN during the warm-up or over a flat window. */
    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return seen >= logPrices.length;
    }

    /** window + 1 prices. */
    @Override
    public int warmUp() {
        return window + 1;
    }

    public int window() {
        return window;
    }

    public int maxLag() {
        return maxLag;
    }
}

package dev.trader.strategy.regime;

/**
 * The thresholds of {@link RegimeClassifier}: a market is trending when ADX is at least
 * {@code trendAdx} and the Hurst exponent at least {@code trendHurst}.
 */
public record RegimeThresholds(double trendAdx, double trendHurst) {
    /** ADX 25 (Wilder's usual "trending" level) and Hurst 0.55 (clearly above a random walk's 0.5). */
    public static final RegimeThresholds DEFAULTS = new RegimeThresholds(25, 0.55);

    public RegimeThresholds {
        if (!(trendAdx >= 0 && trendAdx <= 100)) {
            throw new IllegalArgumentException("trendAdx must be within [0, 100] but was " + trendAdx);
        }
        if (!Double.isFinite(trendHurst)) {
            throw new IllegalArgumentException("trendHurst must be finite but was " + trendHurst);
        }
    }
}

package dev.trader.strategy.regime;

import java.util.Objects;

/**
 * Classifies the market as {@link Regime#TREND}, {@link Regime#RANGE} or {@link Regime#VOLATILE}
 * from three readings the caller computes: ADX (trend strength, from an ADX indicator), the
 * Hurst exponent (persistence, {@link Hurst}) and the volatility state
 * ({@link VolatilityRegime}). The rules, first match wins:
 * <ol>
 * <li>{@code TREND} when ADX ≥ trendAdx and Hurst ≥ trendHurst: directional movement and
 *     persistent returns agree. A trend stays a trend in high volatility (a crash is a
 *     trend).</li>
 * <li>{@code VOLATILE} otherwise, when volatility is {@link VolatilityState#HIGH}: big moves
 *     that the two trend readings do not both confirm.</li>
 * <li>{@code RANGE} otherwise.</li>
 * </ol>
 * Requiring both trend readings is deliberate: ADX alone stays high for a while after a trend
 * has ended, and Hurst alone is noisy on short windows.
 *
 * <p>Stateless and immutable; each result carries its inputs ({@link RegimeClassification}).
 */
public final class RegimeClassifier {
    static final String RULE_TREND = "adx >= trendAdx and hurst >= trendHurst";
    static final String RULE_VOLATILE = "no confirmed trend and volatility HIGH";
    static final String RULE_RANGE = "no confirmed trend and volatility not HIGH";

    private final RegimeThresholds thresholds;

    public RegimeClassifier(RegimeThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public static RegimeClassifier withDefaults() {
        return new RegimeClassifier(RegimeThresholds.DEFAULTS);
    }

    /**
     * @throws IllegalArgumentException if ADX is not within [0, 100] or Hurst is not finite
     *         (both are NaN while their indicators warm up: check {@code isReady()} first)
     */
    public RegimeClassification classify(double adx, double hurst, VolatilityState volatility) {
        if (!(adx >= 0 && adx <= 100)) {
            throw new IllegalArgumentException("ADX must be within [0, 100] but was " + adx);
        }
        if (!Double.isFinite(hurst)) {
            throw new IllegalArgumentException("Hurst exponent must be finite but was " + hurst);
        }
        Objects.requireNonNull(volatility, "volatility");
        if (adx >= thresholds.trendAdx() && hurst >= thresholds.trendHurst()) {
            return new RegimeClassification(Regime.TREND, RULE_TREND, adx, hurst, volatility, thresholds);
        }
        if (volatility == VolatilityState.HIGH) {
            return new RegimeClassification(Regime.VOLATILE, RULE_VOLATILE, adx, hurst, volatility, thresholds);
        }
        return new RegimeClassification(Regime.RANGE, RULE_RANGE, adx, hurst, volatility, thresholds);
    }

    public RegimeThresholds thresholds() {
        return thresholds;
    }
}

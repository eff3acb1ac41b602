package dev.trader.strategy.regime;

/**
 * Percentile cut-offs between the {@link VolatilityState}s: at or below {@code lowPercentile}
 * is {@link VolatilityState#LOW}, at or above {@code highPercentile} is
 * {@link VolatilityState#HIGH}, in between {@link VolatilityState#MEDIUM}.
 */
public record VolatilityThresholds(double lowPercentile, double highPercentile) {
    /** Terciles: 33 and 66. */
    public static final VolatilityThresholds TERCILES = new VolatilityThresholds(33, 66);

    public VolatilityThresholds {
        if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
            throw new IllegalArgumentException("volatility thresholds need 0 <= low < high <= 100 but were low "
                    + lowPercentile + ", high " + highPercentile);
        }
    }

    public VolatilityState classify(double percentile) {
        if (percentile <= lowPercentile) {
            return VolatilityState.LOW;
        }
        return percentile >= highPercentile ? VolatilityState.HIGH : VolatilityState.MEDIUM;
    }
}

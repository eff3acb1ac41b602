package dev.trader.strategy.regime;

/** The market regime a {@link RegimeClassifier} assigns. */
public enum Regime {
    /** Directional and persistent: trend-following conditions. */
    TREND,
    /** Neither trending nor unusually volatile: mean-reversion conditions. */
    RANGE,
    /** Large moves without a confirmed trend: stand aside or trade small. */
    VOLATILE
}

package dev.trader.strategy.structure;

/** Which part of the first and third candles bound a fair value gap (see {@link FairValueGapDetector}). */
public enum GapBasis {
    /** Bounded by the wicks: bullish when bar1.high &lt; bar3.low, bearish when bar1.low &gt; bar3.high. */
    WICK,
    /**
     * Bounded by the bodies: bullish when max(bar1.open, bar1.close) &lt; min(bar3.open, bar3.close),
     * bearish when min(bar1.open, bar1.close) &gt; max(bar3.open, bar3.close).
     */
    BODY
}

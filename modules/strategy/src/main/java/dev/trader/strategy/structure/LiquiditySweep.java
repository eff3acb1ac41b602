package dev.trader.strategy.structure;

/**
 * A bar that traded beyond a confirmed swing level and closed back inside it, see
 * {@link LiquiditySweepDetector}.
 *
 * @param sweptKind     the kind of swing whose level was swept
 * @param level         the swept swing's price
 * @param swingBarIndex the swept swing's pivot bar
 * @param barIndex      the sweeping bar (the event is reported by its update)
 * @param timeMs        open time of the sweeping bar
 * @param extreme       the sweeping bar's high (swept high) or low (swept low)
 * @param close         the sweeping bar's close
 */
public record LiquiditySweep(SwingKind sweptKind, double level, long swingBarIndex, long barIndex, long timeMs,
                             double extreme, double close) {

    /** A swept high (buy-side liquidity taken, then rejected) is bearish; a swept low bullish. */
    public Direction direction() {
        return sweptKind == SwingKind.HIGH ? Direction.BEARISH : Direction.BULLISH;
    }

    /** How far beyond the level the bar traded, in price units (always &gt; 0). */
    public double depth() {
        return Math.abs(extreme - level);
    }
}

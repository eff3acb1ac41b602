package dev.trader.strategy.structure;

import dev.trader.strategy.state.StateObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Single- and two-bar candlestick patterns, reported by the bar that completes them.
 *
 * <p>For a bar: {@code range = high - low}, {@code body = |close - open|},
 * {@code upperWick = high - max(open, close)}, {@code lowerWick = min(open, close) - low}.
 * All thresholds are inclusive and ratios are computed by division ({@code wick / range}).
 * <ul>
 *   <li><b>Bullish pin bar</b>: {@code range > 0}, {@code lowerWick / range >= pinWickRatio}
 *       and {@code body / range <= pinBodyRatio}. <b>Bearish pin bar</b>: the same with the
 *       upper wick. The colour of the body does not matter. Defaults: wick at least 2/3 of the
 *       range, body at most 1/4. Since {@code pinWickRatio > 0.5}, one bar cannot be both.</li>
 *   <li><b>Bullish engulfing</b>: the previous bar is bearish ({@code close < open}), this bar
 *       bullish ({@code close > open}), and this body contains the previous one:
 *       {@code open <= prevClose && close >= prevOpen}, with at least one of the two strict
 *       (identical bodies do not engulf; TA-Lib's rule). <b>Bearish engulfing</b> mirrors it:
 *       previous bullish, this bearish, {@code open >= prevClose && close <= prevOpen}, one
 *       strict. Only bodies count, not wicks; a doji (open == close) is neither colour, so it
 *       neither engulfs nor is engulfed.</li>
 *   <li><b>Doji</b>: {@code body <= dojiBodyRatio * range}, i.e. {@code body / range <=
 *       dojiBodyRatio} for {@code range > 0}; a bar with {@code range == 0} (open = high = low =
 *       close, a four-price doji) is a doji too. Default: body at most 10% of the range.</li>
 * </ul>
 * One bar may complete several patterns (a dragonfly doji is also a bullish pin bar); they are
 * listed in the order pin bar, engulfing, doji. O(1) per bar.
 */
public final class CandlePatternDetector extends StateObject implements StructureDetector<CandlePattern> {
    public static final double DEFAULT_PIN_WICK_RATIO = 2.0 / 3.0;
    public static final double DEFAULT_PIN_BODY_RATIO = 0.25;
    public static final double DEFAULT_DOJI_BODY_RATIO = 0.1;

    private double pinWickRatio;
    private double pinBodyRatio;
    private double dojiBodyRatio;
    private long count;
    private double previousOpen = Double.NaN;
    private double previousClose = Double.NaN;

    private CandlePatternDetector() {
    }

    /**
     * @param pinWickRatio  the least share of the range the pin's wick must take, in (0.5, 1]
     * @param pinBodyRatio  the largest share of the range the pin's body may take, in [0, 1]
     * @param dojiBodyRatio the largest share of the range a doji's body may take, in [0, 1]
     */
    public CandlePatternDetector(double pinWickRatio, double pinBodyRatio, double dojiBodyRatio) {
        if (!(pinWickRatio > 0.5 && pinWickRatio <= 1)) {
            throw new IllegalArgumentException("pin wick ratio must be in (0.5, 1] but was " + pinWickRatio);
        }
        if (!(pinBodyRatio >= 0 && pinBodyRatio <= 1)) {
            throw new IllegalArgumentException("pin body ratio must be in [0, 1] but was " + pinBodyRatio);
        }
        if (!(dojiBodyRatio >= 0 && dojiBodyRatio <= 1)) {
            throw new IllegalArgumentException("doji body ratio must be in [0, 1] but was " + dojiBodyRatio);
        }
        this.pinWickRatio = pinWickRatio;
        this.pinBodyRatio = pinBodyRatio;
        this.dojiBodyRatio = dojiBodyRatio;
    }

    /** With the default thresholds (pin wick &gt;= 2/3 and body &lt;= 1/4 of the range; doji body &lt;= 10%). */
    public static CandlePatternDetector withDefaults() {
        return new CandlePatternDetector(DEFAULT_PIN_WICK_RATIO, DEFAULT_PIN_BODY_RATIO, DEFAULT_DOJI_BODY_RATIO);
    }

    @Override
    public List<CandlePattern> update(long timeMs, double open, double high, double low, double close) {
        BarInput.check(open, high, low, close);
        long n = count++;
        double range = high - low;
        double body = Math.abs(close - open);
        List<CandlePattern> out = null;
        if (range > 0 && body / range <= pinBodyRatio) {
            if ((Math.min(open, close) - low) / range >= pinWickRatio) {
                out = add(out, new CandlePattern(PatternType.BULLISH_PIN_BAR, n, timeMs));
            } else if ((high - Math.max(open, close)) / range >= pinWickRatio) {
                out = add(out, new CandlePattern(PatternType.BEARISH_PIN_BAR, n, timeMs));
            }
        }
        double po = previousOpen;
        double pc = previousClose;
        if (pc < po && close > open && open <= pc && close >= po && (open < pc || close > po)) {
            out = add(out, new CandlePattern(PatternType.BULLISH_ENGULFING, n, timeMs));
        } else if (pc > po && close < open && open >= pc && close <= po && (open > pc || close < po)) {
            out = add(out, new CandlePattern(PatternType.BEARISH_ENGULFING, n, timeMs));
        }
        if (range == 0 || body / range <= dojiBodyRatio) {
            out = add(out, new CandlePattern(PatternType.DOJI, n, timeMs));
        }
        previousOpen = open;
        previousClose = close;
        return out == null ? List.of() : out;
    }

    private static List<CandlePattern> add(List<CandlePattern> out, CandlePattern pattern) {
        List<CandlePattern> list = out == null ? new ArrayList<>(2) : out;
        list.add(pattern);
        return list;
    }

    public double pinWickRatio() {
        return pinWickRatio;
    }

    public double pinBodyRatio() {
        return pinBodyRatio;
    }

    public double dojiBodyRatio() {
        return dojiBodyRatio;
    }

    @Override
    public long barCount() {
        return count;
    }
}

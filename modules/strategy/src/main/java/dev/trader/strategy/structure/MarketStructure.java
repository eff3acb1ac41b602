package dev.trader.strategy.structure;

import dev.trader.strategy.state.StateObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Market structure: the swing-label trend plus break-of-structure (BOS) and change-of-character
 * (CHOCH) events, on the swings of an embedded {@link SwingDetector}.
 *
 * <p><b>Trend</b> ({@link #trend()}) comes from the labels of the latest confirmed swings:
 * up when the latest swing high is HH and the latest swing low HL, down when they are LH and LL,
 * neutral otherwise.
 *
 * <p><b>Breaks.</b> The level watched for a bullish break is the most recent confirmed swing
 * high; a newly confirmed swing high replaces it, broken or not. A bar breaks it when its
 * trigger price is strictly above it: the close for {@link BreakTrigger#CLOSE}, the high for
 * {@link BreakTrigger#WICK}; a close (or high) exactly at the level does not break it. Each
 * level breaks at most once: after its break nothing is watched on that side until the next
 * swing high is confirmed. Bearish breaks mirror this with swing lows, strictly below.
 * A swing confirmed by bar {@code n} is watched from bar {@code n + 1} on (bar {@code n} and the
 * right-side bars cannot exceed it anyway, by the swing definition).
 *
 * <p><b>BOS or CHOCH.</b> The <em>bias</em> ({@link #bias()}) is the direction of the latest
 * break, {@link Trend#NEUTRAL} before the first. A break against the bias is a
 * {@link BreakType#CHOCH}; a break with it, or the first break of all, is a
 * {@link BreakType#BOS}; either way the bias becomes the break's direction. If one bar breaks
 * both sides (possible with the wick trigger), the bullish break is evaluated first.
 *
 * <p>Reports only breaks; the swings themselves are available from {@link #swings()}
 * ({@link SwingDetector#confirmedOnLastBar()}). O(1) amortized per bar.
 */
public final class MarketStructure extends StateObject implements StructureDetector<StructureBreak> {
    private SwingDetector swings;
    private BreakTrigger trigger;
    private double watchedHigh = Double.NaN;
    private long watchedHighIndex = -1;
    private double watchedLow = Double.NaN;
    private long watchedLowIndex = -1;
    private Trend bias = Trend.NEUTRAL;

    private MarketStructure() {
    }

    /** Close-triggered breaks on fractal swings with {@code left}/{@code right} bars. */
    public MarketStructure(int left, int right) {
        this(left, right, BreakTrigger.CLOSE);
    }

    public MarketStructure(int left, int right, BreakTrigger trigger) {
        this.swings = new SwingDetector(left, right);
        if (trigger == null) {
            throw new IllegalArgumentException("break trigger is required");
        }
        this.trigger = trigger;
    }

    @Override
    public List<StructureBreak> update(long timeMs, double open, double high, double low, double close) {
        BarInput.check(open, high, low, close);
        long n = swings.barCount();
        List<StructureBreak> out = List.of();
        double up = trigger == BreakTrigger.CLOSE ? close : high;
        if (up > watchedHigh) {
            out = new ArrayList<>(2);
            out.add(new StructureBreak(Direction.BULLISH, bias == Trend.DOWN ? BreakType.CHOCH : BreakType.BOS,
                    watchedHigh, watchedHighIndex, n, timeMs, up));
            bias = Trend.UP;
            watchedHigh = Double.NaN;
            watchedHighIndex = -1;
        }
        double down = trigger == BreakTrigger.CLOSE ? close : low;
        if (down < watchedLow) {
            if (out.isEmpty()) {
                out = new ArrayList<>(1);
            }
            out.add(new StructureBreak(Direction.BEARISH, bias == Trend.UP ? BreakType.CHOCH : BreakType.BOS,
                    watchedLow, watchedLowIndex, n, timeMs, down));
            bias = Trend.DOWN;
            watchedLow = Double.NaN;
            watchedLowIndex = -1;
        }
        for (Swing s : swings.update(timeMs, open, high, low, close)) {
            if (s.isHigh()) {
                watchedHigh = s.price();
                watchedHighIndex = s.barIndex();
            } else {
                watchedLow = s.price();
                watchedLowIndex = s.barIndex();
            }
        }
        return out;
    }

    /** The trend of the latest swing labels (see the class comment). */
    public Trend trend() {
        return swings.trend();
    }

    /** The direction of the latest break; {@link Trend#NEUTRAL} before the first. */
    public Trend bias() {
        return bias;
    }

    /** The swing high a bullish break would break; NaN if none is watched. */
    public double watchedHigh() {
        return watchedHigh;
    }

    /** The swing low a bearish break would break; NaN if none is watched. */
    public double watchedLow() {
        return watchedLow;
    }

    public BreakTrigger trigger() {
        return trigger;
    }

    /** The embedded swing detector, to read; feeding it directly would desynchronize this detector. */
    public SwingDetector swings() {
        return swings;
    }

    @Override
    public long barCount() {
        return swings.barCount();
    }
}

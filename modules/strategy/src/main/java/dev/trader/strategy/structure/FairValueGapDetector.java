package dev.trader.strategy.structure;

import dev.trader.strategy.state.StateObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Fair value gaps (three-bar imbalances) and their filling.
 *
 * <p><b>Definition.</b> With bars 1, 2, 3 consecutive and bar 3 the one just closed:
 * <ul>
 *   <li>{@link GapBasis#WICK}: bullish when {@code high1 < low3}, gap {@code [high1, low3]};
 *       bearish when {@code low1 > high3}, gap {@code [high3, low1]};</li>
 *   <li>{@link GapBasis#BODY}: with {@code top = max(open, close)} and
 *       {@code bottom = min(open, close)}: bullish when {@code top1 < bottom3}, gap
 *       {@code [top1, bottom3]}; bearish when {@code bottom1 > top3}, gap {@code [top3, bottom1]}.</li>
 * </ul>
 * The gap must also be wider than {@code minSize} ({@code upper - lower > minSize}; with the
 * default 0, any positive width: bars that only touch, e.g. {@code high1 == low3}, leave no
 * gap). Nothing is required of bar 2. The gap is known when bar 3 closes and is reported by its
 * update ({@link FairValueGap#confirmedIndex}); it is dated by bar 2 ({@link FairValueGap#barIndex}).
 *
 * <p><b>Filling.</b> From the bar after bar 3 on, every bar is checked against every tracked
 * gap, by its wicks (for both bases). A bullish gap is filled from above: a bar with
 * {@code low < upper} trades into it; the deepest low so far gives
 * {@code filledFraction = (upper - max(deepestLow, lower)) / (upper - lower)}; the gap is
 * {@link FillStatus#FILLED} once a low reaches {@code lower} ({@code low <= lower}) and then
 * stops being tracked. Bearish gaps mirror this with highs ({@code high > lower} enters,
 * {@code high >= upper} fills). Touching the near edge exactly is not a fill. A
 * {@link GapFill} event is reported only when a bar trades deeper than every earlier bar.
 * Within one update the fill events (older gaps first) come before the new gap.
 *
 * <p>At most {@code maxTracked} unfilled gaps are tracked; a new gap beyond that drops the
 * oldest one (it is no longer reported). O(maxTracked) per bar.
 */
public final class FairValueGapDetector extends StateObject implements StructureDetector<GapEvent> {
    private GapBasis basis;
    private double minSize;
    private int maxTracked;
    private long count;
    /** The previous two bars, by index modulo 2. */
    private double[] opens;
    private double[] highs;
    private double[] lows;
    private double[] closes;
    private long[] times;
    /** Tracked gaps, oldest first, in parallel arrays. */
    private boolean[] bullish;
    private double[] lowers;
    private double[] uppers;
    /** The deepest price traded into each gap so far: the upper edge (bullish) or lower edge (bearish) before any fill. */
    private double[] reached;
    private long[] gapBars;
    private long[] gapTimes;
    private int tracked;

    private FairValueGapDetector() {
    }

    /** Any positive width, up to 50 tracked gaps. */
    public FairValueGapDetector(GapBasis basis) {
        this(basis, 0, 50);
    }

    /**
     * @param basis      wick- or body-bounded gaps
     * @param minSize    the width a gap must exceed, in price units (0: any positive width)
     * @param maxTracked how many unfilled gaps are tracked for fills
     */
    public FairValueGapDetector(GapBasis basis, double minSize, int maxTracked) {
        if (basis == null) {
            throw new IllegalArgumentException("gap basis is required");
        }
        this.basis = basis;
        this.minSize = BarInput.nonNegative(minSize, "minimum gap size");
        this.maxTracked = BarInput.positive(maxTracked, "max tracked gaps");
        this.opens = new double[2];
        this.highs = new double[2];
        this.lows = new double[2];
        this.closes = new double[2];
        this.times = new long[2];
        this.bullish = new boolean[maxTracked];
        this.lowers = new double[maxTracked];
        this.uppers = new double[maxTracked];
        this.reached = new double[maxTracked];
        this.gapBars = new long[maxTracked];
        this.gapTimes = new long[maxTracked];
    }

    @Override
    public List<GapEvent> update(long timeMs, double open, double high, double low, double close) {
        BarInput.check(open, high, low, close);
        long n = count;
        List<GapEvent> out = null;
        int kept = 0;
        for (int i = 0; i < tracked; i++) {
            boolean filled = false;
            double lower = lowers[i];
            double upper = uppers[i];
            if (bullish[i] ? low < reached[i] && low < upper : high > reached[i] && high > lower) {
                reached[i] = bullish[i] ? low : high;
                filled = bullish[i] ? low <= lower : high >= upper;
                double fraction = filled ? 1.0 : bullish[i] ? (upper - low) / (upper - lower) : (high - lower) / (upper - lower);
                out = add(out, new GapFill(gap(i), filled ? FillStatus.FILLED : FillStatus.PARTIAL, fraction, n, timeMs));
            }
            if (!filled) {
                move(i, kept++);
            }
        }
        tracked = kept;
        if (n >= 2) {
            int b1 = (int) (n % 2);
            int b2 = (int) ((n - 1) % 2);
            double top1 = basis == GapBasis.WICK ? highs[b1] : Math.max(opens[b1], closes[b1]);
            double bottom1 = basis == GapBasis.WICK ? lows[b1] : Math.min(opens[b1], closes[b1]);
            double top3 = basis == GapBasis.WICK ? high : Math.max(open, close);
            double bottom3 = basis == GapBasis.WICK ? low : Math.min(open, close);
            FairValueGap gap = null;
            if (top1 < bottom3 && bottom3 - top1 > minSize) {
                gap = new FairValueGap(Direction.BULLISH, basis, top1, bottom3, n - 1, times[b2], n);
            } else if (bottom1 > top3 && bottom1 - top3 > minSize) {
                gap = new FairValueGap(Direction.BEARISH, basis, top3, bottom1, n - 1, times[b2], n);
            }
            if (gap != null) {
                track(gap);
                out = add(out, gap);
            }
        }
        int s = (int) (n % 2);
        opens[s] = open;
        highs[s] = high;
        lows[s] = low;
        closes[s] = close;
        times[s] = timeMs;
        count++;
        return out == null ? List.of() : out;
    }

    private static List<GapEvent> add(List<GapEvent> out, GapEvent event) {
        List<GapEvent> list = out == null ? new ArrayList<>(2) : out;
        list.add(event);
        return list;
    }

    private void move(int from, int to) {
        if (from != to) {
            bullish[to] = bullish[from];
            lowers[to] = lowers[from];
            uppers[to] = uppers[from];
            reached[to] = reached[from];
            gapBars[to] = gapBars[from];
            gapTimes[to] = gapTimes[from];
        }
    }

    private void track(FairValueGap gap) {
        if (tracked == maxTracked) {
            for (int i = 1; i < tracked; i++) {
                move(i, i - 1);
            }
            tracked--;
        }
        int i = tracked++;
        bullish[i] = gap.direction() == Direction.BULLISH;
        lowers[i] = gap.lower();
        uppers[i] = gap.upper();
        reached[i] = bullish[i] ? gap.upper() : gap.lower();
        gapBars[i] = gap.barIndex();
        gapTimes[i] = gap.timeMs();
    }

    private FairValueGap gap(int i) {
        return new FairValueGap(bullish[i] ? Direction.BULLISH : Direction.BEARISH, basis, lowers[i], uppers[i],
                gapBars[i], gapTimes[i], gapBars[i] + 1);
    }

    /** The gaps still tracked (not filled, not dropped), oldest first, with their fill so far. */
    public List<GapStatus> trackedGaps() {
        List<GapStatus> out = new ArrayList<>(tracked);
        for (int i = 0; i < tracked; i++) {
            boolean untouched = bullish[i] ? reached[i] == uppers[i] : reached[i] == lowers[i];
            double fraction = bullish[i] ? (uppers[i] - reached[i]) / (uppers[i] - lowers[i])
                    : (reached[i] - lowers[i]) / (uppers[i] - lowers[i]);
            out.add(new GapStatus(gap(i), untouched ? FillStatus.UNFILLED : FillStatus.PARTIAL, untouched ? 0.0 : fraction));
        }
        return out;
    }

    public GapBasis basis() {
        return basis;
    }

    public double minSize() {
        return minSize;
    }

    public int maxTracked() {
        return maxTracked;
    }

    @Override
    public long barCount() {
        return count;
    }
}

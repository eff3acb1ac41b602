package dev.trader.strategy.structure;

import dev.trader.strategy.state.StateObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Swing highs and lows as fractal pivots with {@code left} bars before and {@code right} bars
 * after the pivot, labelled against the previous swing of the same kind.
 *
 * <p><b>Definition.</b> Bar {@code c} (0-based, counting the bars fed) is a
 * <em>swing high</em> when {@code c >= left} and
 * <pre>
 *   high[c] &gt;  high[j]  for every j in [c - left, c - 1]   (strictly above the left bars)
 *   high[c] &gt;= high[j]  for every j in [c + 1, c + right]  (not below the right bars)
 * </pre>
 * and a <em>swing low</em> symmetrically with lows ({@code low[c] < low[j]} on the left,
 * {@code low[c] <= low[j]} on the right). The asymmetric tie rule makes a run of equal highs
 * (or lows) inside one window give exactly one swing, at its first bar. One bar can be both a
 * swing high and a swing low (an outside bar).
 *
 * <p><b>Confirmation delay.</b> The right-side bars must have closed: the swing at bar
 * {@code c} is reported by the update of bar {@code c + right} ({@link Swing#confirmedIndex}),
 * never earlier, with the pivot bar's index, time and price. When both kinds are confirmed on
 * the same bar the high is listed first.
 *
 * <p><b>Labels.</b> A swing high is {@link SwingLabel#HH} when strictly above the previous
 * confirmed swing high, otherwise {@link SwingLabel#LH}; a swing low is {@link SwingLabel#LL}
 * when strictly below the previous swing low, otherwise {@link SwingLabel#HL}; the first swing
 * of each kind is {@link SwingLabel#NONE}. Swings are not forced to alternate: two swing highs
 * can follow each other without a swing low in between.
 *
 * <p><b>Cost.</b> O(1) amortized per bar: the window maxima and minima are monotonic deques;
 * memory is O(left + right).
 */
public final class SwingDetector extends StateObject implements StructureDetector<Swing> {
    private int left;
    private int right;
    private long count;
    /** The last {@code right + 2} bars' highs, lows and times, by index modulo the length. */
    private double[] highs;
    private double[] lows;
    private long[] times;
    private SlidingExtreme leftHighs;
    private SlidingExtreme rightHighs;
    private SlidingExtreme leftLows;
    private SlidingExtreme rightLows;
    private SwingSlot lastHigh;
    private SwingSlot lastLow;
    private long highCount;
    private long lowCount;

    private SwingDetector() {
    }

    /**
     * @param left  bars before the pivot that it must exceed strictly, at least 1
     * @param right bars after the pivot that must not exceed it, at least 1; also the confirmation delay
     */
    public SwingDetector(int left, int right) {
        this.left = BarInput.positive(left, "left bars");
        this.right = BarInput.positive(right, "right bars");
        this.highs = new double[right + 2];
        this.lows = new double[right + 2];
        this.times = new long[right + 2];
        this.leftHighs = new SlidingExtreme(left, true);
        this.rightHighs = new SlidingExtreme(right, true);
        this.leftLows = new SlidingExtreme(left, false);
        this.rightLows = new SlidingExtreme(right, false);
        this.lastHigh = new SwingSlot(SwingKind.HIGH);
        this.lastLow = new SwingSlot(SwingKind.LOW);
    }

    @Override
    public List<Swing> update(long timeMs, double open, double high, double low, double close) {
        BarInput.check(open, high, low, close);
        long n = count++;
        int slot = slot(n);
        highs[slot] = high;
        lows[slot] = low;
        times[slot] = timeMs;
        rightHighs.push(n, high);
        rightLows.push(n, low);
        long beforeCandidate = n - right - 1;
        if (beforeCandidate >= 0) {
            int s = slot(beforeCandidate);
            leftHighs.push(beforeCandidate, highs[s]);
            leftLows.push(beforeCandidate, lows[s]);
        }
        long c = n - right;
        if (c < left) {
            return List.of();
        }
        int cs = slot(c);
        double h = highs[cs];
        double l = lows[cs];
        boolean isHigh = h > leftHighs.value() && h >= rightHighs.value();
        boolean isLow = l < leftLows.value() && l <= rightLows.value();
        if (!isHigh && !isLow) {
            return List.of();
        }
        List<Swing> out = new ArrayList<>(2);
        if (isHigh) {
            SwingLabel label = lastHigh.isEmpty() ? SwingLabel.NONE : h > lastHigh.price() ? SwingLabel.HH : SwingLabel.LH;
            Swing s = new Swing(SwingKind.HIGH, label, h, c, times[cs], n);
            lastHigh.set(s);
            highCount++;
            out.add(s);
        }
        if (isLow) {
            SwingLabel label = lastLow.isEmpty() ? SwingLabel.NONE : l < lastLow.price() ? SwingLabel.LL : SwingLabel.HL;
            Swing s = new Swing(SwingKind.LOW, label, l, c, times[cs], n);
            lastLow.set(s);
            lowCount++;
            out.add(s);
        }
        return out;
    }

    private int slot(long index) {
        return (int) (index % highs.length);
    }

    /** The latest confirmed swing high, if any. */
    public Optional<Swing> lastHigh() {
        return lastHigh.isEmpty() ? Optional.empty() : Optional.of(lastHigh.toSwing());
    }

    /** The latest confirmed swing low, if any. */
    public Optional<Swing> lastLow() {
        return lastLow.isEmpty() ? Optional.empty() : Optional.of(lastLow.toSwing());
    }

    /** The swings that the latest bar confirmed (what its update returned), high first. */
    public List<Swing> confirmedOnLastBar() {
        long last = count - 1;
        boolean h = !lastHigh.isEmpty() && lastHigh.confirmedIndex() == last;
        boolean l = !lastLow.isEmpty() && lastLow.confirmedIndex() == last;
        if (h && l) {
            return List.of(lastHigh.toSwing(), lastLow.toSwing());
        }
        return h ? List.of(lastHigh.toSwing()) : l ? List.of(lastLow.toSwing()) : List.of();
    }

    /**
     * The trend that the latest labels show: {@link Trend#UP} when the latest swing high is
     * HH and the latest swing low HL, {@link Trend#DOWN} when they are LH and LL, otherwise
     * {@link Trend#NEUTRAL} (mixed, or fewer than two swings of a kind yet).
     */
    public Trend trend() {
        SwingLabel h = lastHigh.label();
        SwingLabel l = lastLow.label();
        if (h == SwingLabel.HH && l == SwingLabel.HL) {
            return Trend.UP;
        }
        if (h == SwingLabel.LH && l == SwingLabel.LL) {
            return Trend.DOWN;
        }
        return Trend.NEUTRAL;
    }

    /** The highest high of the latest {@code right} bars (right after a swing low is confirmed: its right side). */
    double rightWindowHigh() {
        return rightHighs.value();
    }

    /** The lowest low of the latest {@code right} bars (right after a swing high is confirmed: its right side). */
    double rightWindowLow() {
        return rightLows.value();
    }

    public int left() {
        return left;
    }

    public int right() {
        return right;
    }

    /** Bars between a pivot and the bar that confirms it: {@link #right()}. */
    public int confirmationDelay() {
        return right;
    }

    /** How many swing highs have been confirmed. */
    public long highCount() {
        return highCount;
    }

    /** How many swing lows have been confirmed. */
    public long lowCount() {
        return lowCount;
    }

    @Override
    public long barCount() {
        return count;
    }
}

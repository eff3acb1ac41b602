package dev.trader.strategy.volume;

import dev.trader.strategy.indicator.BarIndicator;
import dev.trader.strategy.indicator.MonotonicDeque;
import dev.trader.strategy.state.StateObject;

/**
 * Volume profile over a rolling window of the last {@code window} bars: volume per price bin,
 * the point of control and the value area.
 *
 * <p><b>Bins.</b> Bin {@code i} is the price interval [i·binSize, (i+1)·binSize). A price's bin is
 * {@code floor(price / binSize + 1e-9)}: the tiny nudge makes a price that sits on a boundary in
 * decimal (0.3 with bins of 0.1) land in the upper bin although its binary quotient is a hair
 * below (2.9999999999999996). A bar's volume is spread over the bins its [low, high] range
 * covers, in proportion to the overlap (volume is assumed uniform over the bar's range, the usual
 * assumption when the profile is built from bars rather than trades); the top bin takes the
 * remainder, so a bar's shares add up to its volume. A bar with high = low puts all its volume in
 * one bin.
 *
 * <p><b>Point of control (POC)</b>: the bin with the most volume. Ties go to the bin nearest the
 * middle of the window's price range (the Market Profile convention: the most central of the
 * equal peaks), and if two are equally near, to the lower one.
 *
 * <p><b>Value area</b>: starting from the POC, the CBOT expansion: compare the volume of the two
 * bins just above the area with the two just below and add the larger pair; repeat until the area
 * holds at least {@code valueAreaFraction} (70% by default) of the window's volume. At an edge of
 * the range the pair is what is left (one bin, or none, and then the other side is taken). On a
 * tie between the pairs both are added, so the area does not lean up or down by convention. Bins
 * with no volume inside the range count as bins (a gap is part of the profile). Because it grows
 * two bins at a time the area can hold somewhat more than the fraction.
 *
 * <p><b>Cost.</b> Adding or dropping a bar is O(bins its range covers). Bins live in a ring array
 * indexed by {@code bin mod capacity} that covers the window's price range (its lowest and highest
 * bin come from monotonic deques) and doubles when the range outgrows it. A bin no bar of the
 * window touches any more is reset to exactly 0 (each bin counts the bars that put volume in it),
 * so subtracting a departed bar's shares leaves no rounding residue behind. The POC and value
 * area are recomputed after each bar, which scans the window's range: O(range in bins), the
 * inherent cost of a value area; a few hundred bins is typical.
 *
 * <p><b>Warm-up</b>: {@code window} bars; all outputs NaN before, and also while the window holds
 * no volume at all (there is no POC then).
 */
public final class VolumeProfile extends StateObject implements BarIndicator {
    private static final double BOUNDARY_NUDGE = 1e-9;
    private static final int INITIAL_CAPACITY = 64;
    /** 16M bins (two arrays of 16M): a bin size this much finer than the price range is a configuration error. */
    private static final int MAX_CAPACITY = 1 << 24;

    private int window;
    private double binSize;
    private double valueAreaFraction;
    /** The window's bars, oldest at {@code next} once full. */
    private double[] highs;
    private double[] lows;
    private double[] volumes;
    private int next;
    private long count;
    private MonotonicDeque lowestBin;
    private MonotonicDeque highestBin;
    /** Volume per bin, at slot {@code bin & (capacity − 1)}; valid for bins in [rangeLow, rangeHigh]. */
    private double[] binVolumes;
    /** How many bars of the window put volume in the bin. */
    private int[] binBars;
    private long rangeLow;
    private long rangeHigh;
    /** Results of the last update; {@code defined} false while there is no POC. */
    private boolean defined;
    private long pocBin;
    private long valueAreaLowBin;
    private long valueAreaHighBin;
    private double totalVolume;
    private double valueAreaVolume;

    private VolumeProfile() {
    }

    /** Value area of 70%. */
    public VolumeProfile(int window, double binSize) {
        this(window, binSize, 0.70);
    }

    /**
     * @param window            bars in the profile, at least 1
     * @param binSize           price width of a bin, positive
     * @param valueAreaFraction share of the volume the value area must hold, in (0, 1]
     */
    public VolumeProfile(int window, double binSize, double valueAreaFraction) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 but was " + window);
        }
        if (!(binSize > 0) || Double.isInfinite(binSize)) {
            throw new IllegalArgumentException("binSize must be positive and finite but was " + binSize);
        }
        if (!(valueAreaFraction > 0 && valueAreaFraction <= 1)) {
            throw new IllegalArgumentException("valueAreaFraction must be within (0, 1] but was " + valueAreaFraction);
        }
        this.window = window;
        this.binSize = binSize;
        this.valueAreaFraction = valueAreaFraction;
        this.highs = new double[window];
        this.lows = new double[window];
        this.volumes = new double[window];
        this.lowestBin = MonotonicDeque.min(window);
        this.highestBin = MonotonicDeque.max(window);
        this.binVolumes = new double[INITIAL_CAPACITY];
        this.binBars = new int[INITIAL_CAPACITY];
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        update(high, low, volume);
    }

    public void update(double high, double low, double volume) {
        if (!(high >= low) || Double.isInfinite(high) || Double.isInfinite(low)) {
            throw new IllegalArgumentException("high must be at least low, both finite, but were " + high + " and " + low);
        }
        if (!(volume >= 0) || Double.isInfinite(volume)) {
            throw new IllegalArgumentException("volume must be non-negative and finite but was " + volume);
        }
        if (count >= window) {
            spread(highs[next], lows[next], volumes[next], -1);
        }
        long low0 = binOf(low);
        long high0 = binOf(high);
        lowestBin.push(low0);
        highestBin.push(high0);
        long newLow = (long) lowestBin.extreme();
        long newHigh = (long) highestBin.extreme();
        long span = newHigh - newLow + 1;
        if (span > binVolumes.length) {
            grow(span);
        }
        rangeLow = newLow;
        rangeHigh = newHigh;
        highs[next] = high;
        lows[next] = low;
        volumes[next] = volume;
        next = next + 1 == window ? 0 : next + 1;
        count++;
        spread(high, low, volume, +1);
        if (count >= window) {
            recompute();
        }
    }

    /** The bin a price falls in. */
    public long binOf(double price) {
        return (long) Math.floor(price / binSize + BOUNDARY_NUDGE);
    }

    /** The volume in {@code bin}; 0 outside the window's range. */
    public double volumeInBin(long bin) {
        if (count == 0 || bin < rangeLow || bin > rangeHigh) {
            return 0.0;
        }
        return binVolumes[slot(bin)];
    }

    /** Middle price of the POC bin; NaN during the warm-up or without volume. */
    public double pointOfControl() {
        return defined ? (pocBin + 0.5) * binSize : Double.NaN;
    }

    /** The POC's bin index; meaningful only when {@link #pointOfControl()} is not NaN. */
    public long pointOfControlBin() {
        return pocBin;
    }

    /** Lower edge of the value area's lowest bin; NaN during the warm-up or without volume. */
    public double valueAreaLow() {
        return defined ? valueAreaLowBin * binSize : Double.NaN;
    }

    /** Upper edge of the value area's highest bin; NaN during the warm-up or without volume. */
    public double valueAreaHigh() {
        return defined ? (valueAreaHighBin + 1) * binSize : Double.NaN;
    }

    /** The value area's lowest bin; meaningful only when {@link #valueAreaLow()} is not NaN. */
    public long valueAreaLowBin() {
        return valueAreaLowBin;
    }

    /** The value area's highest bin; meaningful only when {@link #valueAreaHigh()} is not NaN. */
    public long valueAreaHighBin() {
        return valueAreaHighBin;
    }

    /** Volume in the value area; NaN during the warm-up or without volume. */
    public double valueAreaVolume() {
        return defined ? valueAreaVolume : Double.NaN;
    }

    /** Volume of the window (the sum of its bins); NaN during the warm-up. */
    public double totalVolume() {
        return isReady() ? totalVolume : Double.NaN;
    }

    /** Lowest bin any bar of the window reaches. */
    public long lowestBin() {
        return rangeLow;
    }

    /** Highest bin any bar of the window reaches. */
    public long highestBin() {
        return rangeHigh;
    }

    public double binSize() {
        return binSize;
    }

    @Override
    public boolean isReady() {
        return count >= window;
    }

    @Override
    public int warmUp() {
        return window;
    }

    /** Adds ({@code sign} +1) or removes (−1) a bar's shares; the same arithmetic both ways, so a removal takes out exactly what the addition put in. */
    private void spread(double high, double low, double volume, int sign) {
        if (volume == 0) {
            return;
        }
        long first = binOf(low);
        long last = binOf(high);
        if (first == last) {
            put(first, volume, sign);
            return;
        }
        double range = high - low;
        double assigned = 0;
        for (long b = first; b < last; b++) {
            double bottom = Math.max(low, b * binSize);
            double top = Math.min(high, (b + 1) * binSize);
            if (top > bottom) {
                double share = volume * ((top - bottom) / range);
                assigned += share;
                put(b, share, sign);
            }
        }
        double rest = volume - assigned;
        if (rest > 0) {
            put(last, rest, sign);
        }
    }

    private void put(long bin, double share, int sign) {
        int s = slot(bin);
        if (sign > 0) {
            binVolumes[s] += share;
            binBars[s]++;
        } else {
            binVolumes[s] -= share;
            binBars[s]--;
            if (binBars[s] == 0) {
                binVolumes[s] = 0.0;
            }
        }
    }

    private int slot(long bin) {
        return (int) (bin & (binVolumes.length - 1));
    }

    private void grow(long span) {
        if (span > MAX_CAPACITY) {
            throw new IllegalStateException("the window spans " + span + " bins of " + binSize + ", more than " + MAX_CAPACITY + ": binSize is too small for these prices");
        }
        int capacity = binVolumes.length;
        while (capacity < span) {
            capacity <<= 1;
        }
        double[] oldVolumes = binVolumes;
        int[] oldBars = binBars;
        binVolumes = new double[capacity];
        binBars = new int[capacity];
        if (count > 0) {
            int oldMask = oldVolumes.length - 1;
            for (long b = rangeLow; b <= rangeHigh; b++) {
                int from = (int) (b & oldMask);
                int to = slot(b);
                binVolumes[to] = oldVolumes[from];
                binBars[to] = oldBars[from];
            }
        }
    }

    private void recompute() {
        double total = 0;
        long poc = rangeLow;
        double pocVolume = -1;
        long twiceMiddle = rangeLow + rangeHigh;
        for (long b = rangeLow; b <= rangeHigh; b++) {
            double v = binVolumes[slot(b)];
            total += v;
            if (v > pocVolume || v == pocVolume && Math.abs(2 * b - twiceMiddle) < Math.abs(2 * poc - twiceMiddle)) {
                poc = b;
                pocVolume = v;
            }
        }
        totalVolume = total;
        if (!(total > 0)) {
            defined = false;
            return;
        }
        double target = valueAreaFraction * total;
        long down = poc;
        long up = poc;
        double area = pocVolume;
        while (area < target && (down > rangeLow || up < rangeHigh)) {
            boolean canUp = up < rangeHigh;
            boolean canDown = down > rangeLow;
            double above = canUp ? volumeInBin(up + 1) + (up + 2 <= rangeHigh ? volumeInBin(up + 2) : 0) : 0;
            double below = canDown ? volumeInBin(down - 1) + (down - 2 >= rangeLow ? volumeInBin(down - 2) : 0) : 0;
            boolean takeUp = canUp && (!canDown || above >= below);
            boolean takeDown = canDown && (!canUp || below >= above);
            if (takeUp) {
                up = Math.min(up + 2, rangeHigh);
                area += above;
            }
            if (takeDown) {
                down = Math.max(down - 2, rangeLow);
                area += below;
            }
        }
        defined = true;
        pocBin = poc;
        valueAreaLowBin = down;
        valueAreaHighBin = up;
        valueAreaVolume = area;
    }
}

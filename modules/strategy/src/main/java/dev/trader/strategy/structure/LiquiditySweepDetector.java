package dev.trader.strategy.structure;

import dev.trader.strategy.state.StateObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Liquidity sweeps: a bar that trades beyond a prior confirmed swing level and closes back
 * inside it.
 *
 * <p><b>Definition.</b> Every swing confirmed by the embedded {@link SwingDetector} becomes an
 * <em>active</em> level from the bar after its confirming bar. For each later bar and each
 * active swing-high level {@code H}:
 * <ul>
 *   <li>{@code high > H && close < H}: a sweep of {@code H} is reported and the level is
 *       retired (its liquidity is taken);</li>
 *   <li>otherwise {@code close > H}: the level is broken (accepted above), retired, no event;</li>
 *   <li>otherwise (no trade beyond, or a close exactly at {@code H}): it stays active.</li>
 * </ul>
 * Swing lows mirror this: {@code low < L && close > L} is a sweep, {@code close < L} a break.
 * All comparisons are strict, so a bar whose high only equals the level does not sweep it.
 * One bar can sweep several levels: one event each, highs first, then lows, each side oldest
 * swing first. At most {@code maxLevels} levels per side are active; when another is
 * confirmed the oldest is dropped. O(maxLevels) per bar, independent of the history length.
 */
public final class LiquiditySweepDetector extends StateObject implements StructureDetector<LiquiditySweep> {
    private SwingDetector swings;
    private int maxLevels;
    private double[] highLevels;
    private long[] highBars;
    private int highCount;
    private double[] lowLevels;
    private long[] lowBars;
    private int lowCount;

    private LiquiditySweepDetector() {
    }

    /** Up to 10 active levels per side. */
    public LiquiditySweepDetector(int left, int right) {
        this(left, right, 10);
    }

    public LiquiditySweepDetector(int left, int right, int maxLevels) {
        this.swings = new SwingDetector(left, right);
        this.maxLevels = BarInput.positive(maxLevels, "max levels");
        this.highLevels = new double[maxLevels];
        this.highBars = new long[maxLevels];
        this.lowLevels = new double[maxLevels];
        this.lowBars = new long[maxLevels];
    }

    @Override
    public List<LiquiditySweep> update(long timeMs, double open, double high, double low, double close) {
        BarInput.check(open, high, low, close);
        long n = swings.barCount();
        List<LiquiditySweep> out = null;
        int kept = 0;
        for (int i = 0; i < highCount; i++) {
            double level = highLevels[i];
            if (high > level && close < level) {
                out = add(out, new LiquiditySweep(SwingKind.HIGH, level, highBars[i], n, timeMs, high, close));
            } else if (!(close > level)) {
                highLevels[kept] = level;
                highBars[kept] = highBars[i];
                kept++;
            }
        }
        highCount = kept;
        kept = 0;
        for (int i = 0; i < lowCount; i++) {
            double level = lowLevels[i];
            if (low < level && close > level) {
                out = add(out, new LiquiditySweep(SwingKind.LOW, level, lowBars[i], n, timeMs, low, close));
            } else if (!(close < level)) {
                lowLevels[kept] = level;
                lowBars[kept] = lowBars[i];
                kept++;
            }
        }
        lowCount = kept;
        for (Swing s : swings.update(timeMs, open, high, low, close)) {
            if (s.isHigh()) {
                highCount = append(highLevels, highBars, highCount, s);
            } else {
                lowCount = append(lowLevels, lowBars, lowCount, s);
            }
        }
        return out == null ? List.of() : out;
    }

    private static List<LiquiditySweep> add(List<LiquiditySweep> out, LiquiditySweep sweep) {
        List<LiquiditySweep> list = out == null ? new ArrayList<>(2) : out;
        list.add(sweep);
        return list;
    }

    private int append(double[] levels, long[] bars, int size, Swing s) {
        int n = size;
        if (n == maxLevels) {
            System.arraycopy(levels, 1, levels, 0, n - 1);
            System.arraycopy(bars, 1, bars, 0, n - 1);
            n--;
        }
        levels[n] = s.price();
        bars[n] = s.barIndex();
        return n + 1;
    }

    /** The prices of the active swing-high levels, oldest first. */
    public double[] activeHighs() {
        return Arrays.copyOf(highLevels, highCount);
    }

    /** The prices of the active swing-low levels, oldest first. */
    public double[] activeLows() {
        return Arrays.copyOf(lowLevels, lowCount);
    }

    /** The embedded swing detector, to read only. */
    public SwingDetector swings() {
        return swings;
    }

    public int maxLevels() {
        return maxLevels;
    }

    @Override
    public long barCount() {
        return swings.barCount();
    }
}

package dev.trader.strategy.structure;

import dev.trader.strategy.indicator.Atr;
import dev.trader.strategy.state.StateObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Equal highs and equal lows: when a swing high (low) is confirmed, it is compared with the
 * <em>previous</em> confirmed swing high (low) only; if {@code |second - first| <= tolerance}
 * (inclusive) an {@link EqualLevel} is reported by the bar that confirmed the second swing.
 * Swings come from an embedded {@link SwingDetector} (see it for the definition and the
 * confirmation delay).
 *
 * <p>The tolerance is {@link Tolerance#at(double, double)} with the first swing's price as the
 * reference and the {@link Atr} (Wilder, {@code atrPeriod}) as of the confirming bar's close
 * (no later data). With an ATR-based tolerance nothing is reported until the ATR is ready.
 * Each pair is reported once; three equal highs in a row give two events (1-2 and 2-3).
 * O(1) amortized per bar.
 */
public final class EqualLevelDetector extends StateObject implements StructureDetector<EqualLevel> {
    private SwingDetector swings;
    private Atr atr;
    private Tolerance tolerance;
    private SwingSlot previousHigh;
    private SwingSlot previousLow;

    private EqualLevelDetector() {
    }

    /** With ATR period 14 (only used if the tolerance has an ATR part). */
    public EqualLevelDetector(int left, int right, Tolerance tolerance) {
        this(left, right, tolerance, 14);
    }

    public EqualLevelDetector(int left, int right, Tolerance tolerance, int atrPeriod) {
        if (tolerance == null) {
            throw new IllegalArgumentException("tolerance is required");
        }
        this.swings = new SwingDetector(left, right);
        this.atr = new Atr(atrPeriod);
        this.tolerance = tolerance;
        this.previousHigh = new SwingSlot(SwingKind.HIGH);
        this.previousLow = new SwingSlot(SwingKind.LOW);
    }

    @Override
    public List<EqualLevel> update(long timeMs, double open, double high, double low, double close) {
        BarInput.check(open, high, low, close);
        atr.update(open, high, low, close, 0);
        List<Swing> confirmed = swings.update(timeMs, open, high, low, close);
        if (confirmed.isEmpty()) {
            return List.of();
        }
        List<EqualLevel> out = new ArrayList<>(2);
        for (Swing s : confirmed) {
            SwingSlot previous = s.isHigh() ? previousHigh : previousLow;
            if (!previous.isEmpty()) {
                double tol = tolerance.at(previous.price(), atr.value());
                if (Math.abs(s.price() - previous.price()) <= tol) {
                    out.add(new EqualLevel(s.kind(), previous.price(), previous.barIndex(), s.price(), s.barIndex(),
                            s.timeMs(), tol, s.confirmedIndex()));
                }
            }
            previous.set(s);
        }
        return out.isEmpty() ? List.of() : out;
    }

    /** The embedded swing detector, to read only. */
    public SwingDetector swings() {
        return swings;
    }

    /** The ATR used by the tolerance, to read only. */
    public Atr atr() {
        return atr;
    }

    public Tolerance tolerance() {
        return tolerance;
    }

    @Override
    public long barCount() {
        return swings.barCount();
    }
}

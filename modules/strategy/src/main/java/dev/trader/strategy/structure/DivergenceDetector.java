package dev.trader.strategy.structure;

import dev.trader.domain.market.Bar;
import dev.trader.strategy.state.StateObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Regular and hidden divergences between price and any oscillator the caller supplies per bar
 * (RSI, MACD histogram, ...), between the last two confirmed swings of the same kind.
 *
 * <p><b>Definition.</b> Swings are those of an embedded {@link SwingDetector} on the bars'
 * highs and lows. The oscillator value of a swing is the value supplied with its pivot bar
 * (not an oscillator pivot). When a swing is confirmed it is compared with the previous
 * confirmed swing of the same kind, with strict comparisons on both series:
 * <pre>
 *   swing lows:  price2 &lt; price1 and osc2 &gt; osc1  -&gt; REGULAR_BULLISH
 *                price2 &gt; price1 and osc2 &lt; osc1  -&gt; HIDDEN_BULLISH
 *   swing highs: price2 &gt; price1 and osc2 &lt; osc1  -&gt; REGULAR_BEARISH
 *                price2 &lt; price1 and osc2 &gt; osc1  -&gt; HIDDEN_BEARISH
 * </pre>
 * Equal prices or equal oscillator values give no divergence, nor does a NaN oscillator value
 * (an oscillator still warming up) at either swing, nor two swings more than
 * {@code maxBarsBetween} pivot bars apart. The event is reported by the bar that confirms the
 * second swing ({@code pivot + right}): the confirmation delay of the swings, never earlier.
 * O(1) amortized per bar.
 */
public final class DivergenceDetector extends StateObject {
    private SwingDetector swings;
    private int maxBarsBetween;
    /** The oscillator values of the last {@code right + 1} bars, by index modulo the length. */
    private double[] oscillator;
    private SwingSlot previousHigh;
    private double previousHighOscillator = Double.NaN;
    private SwingSlot previousLow;
    private double previousLowOscillator = Double.NaN;

    private DivergenceDetector() {
    }

    /** Swings of any distance apart are compared. */
    public DivergenceDetector(int left, int right) {
        this(left, right, Integer.MAX_VALUE);
    }

    /**
     * @param maxBarsBetween the largest distance between the two pivot bars that still counts
     */
    public DivergenceDetector(int left, int right, int maxBarsBetween) {
        this.swings = new SwingDetector(left, right);
        this.maxBarsBetween = BarInput.positive(maxBarsBetween, "max bars between swings");
        this.oscillator = new double[right + 1];
        this.previousHigh = new SwingSlot(SwingKind.HIGH);
        this.previousLow = new SwingSlot(SwingKind.LOW);
    }

    /**
     * Feeds one closed bar and the oscillator's value at its close (NaN while it warms up).
     *
     * @return the divergences the bar confirmed, usually none
     */
    public List<Divergence> update(long timeMs, double open, double high, double low, double close, double oscillatorValue) {
        BarInput.check(open, high, low, close);
        long n = swings.barCount();
        oscillator[(int) (n % oscillator.length)] = oscillatorValue;
        List<Swing> confirmed = swings.update(timeMs, open, high, low, close);
        if (confirmed.isEmpty()) {
            return List.of();
        }
        List<Divergence> out = null;
        for (Swing s : confirmed) {
            double osc = oscillator[(int) (s.barIndex() % oscillator.length)];
            SwingSlot previous = s.isHigh() ? previousHigh : previousLow;
            double previousOsc = s.isHigh() ? previousHighOscillator : previousLowOscillator;
            DivergenceType type = previous.isEmpty() || s.barIndex() - previous.barIndex() > maxBarsBetween
                    ? null : classify(s.kind(), previous.price(), previousOsc, s.price(), osc);
            if (type != null) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(new Divergence(type, previous.barIndex(), previous.price(), previousOsc, s.barIndex(), s.price(),
                        osc, s.timeMs(), s.confirmedIndex()));
            }
            previous.set(s);
            if (s.isHigh()) {
                previousHighOscillator = osc;
            } else {
                previousLowOscillator = osc;
            }
        }
        return out == null ? List.of() : out;
    }

    /** The same as {@link #update(long, double, double, double, double, double)} with the bar's prices as doubles. */
    public List<Divergence> update(Bar bar, double oscillatorValue) {
        return update(bar.openTime().toEpochMilli(), BarInput.toDouble(bar.open()), BarInput.toDouble(bar.high()),
                BarInput.toDouble(bar.low()), BarInput.toDouble(bar.close()), oscillatorValue);
    }

    private static DivergenceType classify(SwingKind kind, double price1, double osc1, double price2, double osc2) {
        if (kind == SwingKind.LOW) {
            if (price2 < price1 && osc2 > osc1) {
                return DivergenceType.REGULAR_BULLISH;
            }
            if (price2 > price1 && osc2 < osc1) {
                return DivergenceType.HIDDEN_BULLISH;
            }
        } else {
            if (price2 > price1 && osc2 < osc1) {
                return DivergenceType.REGULAR_BEARISH;
            }
            if (price2 < price1 && osc2 > osc1) {
                return DivergenceType.HIDDEN_BEARISH;
            }
        }
        return null;
    }

    /** The embedded swing detector, to read only. */
    public SwingDetector swings() {
        return swings;
    }

    public int maxBarsBetween() {
        return maxBarsBetween;
    }

    /** How many bars have been fed; the next bar gets this index. */
    public long barCount() {
        return swings.barCount();
    }
}

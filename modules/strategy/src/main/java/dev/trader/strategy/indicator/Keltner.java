package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Keltner channels, StockCharts' modern definition (TA-Lib has none): middle = EMA(close,
 * {@code emaPeriod}), upper/lower = middle ± {@code multiplier} · ATR({@code atrPeriod}).
 * StockCharts' defaults: EMA 20, ATR 10, multiplier 2.
 *
 * <p>Seeding: the parts are this package's {@link Ema} (seeded with the simple average of the
 * first {@code emaPeriod} closes, as StockCharts and TA-Lib both do) and {@link Atr} (TA-Lib's:
 * the first ATR is the mean of the true ranges of bars 2 … {@code atrPeriod + 1}). StockCharts'
 * spreadsheet seeds its ATR one bar earlier, counting the first bar's high − low as a true range;
 * the difference shrinks by (atrPeriod − 1)/atrPeriod per bar, so the bands agree after the
 * warm-up has washed out.
 *
 * <p>Warm-up: {@code max(emaPeriod, atrPeriod + 1)} bars (20 for the defaults); NaN before. O(1).
 */
public final class Keltner extends StateObject implements BarIndicator {
    private int emaPeriod;
    private int atrPeriod;
    private double multiplier;
    private Ema middle;
    private Atr atr;

    private Keltner() {
    }

    /** StockCharts' defaults: EMA(20) ± 2 · ATR(10). */
    public static Keltner stockChartsDefaults() {
        return new Keltner(20, 10, 2.0);
    }

    public Keltner(int emaPeriod, int atrPeriod, double multiplier) {
        if (emaPeriod < 1) {
            throw new IllegalArgumentException("emaPeriod must be at least 1 but was " + emaPeriod);
        }
        if (atrPeriod < 1) {
            throw new IllegalArgumentException("atrPeriod must be at least 1 but was " + atrPeriod);
        }
        if (!(multiplier > 0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be positive and finite but was " + multiplier);
        }
        this.emaPeriod = emaPeriod;
        this.atrPeriod = atrPeriod;
        this.multiplier = multiplier;
        this.middle = new Ema(emaPeriod);
        this.atr = new Atr(atrPeriod);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        middle.update(close);
        atr.update(open, high, low, close, volume);
    }

    public void update(double high, double low, double close) {
        update(Double.NaN, high, low, close, Double.NaN);
    }

    /** EMA of the close; NaN during the warm-up. */
    public double middle() {
        return isReady() ? middle.value() : Double.NaN;
    }

    /** middle + multiplier · ATR; NaN during the warm-up. */
    public double upper() {
        return isReady() ? middle.value() + multiplier * atr.value() : Double.NaN;
    }

    /** middle − multiplier · ATR; NaN during the warm-up. */
    public double lower() {
        return isReady() ? middle.value() - multiplier * atr.value() : Double.NaN;
    }

    /** The ATR the bands are built from; NaN during the warm-up. */
    public double atr() {
        return isReady() ? atr.value() : Double.NaN;
    }

    @Override
    public boolean isReady() {
        return middle.isReady() && atr.isReady();
    }

    @Override
    public int warmUp() {
        return Math.max(emaPeriod, atrPeriod + 1);
    }

    public double multiplier() {
        return multiplier;
    }
}

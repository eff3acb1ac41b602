package dev.trader.strategy.indicator;

import java.util.List;

/**
 * The standard indicator set, under the column names of the TA-Lib golden files, so the output
 * of {@code bin/trader indicators} can be diffed against TA-Lib directly. One instance per
 * series; {@link #update} then {@link #values} once per bar.
 */
public final class StandardColumns {
    public static final List<String> NAMES = List.of("sma_20", "ema_20", "rsi_14", "atr_14", "macd_12_26_9", "macd_signal",
            "macd_hist", "adx_14", "plus_di_14", "minus_di_14", "bb_upper_20_2", "bb_middle_20_2", "bb_lower_20_2");

    private final Sma sma20 = new Sma(20);
    private final Ema ema20 = new Ema(20);
    private final Rsi rsi14 = new Rsi(14);
    private final Atr atr14 = new Atr(14);
    private final Macd macd = new Macd(12, 26, 9);
    private final Adx adx14 = new Adx(14);
    private final BollingerBands bb20 = new BollingerBands(20, 2.0);

    public void update(double open, double high, double low, double close, double volume) {
        sma20.update(close);
        ema20.update(close);
        rsi14.update(close);
        atr14.update(open, high, low, close, volume);
        macd.update(close);
        adx14.update(open, high, low, close, volume);
        bb20.update(close);
    }

    /** The current values in {@link #NAMES} order, NaN where an indicator is still warming up. */
    public void values(double[] out) {
        out[0] = sma20.value();
        out[1] = ema20.value();
        out[2] = rsi14.value();
        out[3] = atr14.value();
        out[4] = macd.line();
        out[5] = macd.signal();
        out[6] = macd.histogram();
        out[7] = adx14.adx();
        out[8] = adx14.plusDi();
        out[9] = adx14.minusDi();
        out[10] = bb20.upper();
        out[11] = bb20.middle();
        out[12] = bb20.lower();
    }
}

package dev.trader.strategy.structure;

import java.util.ArrayList;
import java.util.List;

/** One test bar as doubles, plus optional extra columns (TA-Lib goldens). */
record Candle(long timeMs, double open, double high, double low, double close, double volume, double[] extra) {

    static final long MINUTE = 60_000L;

    /** A bar with open = close = low (valid for any high &gt;= low), for tests that only care about highs and lows. */
    static Candle hl(double high, double low) {
        return new Candle(0, low, high, low, low, 0, new double[0]);
    }

    static Candle ohlc(double open, double high, double low, double close) {
        return new Candle(0, open, high, low, close, 0, new double[0]);
    }

    /** Numbers the bars' times one minute apart from 0, so events can be told apart by time too. */
    static List<Candle> timed(Candle... bars) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < bars.length; i++) {
            Candle b = bars[i];
            out.add(new Candle(i * MINUTE, b.open, b.high, b.low, b.close, b.volume, b.extra));
        }
        return out;
    }

    double extra(int i) {
        return extra[i];
    }
}

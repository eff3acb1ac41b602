package dev.trader.execution.sim.api;

/** Binance's times on the wire: milliseconds, or microseconds (its spot data dumps since 2025, time parameters a client may send). */
public final class BinanceTime {
    /** A time at least this large is µs: 10^14 ms is beyond the year 5000, 10^14 µs is 1973. */
    public static final long MICROS_THRESHOLD = 100_000_000_000_000L;

    private BinanceTime() {
    }

    /** {@code t} in ms, whichever of the two units it was given in. */
    public static long toMillis(long t) {
        return t >= MICROS_THRESHOLD ? t / 1000 : t;
    }
}

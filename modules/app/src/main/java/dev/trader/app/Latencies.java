package dev.trader.app;

import java.util.Arrays;

/** Latencies in microseconds, kept whole (a benchmark's tens of thousands): exact percentiles, no bucketing. */
final class Latencies {
    private long[] values = new long[1024];
    private int count;

    synchronized void record(long micros) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = micros;
    }

    synchronized long count() {
        return count;
    }

    /** The value at {@code percentile} (0..100) by the nearest-rank method, in milliseconds; NaN when empty. */
    synchronized double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1000.0;
    }
}

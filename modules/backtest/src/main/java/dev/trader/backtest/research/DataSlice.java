package dev.trader.backtest.research;

import dev.trader.backtest.MarketData;
import dev.trader.domain.market.Bar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of the market data inside a time window {@code [from, to)}: the bars that opened at or
 * after {@code from} and <em>closed</em> by {@code to}, so a window never sees a price from after
 * its end, even when its end is not on the bar grid.
 */
public final class DataSlice {
    private DataSlice() {
    }

    /** The bars of {@code data} in the window; empty when none. */
    public static Optional<MarketData> of(MarketData data, Instant from, Instant to) {
        long start = from.toEpochMilli();
        long lastOpen = to.toEpochMilli() - data.timeframe().millis(); // open + bar <= to
        int lo = firstAtOrAfter(data, start);
        List<Bar> bars = new ArrayList<>();
        for (int i = lo; i < data.size() && data.openMillis(i) <= lastOpen; i++) {
            bars.add(data.bar(i));
        }
        return bars.isEmpty() ? Optional.empty() : Optional.of(MarketData.of(bars));
    }

    /** The index of the first bar opening at or after {@code millis} (binary search over the merged, time-ordered timeline). */
    private static int firstAtOrAfter(MarketData data, long millis) {
        int lo = 0;
        int hi = data.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (data.openMillis(mid) < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first bar's open. */
    public static Instant start(MarketData data) {
        return Instant.ofEpochMilli(data.openMillis(0));
    }

    /** The last bar's close: the end of the data. */
    public static Instant end(MarketData data) {
        return Instant.ofEpochMilli(data.openMillis(data.size() - 1) + data.timeframe().millis());
    }
}

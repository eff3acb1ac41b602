package dev.trader.marketdata;

import dev.trader.domain.id.InstrumentId;
import java.time.Instant;
import java.util.Objects;

/**
 * Bars missing between two accepted bars: a venue outage or a hole in the file. Not an error,
 * since the bar after the gap is fine, but a strategy or a backtest has to know.
 *
 * @param instrument  the instrument whose bars are missing
 * @param from        open time of the first missing bar (inclusive)
 * @param to          open time of the bar that ended the gap (exclusive)
 * @param missingBars how many bars of the timeframe fit in {@code [from, to)}
 */
public record Gap(InstrumentId instrument, Instant from, Instant to, long missingBars) implements FeedItem {
    public Gap {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to) || missingBars <= 0) {
            throw new IllegalArgumentException("a gap needs from < to and missingBars > 0: " + from + ", " + to + ", " + missingBars);
        }
    }
}

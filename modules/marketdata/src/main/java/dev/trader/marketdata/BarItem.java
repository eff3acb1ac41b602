package dev.trader.marketdata;

import dev.trader.domain.market.Bar;
import java.util.Objects;

/**
 * An accepted bar.
 *
 * @param bar  the bar, valid by construction
 * @param line where it came from: the 1-based line of a CSV file, or the 1-based position of
 *             the candle in a JSON array
 */
public record BarItem(Bar bar, long line) implements FeedItem {
    public BarItem {
        Objects.requireNonNull(bar, "bar");
    }
}

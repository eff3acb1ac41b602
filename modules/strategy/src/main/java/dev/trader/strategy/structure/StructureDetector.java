package dev.trader.strategy.structure;

import dev.trader.domain.market.Bar;
import java.util.List;

/**
 * An incremental detector of price structure, fed one closed bar at a time, in order. Each
 * update returns the events that the bar's close made known (usually none: an empty,
 * unmodifiable list), so nothing is ever reported before the bars that confirm it have closed.
 * Bar indexes in the events count the bars fed to the detector, from 0.
 *
 * <p>Prices must be finite with {@code low <= min(open, close)} and {@code high >= max(open,
 * close)}; an inconsistent bar is rejected with {@link IllegalArgumentException} before any
 * state changes.
 *
 * @param <E> the event type
 */
public interface StructureDetector<E> {

    List<E> update(long timeMs, double open, double high, double low, double close);

    /** The same as {@link #update(long, double, double, double, double)} with the bar's prices as doubles. */
    default List<E> update(Bar bar) {
        return update(bar.openTime().toEpochMilli(), BarInput.toDouble(bar.open()), BarInput.toDouble(bar.high()),
                BarInput.toDouble(bar.low()), BarInput.toDouble(bar.close()));
    }

    /** How many bars have been fed; the next bar gets this index. */
    long barCount();
}

package dev.trader.engine.readmodel.query;

import java.util.List;

/**
 * One page of a query: its rows (newest first), the cursor of the next page (null on the last) and
 * how many rows the whole filter selects.
 */
public record Page<T>(List<T> items, String nextCursor, long total) {
    public Page {
        items = List.copyOf(items);
    }
}

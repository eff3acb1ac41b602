package dev.trader.api.read;

import dev.trader.engine.readmodel.query.Page;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON of a page of {@code /api/orders}, {@code /api/trades} or {@code /api/signals}: its rows
 * (newest first), the cursor to ask the next page with ({@code ?cursor=}; null on the last page) and
 * how many rows the whole filter selects.
 */
public record PageView<T>(List<T> items, String nextCursor, long total) {
    public static <R, T> PageView<T> of(Page<R> page, Function<R, T> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.nextCursor(), page.total());
    }
}

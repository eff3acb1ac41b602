package dev.trader.engine.readmodel.query;

/**
 * How much of a query's result to return: at most {@code limit} rows (1..{@value #MAX_LIMIT},
 * {@value #DEFAULT_LIMIT} when not given), after {@code cursor} (null: from the newest).
 */
public record PageRequest(int limit, Cursor cursor) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    public static final PageRequest FIRST = new PageRequest(DEFAULT_LIMIT, null);

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + " but was " + limit);
        }
    }

    /** The first {@code limit} rows. */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }
}

package dev.trader.execution.sim.rest;

import dev.trader.execution.sim.api.BinanceError;
import java.util.List;

/** The {@code limit} parameter of the list endpoints: default when absent, -1130 naming it when outside 1..max. */
final class Limits {
    private Limits() {
    }

    static int limit(RequestParams p, int defaultLimit, int max) {
        int limit = p.intValue("limit").orElse(defaultLimit);
        if (limit < 1 || limit > max) {
            throw BinanceError.invalidParameter("limit").exception();
        }
        return limit;
    }

    /**
     * The part of {@code all} (oldest first) a list endpoint answers: the {@code limit} newest, or with a starting point
     * ({@code fromStart}: a start time or a first id) the {@code limit} oldest from there.
     */
    static <T> List<T> window(List<T> all, int limit, boolean fromStart) {
        return fromStart ? all.subList(0, Math.min(limit, all.size())) : all.subList(Math.max(0, all.size() - limit), all.size());
    }

    /** Binance refuses a time range of more than 24 hours (-1127). */
    static void at24Hours(Long start, Long end) {
        if (start != null && end != null && end - start > 86_400_000L) {
            throw BinanceError.moreThan24Hours().exception();
        }
    }
}

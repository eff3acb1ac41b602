package dev.trader.execution.sim.rest;

import dev.trader.execution.sim.api.BinanceError;

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

    /** Binance refuses a time range of more than 24 hours (-1127). */
    static void at24Hours(Long start, Long end) {
        if (start != null && end != null && end - start > 86_400_000L) {
            throw BinanceError.moreThan24Hours().exception();
        }
    }
}

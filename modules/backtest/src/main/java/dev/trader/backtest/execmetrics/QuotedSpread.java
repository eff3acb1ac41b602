package dev.trader.backtest.execmetrics;

import dev.trader.domain.market.Quote;
import java.math.BigDecimal;
import java.util.List;

/**
 * The quoted spread, {@code (ask − bid) / mid × 10000}, of every top-of-book update: per update,
 * not weighted by how long the quote stood. Busy moments, when quotes change often, weigh more than
 * quiet ones; for the liquid pairs measured here the spread is one tick nearly all the time, so
 * the two weightings hardly differ, and per update keeps every figure a plain percentile of rows
 * anyone can recompute from the file.
 */
final class QuotedSpread {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private QuotedSpread() {
    }

    /** {@code (ask − bid) / ((ask + bid) / 2) × 10000}, computed as {@code 2 (ask − bid) / (ask + bid)} so that only the last step rounds. */
    static BigDecimal bps(Quote q) {
        BigDecimal bid = q.bid().toBigDecimal();
        BigDecimal ask = q.ask().toBigDecimal();
        return Bps.of(ask.subtract(bid).multiply(TWO), ask.add(bid));
    }

    /** Observes every quote at its own time; returns how many were used (all of them). */
    static long measure(List<Quote> quotes, Observations out) {
        for (Quote q : quotes) {
            out.add(q.instrument(), q.time(), bps(q));
        }
        return quotes.size();
    }
}

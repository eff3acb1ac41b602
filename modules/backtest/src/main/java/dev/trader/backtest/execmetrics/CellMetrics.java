package dev.trader.backtest.execmetrics;

import java.util.Objects;

/** The costs measured for one symbol in one session: the quoted spread and the taker slippage, in basis points. */
public record CellMetrics(BpsStats spread, BpsStats slippage) {
    public static final CellMetrics EMPTY = new CellMetrics(BpsStats.EMPTY, BpsStats.EMPTY);

    public CellMetrics {
        Objects.requireNonNull(spread, "spread");
        Objects.requireNonNull(slippage, "slippage");
        if (!spread.isEmpty() && !BpsStats.QUOTES.equals(spread.method())) {
            throw new IllegalArgumentException("a spread is measured from quotes, not by " + spread.method());
        }
        if (!slippage.isEmpty() && BpsStats.QUOTES.equals(slippage.method())) {
            throw new IllegalArgumentException("slippage is measured from trades or bars, not by " + slippage.method());
        }
        if (!spread.isEmpty() && spread.p50().signum() < 0) {
            throw new IllegalArgumentException("a spread cannot be negative: " + spread);
        }
    }

    /** Nothing measured at all. */
    public boolean isEmpty() {
        return spread.isEmpty() && slippage.isEmpty();
    }
}

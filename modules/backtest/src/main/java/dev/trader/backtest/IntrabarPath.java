package dev.trader.backtest;

import dev.trader.domain.market.Bar;

/**
 * What is known about the order in which a bar reached its low and its high. A bar alone does
 * not say, so the default, {@link #UNKNOWN}, makes the simulated exchange conservative: when one
 * bar's range reaches both a stop and a limit (say a protective stop and a take-profit), the
 * stop fills first. A source of intrabar data (ticks, lower-timeframe bars) can say otherwise per
 * bar. Whatever it says, an order that the open itself reaches fills first, at the open.
 */
@FunctionalInterface
public interface IntrabarPath {
    /** The conservative default: nothing is known, stops before limits. */
    IntrabarPath UNKNOWN = bar -> Sequence.UNKNOWN;

    Sequence sequence(Bar bar);

    enum Sequence {
        /** Order unknown: stops are taken first, then limits. */
        UNKNOWN,
        /** The bar went to its low before its high. */
        LOW_FIRST,
        /** The bar went to its high before its low. */
        HIGH_FIRST
    }
}

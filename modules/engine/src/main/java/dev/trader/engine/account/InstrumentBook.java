package dev.trader.engine.account;

import dev.trader.domain.money.Quantity;

/**
 * The account's view of one instrument: the filled (long) quantity, the sequence number of the
 * current or last position (every new position gets its own entity), and the strategy that
 * opened the current one: only that strategy's exit closes it, so two strategies on one
 * instrument cannot close each other's trades. {@code owner} is null while nothing is held or
 * pending.
 */
public record InstrumentBook(String instrument, Quantity filled, int positionSeq, String owner) {
    static InstrumentBook empty(String instrument) {
        return new InstrumentBook(instrument, Quantity.ZERO, 0, null);
    }
}

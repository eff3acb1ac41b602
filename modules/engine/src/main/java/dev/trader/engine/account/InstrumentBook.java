package dev.trader.engine.account;

import dev.trader.domain.money.Quantity;

/**
 * The account's view of one instrument: the filled (long) quantity and the sequence number of
 * the current or last position, so every new position gets its own entity.
 */
public record InstrumentBook(String instrument, Quantity filled, int positionSeq) {
    static InstrumentBook empty(String instrument) {
        return new InstrumentBook(instrument, Quantity.ZERO, 0);
    }
}

package dev.trader.execution.binance;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What our fills hold of each instrument, in the base asset (buys minus sells minus any fee paid in
 * the base asset, since Binance takes that from what was bought). Spot has no reduceOnly flag: this
 * is what the adapter caps reduce-only orders at.
 */
final class Holdings {
    private final Map<InstrumentId, BigDecimal> held = new HashMap<>();

    synchronized void restore(InstrumentId instrument, BigDecimal quantity) {
        held.put(instrument, quantity);
    }

    synchronized BigDecimal of(InstrumentId instrument) {
        return held.getOrDefault(instrument, BigDecimal.ZERO);
    }

    /** How much an order on {@code side} can reduce: a sell what is held long, a buy what is short. */
    synchronized BigDecimal reducible(InstrumentId instrument, OrderSide side) {
        BigDecimal h = of(instrument);
        return (side == OrderSide.SELL ? h : h.negate()).max(BigDecimal.ZERO);
    }

    /** Adds {@code delta} and returns {before, after}. */
    synchronized BigDecimal[] add(InstrumentId instrument, BigDecimal delta) {
        BigDecimal before = of(instrument);
        BigDecimal after = before.add(delta);
        held.put(instrument, after);
        return new BigDecimal[] {before, after};
    }
}

package dev.trader.domain.algo;

import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Whether a child of some size could be sent: rounded down to the instrument's lot, and at least
 * its minimum quantity and minimum notional at {@code reference} (the price the parent was decided
 * at, or the close the child is decided at).
 */
public record SliceSizing(InstrumentRules rules, Price reference) {
    public SliceSizing {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(reference, "reference");
        if (!reference.isPositive()) {
            throw new IllegalArgumentException("the reference price must be positive but was " + reference);
        }
    }

    /** {@code amount} rounded down to the lot; zero for a non-positive amount. */
    public Quantity lots(BigDecimal amount) {
        if (amount.signum() <= 0) {
            return Quantity.ZERO;
        }
        BigDecimal lot = rules.lotSize().toBigDecimal();
        return Quantity.of(amount.divideToIntegralValue(lot).multiply(lot).stripTrailingZeros());
    }

    /** Whether the venue would take an order of {@code quantity} (a whole number of lots, at or above both minimums). */
    public boolean placeable(Quantity quantity) {
        if (quantity.isZero() || quantity.compareTo(rules.minQuantity()) < 0 || !lots(quantity.toBigDecimal()).equals(quantity)) {
            return false;
        }
        // Exact product, as the venue checks it.
        return reference.toBigDecimal().multiply(quantity.toBigDecimal()).compareTo(rules.minNotional().toBigDecimal()) >= 0;
    }
}

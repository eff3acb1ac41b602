package dev.trader.backtest;

import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** How many units a LONG signal buys. */
public sealed interface Sizing {
    /** The quantity to buy when the signal's reference price (its bar's close) is {@code reference}; zero for none. */
    Quantity quantity(Price reference);

    /** Always the same quantity (R1: 1.0). */
    record FixedQuantity(Quantity quantity) implements Sizing {
        public FixedQuantity {
            Objects.requireNonNull(quantity, "quantity");
            if (quantity.isZero()) {
                throw new IllegalArgumentException("a fixed quantity must be positive");
            }
        }

        @Override
        public Quantity quantity(Price reference) {
            return quantity;
        }
    }

    /**
     * As many lots as {@code notional} buys at the reference price, rounded down to a whole
     * number of lots (so possibly zero, and the signal is then ignored).
     */
    record FixedNotional(Money notional, Quantity lot) implements Sizing {
        public FixedNotional {
            Objects.requireNonNull(notional, "notional");
            Objects.requireNonNull(lot, "lot");
            if (notional.raw() <= 0) {
                throw new IllegalArgumentException("a fixed notional must be positive but was " + notional);
            }
            if (lot.isZero()) {
                throw new IllegalArgumentException("the lot size must be positive");
            }
        }

        @Override
        public Quantity quantity(Price reference) {
            if (!reference.isPositive()) {
                return Quantity.ZERO;
            }
            BigDecimal lots = notional.toBigDecimal().divide(reference.toBigDecimal().multiply(lot.toBigDecimal()), 0, RoundingMode.FLOOR);
            return Quantity.of(lots.multiply(lot.toBigDecimal()));
        }
    }

    static Sizing fixedQuantity(String quantity) {
        return new FixedQuantity(Quantity.of(quantity));
    }
}

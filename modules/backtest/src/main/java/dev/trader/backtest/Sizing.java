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

    /**
     * The quantity when the entry's protective stop and the account's equity are known too (null
     * stop: none). Fixed sizings ignore them; {@link RiskFraction} needs them.
     */
    default Quantity quantity(Price reference, Price stop, Money equity) {
        return quantity(reference);
    }

    /**
     * Risk a fixed fraction of equity per trade, as the risk module's sizing does but with none
     * of its gates: {@code equity × fraction / (|reference − stop| + feeRate × (reference + stop))},
     * capped at {@code maxLeverage × equity} of notional, down to the lot. Without a stop there is
     * no size (zero: the signal is ignored). This is what "rules off" trades in a challenge.
     */
    record RiskFraction(BigDecimal fraction, BigDecimal maxLeverage, BigDecimal feeRate, Quantity lot) implements Sizing {
        public RiskFraction {
            Objects.requireNonNull(fraction, "fraction");
            Objects.requireNonNull(maxLeverage, "maxLeverage");
            Objects.requireNonNull(feeRate, "feeRate");
            Objects.requireNonNull(lot, "lot");
            if (fraction.signum() <= 0 || maxLeverage.signum() <= 0 || feeRate.signum() < 0 || lot.isZero()) {
                throw new IllegalArgumentException("risk fraction, leverage and lot must be positive, the fee rate not negative");
            }
        }

        @Override
        public Quantity quantity(Price reference) {
            return Quantity.ZERO;
        }

        @Override
        public Quantity quantity(Price reference, Price stop, Money equity) {
            if (stop == null || !reference.isPositive() || equity.raw() <= 0) {
                return Quantity.ZERO;
            }
            BigDecimal entry = reference.toBigDecimal();
            BigDecimal exit = stop.toBigDecimal();
            BigDecimal perUnit = entry.subtract(exit).abs().add(feeRate.multiply(entry.add(exit)));
            if (perUnit.signum() <= 0) {
                return Quantity.ZERO;
            }
            BigDecimal l = lot.toBigDecimal();
            BigDecimal byRisk = equity.toBigDecimal().multiply(fraction).divide(perUnit.multiply(l), 0, RoundingMode.FLOOR);
            BigDecimal byNotional = equity.toBigDecimal().multiply(maxLeverage).divide(entry.multiply(l), 0, RoundingMode.FLOOR);
            return Quantity.of(byRisk.min(byNotional).multiply(l));
        }
    }

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

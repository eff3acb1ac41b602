package dev.trader.risk;

import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The flat pre-trade limits: a fixed notional per entry, a cap on the notional held per
 * instrument, and the fee rate reserved when checking that cash covers an order.
 */
public record RiskLimits(Money entryNotional, Money maxNotionalPerInstrument, BigDecimal feeRate) {
    public RiskLimits {
        Objects.requireNonNull(entryNotional, "entryNotional");
        Objects.requireNonNull(maxNotionalPerInstrument, "maxNotionalPerInstrument");
        Objects.requireNonNull(feeRate, "feeRate");
        if (entryNotional.isNegative() || entryNotional.raw() == 0) {
            throw new IllegalArgumentException("entry notional must be positive but was " + entryNotional);
        }
        if (maxNotionalPerInstrument.compareTo(entryNotional) < 0) {
            throw new IllegalArgumentException("max notional per instrument " + maxNotionalPerInstrument
                    + " is below the entry notional " + entryNotional);
        }
        if (feeRate.signum() < 0 || feeRate.compareTo(new BigDecimal("0.05")) > 0) {
            throw new IllegalArgumentException("fee rate must be within 0..0.05 but was " + feeRate);
        }
    }
}

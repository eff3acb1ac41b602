package dev.trader.risk.intrade;

import dev.trader.domain.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exact decimal helpers of the in-trade manager: canonical values and tick rounding. */
final class Decimals {
    private Decimals() {
    }

    /**
     * The canonical form of a decimal (no trailing zeros, never a negative scale), so that
     * records holding it compare by value: {@code 1.50} and {@code 1.5} are the same P&L.
     */
    static BigDecimal canonical(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** {@code value} rounded to a multiple of {@code tick} with {@code mode} (FLOOR or CEILING). */
    static Price toTick(BigDecimal value, Price tick, RoundingMode mode) {
        BigDecimal step = tick.toBigDecimal();
        return Price.of(value.divide(step, 0, mode).multiply(step));
    }

    static boolean isOnGrid(BigDecimal value, BigDecimal step) {
        return value.remainder(step).signum() == 0;
    }
}

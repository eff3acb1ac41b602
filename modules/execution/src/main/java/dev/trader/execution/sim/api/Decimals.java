package dev.trader.execution.sim.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimal arithmetic and wire format shared by the ledger and the payloads. Binance writes every
 * amount as a string with 8 decimals ("0.01000000"); the ledger keeps every amount at 8 decimals
 * at most, so formatting never rounds what the ledger holds.
 */
public final class Decimals {
    public static final int SCALE = 8;

    private Decimals() {
    }

    /** {@code v} as Binance writes it: a plain string with (at least) 8 decimals. */
    public static String wire(BigDecimal v) {
        BigDecimal plain = v.stripTrailingZeros();
        return plain.setScale(Math.max(SCALE, plain.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    /** Rounded half-up to the ledger's 8 decimals (quote amounts of fills, commissions). */
    public static BigDecimal round8(BigDecimal v) {
        return v.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Rounded up to 8 decimals (amounts to lock: never less than what may be spent). */
    public static BigDecimal ceil8(BigDecimal v) {
        return v.setScale(SCALE, RoundingMode.CEILING);
    }

    /** The largest multiple of {@code step} not above {@code v} (v, step positive). */
    public static BigDecimal floorToStep(BigDecimal v, BigDecimal step) {
        if (v.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return v.divide(step, 0, RoundingMode.FLOOR).multiply(step);
    }

    /** The smallest multiple of {@code step} not below {@code v}. */
    public static BigDecimal ceilToStep(BigDecimal v, BigDecimal step) {
        return v.divide(step, 0, RoundingMode.CEILING).multiply(step);
    }

    public static boolean isMultipleOf(BigDecimal v, BigDecimal step) {
        return v.remainder(step).signum() == 0;
    }
}

package dev.trader.backtest.metrics;

import dev.trader.backtest.RoundTrip;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * R multiples (Van Tharp): a trade's P&amp;L after fees in units of its initial risk, the risk
 * being {@code (entry price − initial stop) × quantity} for a long. Defined only when the entry
 * placed a stop below the entry price; otherwise R is N/A ({@code NaN}).
 */
public final class RMultiples {
    private RMultiples() {
    }

    /** The trade's initial risk in money, exact; null when it has none (no stop, or a stop at or above the entry). */
    public static BigDecimal initialRisk(RoundTrip t) {
        if (t.initialStop() == null) {
            return null;
        }
        BigDecimal perUnit = t.entryPrice().toBigDecimal().subtract(t.initialStop().toBigDecimal());
        if (perUnit.signum() <= 0) {
            return null;
        }
        return perUnit.multiply(t.quantity().toBigDecimal());
    }

    /** P&amp;L after fees over the initial risk; {@code NaN} when the trade has no initial risk. */
    public static double of(RoundTrip t) {
        BigDecimal risk = initialRisk(t);
        if (risk == null) {
            return Double.NaN;
        }
        return t.pnlAfterFees().toBigDecimal().divide(risk, MathContext.DECIMAL64).doubleValue();
    }
}

package dev.trader.risk.intrade;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How the stop trails a trade that moves in its favour. Whatever the mode, the stop is
 * re-evaluated at a bar's close, only ever tightens, and is in force from the next bar.
 * A plain record rather than a type hierarchy, so that a trade's state snapshots through the
 * engine's Jackson mapper without type information.
 *
 * @param mode          the trailing mode
 * @param atrMultiple   {@link Mode#ATR}: the stop trails the highest high since entry (a long; the lowest
 *                      low for a short), this bar included, by {@code atrMultiple} × the bar's ATR (a
 *                      chandelier stop); null for the other modes
 * @param swingLookback {@link Mode#SWING}: the stop trails one tick beyond the last confirmed swing low (a
 *                      long) or swing high (a short). The engine detects the swing ({@link SwingLevels}
 *                      with this many bars on each side of the pivot) and passes the level in
 *                      {@link BarInputs}; the manager only consumes it. 0 for the other modes
 */
public record Trailing(Mode mode, BigDecimal atrMultiple, int swingLookback) {

    public enum Mode { NONE, ATR, SWING }

    public Trailing {
        Objects.requireNonNull(mode, "trailing: the mode is required");
        switch (mode) {
            case NONE -> {
                requireUnused(atrMultiple == null && swingLookback == 0, mode);
            }
            case ATR -> {
                Objects.requireNonNull(atrMultiple, "ATR trailing: the multiple is required");
                if (atrMultiple.signum() <= 0) {
                    throw new IllegalArgumentException("ATR trailing: the multiple must be positive but was " + atrMultiple.toPlainString());
                }
                requireUnused(swingLookback == 0, mode);
                atrMultiple = Decimals.canonical(atrMultiple);
            }
            case SWING -> {
                if (swingLookback < 1) {
                    throw new IllegalArgumentException("swing trailing: the lookback must be at least 1 bar but was " + swingLookback);
                }
                requireUnused(atrMultiple == null, mode);
            }
        }
    }

    public static Trailing none() {
        return new Trailing(Mode.NONE, null, 0);
    }

    public static Trailing atr(BigDecimal multiple) {
        return new Trailing(Mode.ATR, multiple, 0);
    }

    public static Trailing atr(String multiple) {
        return atr(new BigDecimal(multiple));
    }

    public static Trailing swing(int lookback) {
        return new Trailing(Mode.SWING, null, lookback);
    }

    private static void requireUnused(boolean unused, Mode mode) {
        if (!unused) {
            throw new IllegalArgumentException("trailing " + mode + " takes only its own parameter (ATR: a multiple, SWING: a lookback)");
        }
    }
}

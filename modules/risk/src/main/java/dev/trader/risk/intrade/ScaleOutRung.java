package dev.trader.risk.intrade;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One rung of a scale-out ladder: when the trade reaches {@code r} × R in its favour, sell
 * {@code fraction} of the <em>original</em> quantity (rounded down to the lot).
 */
public record ScaleOutRung(BigDecimal r, BigDecimal fraction) {
    public ScaleOutRung {
        Objects.requireNonNull(r, "scale-out rung: the R level is required");
        Objects.requireNonNull(fraction, "scale-out rung: the fraction is required");
        if (r.signum() <= 0) {
            throw new IllegalArgumentException("scale-out rung: the R level must be positive but was " + r.toPlainString());
        }
        if (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("scale-out rung at " + r.toPlainString() + "R: the fraction must be within (0, 1] but was "
                    + fraction.toPlainString());
        }
        r = Decimals.canonical(r);
        fraction = Decimals.canonical(fraction);
    }

    public static ScaleOutRung of(String r, String fraction) {
        return new ScaleOutRung(new BigDecimal(r), new BigDecimal(fraction));
    }
}

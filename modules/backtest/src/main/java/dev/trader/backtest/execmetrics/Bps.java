package dev.trader.backtest.execmetrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Basis points as the metrics keep them: exact decimals, each observation rounded half-even to {@value #SCALE} places. */
final class Bps {
    /** 0.000001 bps is 1e-10 of the price: far below any venue's tick, so rounding here changes no fill. */
    static final int SCALE = 6;
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Bps() {
    }

    /** {@code part / whole × 10000}, rounded half-even to {@value #SCALE} decimals. */
    static BigDecimal of(BigDecimal part, BigDecimal whole) {
        return part.multiply(TEN_THOUSAND).divide(whole, SCALE, RoundingMode.HALF_EVEN);
    }
}

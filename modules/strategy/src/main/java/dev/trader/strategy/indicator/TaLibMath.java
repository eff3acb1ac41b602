package dev.trader.strategy.indicator;

/**
 * The few numeric conventions of TA-Lib that decide an output rather than round it, kept in one
 * place so every indicator takes the same branch TA-Lib takes.
 */
final class TaLibMath {

    /**
     * TA-Lib's {@code TA_IS_ZERO}: a band of 1e-8 around zero. It guards the divisions of RSI and
     * ADX (a window without any movement gives 0 instead of 0/0).
     */
    static boolean isZero(double v) {
        return -0.00000001 < v && v < 0.00000001;
    }

    /**
     * TA-Lib's {@code TA_IS_ZERO_OR_NEG}: a variance below 1e-8 (including the slightly negative
     * ones that cancellation in a running sum of squares can produce) counts as no deviation.
     */
    static boolean isZeroOrNegative(double v) {
        return v < 0.00000001;
    }

    /**
     * True range as TA-Lib computes it ({@code TA_TRANGE} and ADX's {@code TRUE_RANGE}): the
     * largest of high − low, |high − previous close| and |low − previous close|, compared in that
     * order so that ties resolve the same way.
     */
    static double trueRange(double high, double low, double previousClose) {
        double greatest = high - low;
        double up = Math.abs(high - previousClose);
        if (up > greatest) {
            greatest = up;
        }
        double down = Math.abs(low - previousClose);
        if (down > greatest) {
            greatest = down;
        }
        return greatest;
    }

    private TaLibMath() {
    }
}

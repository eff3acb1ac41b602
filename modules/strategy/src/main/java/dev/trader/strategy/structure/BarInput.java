package dev.trader.strategy.structure;

import dev.trader.domain.money.Price;

/** Input checks and conversions shared by the detectors. */
final class BarInput {
    private BarInput() {
    }

    static double toDouble(Price price) {
        return price.toDouble();
    }

    static void check(double open, double high, double low, double close) {
        if (!Double.isFinite(open) || !Double.isFinite(high) || !Double.isFinite(low) || !Double.isFinite(close)
                || low > Math.min(open, close) || high < Math.max(open, close)) {
            throw new IllegalArgumentException("inconsistent bar: open " + open + ", high " + high + ", low " + low
                    + ", close " + close);
        }
    }

    static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 but was " + value);
        }
        return value;
    }

    static double nonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and at least 0 but was " + value);
        }
        return value;
    }
}

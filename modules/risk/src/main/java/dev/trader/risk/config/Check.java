package dev.trader.risk.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Range checks that name the key. Every risk setting record validates its components with
 * these in its constructor, so a setting built in code fails exactly like one read from a file.
 */
public final class Check {
    /** The prefix of every risk key. */
    public static final String PREFIX = "trader.risk.";

    private Check() {
    }

    public static <T> T present(String key, T value) {
        if (value == null) {
            throw new RiskConfigException(key, "is missing");
        }
        return value;
    }

    /** {@code min <= value <= max}. */
    public static BigDecimal within(String key, BigDecimal value, String min, String max) {
        present(key, value);
        if (value.compareTo(new BigDecimal(min)) < 0 || value.compareTo(new BigDecimal(max)) > 0) {
            throw new RiskConfigException(key, "must be within " + min + ".." + max + " but was " + value.toPlainString());
        }
        return value;
    }

    /** {@code min < value <= max}. */
    public static BigDecimal aboveUpTo(String key, BigDecimal value, String min, String max) {
        present(key, value);
        if (value.compareTo(new BigDecimal(min)) <= 0 || value.compareTo(new BigDecimal(max)) > 0) {
            throw new RiskConfigException(key, "must be above " + min + " and at most " + max + " but was " + value.toPlainString());
        }
        return value;
    }

    public static int within(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new RiskConfigException(key, "must be within " + min + ".." + max + " but was " + value);
        }
        return value;
    }

    public static Duration within(String key, Duration value, Duration min, Duration max) {
        present(key, value);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new RiskConfigException(key, "must be within " + min + ".." + max + " but was " + value);
        }
        return value;
    }

    public static BigDecimal positive(String key, BigDecimal value) {
        present(key, value);
        if (value.signum() <= 0) {
            throw new RiskConfigException(key, "must be positive but was " + value.toPlainString());
        }
        return value;
    }

    public static void require(boolean condition, String key, String problem) {
        if (!condition) {
            throw new RiskConfigException(key, Objects.requireNonNull(problem));
        }
    }
}

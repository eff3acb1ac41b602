package dev.trader.engine.settings.schema;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one scalar value the way the settings code reads it (typesafe-config's getters, a decimal
 * from its text), so the schema accepts exactly what the code can read. Ordered kinds become a
 * {@link BigDecimal} (a duration in nanoseconds, a size in bytes), so one range check serves all.
 */
final class Scalars {
    private static final String KEY = "v";
    private static final int SHOWN = 60;

    private Scalars() {
    }

    /** The value as a number of its kind, or empty when it is not one (a wrong type). */
    static Optional<BigDecimal> number(ValueKind kind, ConfigValue v) {
        try {
            return Optional.of(switch (kind) {
                case INT -> BigDecimal.valueOf(decimal(v).intValueExact());
                case LONG -> BigDecimal.valueOf(decimal(v).longValueExact());
                case DECIMAL, DECIMAL_LIST -> decimal(v);
                case DURATION -> nanos(duration(v));
                case BYTES -> BigDecimal.valueOf(at(v).getBytes(KEY));
                default -> throw new IllegalArgumentException(kind.schemaName() + " is not a number");
            });
        } catch (ConfigException | ArithmeticException | IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static boolean isBoolean(ConfigValue v) {
        try {
            at(v).getBoolean(KEY);
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }

    /** The text of a scalar: a number as it was written ({@code 0.10} stays {@code 0.10}). */
    static String text(ConfigValue v) {
        return at(v).getString(KEY);
    }

    /** The value as a message shows it: a string quoted, a number as written, a container by its kind only. */
    static String shown(ConfigValue v) {
        if (v.valueType() == ConfigValueType.OBJECT) {
            return "an object";
        }
        if (v.valueType() == ConfigValueType.LIST) {
            return "a list";
        }
        String text = v.render(ConfigRenderOptions.concise());
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }

    private static BigDecimal decimal(ConfigValue v) {
        return new BigDecimal(text(v).trim());
    }

    /** HOCON's {@code 15s}, {@code 4h}, a bare number of milliseconds, or ISO-8601 {@code PT30M} (the risk module reads both). */
    private static Duration duration(ConfigValue v) {
        try {
            return at(v).getDuration(KEY);
        } catch (ConfigException e) {
            String text = v.valueType() == ConfigValueType.STRING ? text(v).trim() : "";
            if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            throw e;
        }
    }

    private static BigDecimal nanos(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).scaleByPowerOfTen(9).add(BigDecimal.valueOf(d.getNano()));
    }

    private static Config at(ConfigValue v) {
        return v.atKey(KEY);
    }
}

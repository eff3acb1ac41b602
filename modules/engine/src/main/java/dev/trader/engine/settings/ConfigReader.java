package dev.trader.engine.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Function;

/** Reads typed values from one config namespace, turning every failure into a message with the full key. */
final class ConfigReader {
    private final Config config;
    private final String prefix;

    ConfigReader(Config config, String prefix) {
        this.config = config;
        this.prefix = prefix;
    }

    String key(String path) {
        return prefix.isEmpty() ? path : prefix + "." + path;
    }

    String string(String path) {
        return read(path, config::getString);
    }

    java.util.List<String> stringList(String path) {
        return read(path, config::getStringList);
    }

    int intIn(String path, int min, int max) {
        int v = read(path, config::getInt);
        if (v < min || v > max) {
            throw new SettingsException(key(path) + " must be within " + min + ".." + max + " but was " + v);
        }
        return v;
    }

    Duration duration(String path) {
        Duration d = read(path, config::getDuration);
        if (d.isNegative() || d.isZero()) {
            throw new SettingsException(key(path) + " must be a positive duration but was " + d);
        }
        return d;
    }

    BigDecimal decimal(String path) {
        String text = string(path);
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new SettingsException(key(path) + " must be a decimal number but was '" + text + "'", e);
        }
    }

    Money money(String path, String currency) {
        return convert(path, () -> Money.of(decimal(path), currency));
    }

    Price price(String path) {
        return convert(path, () -> Price.of(decimal(path)));
    }

    Quantity quantity(String path) {
        return convert(path, () -> Quantity.of(decimal(path)));
    }

    private <T> T convert(String path, java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (SettingsException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SettingsException(key(path) + ": " + e.getMessage(), e);
        }
    }

    private <T> T read(String path, Function<String, T> getter) {
        try {
            return getter.apply(path);
        } catch (ConfigException.Missing e) {
            throw new SettingsException(key(path) + " is missing", e);
        } catch (ConfigException e) {
            throw new SettingsException(key(path) + " is invalid: " + e.getMessage(), e);
        }
    }
}

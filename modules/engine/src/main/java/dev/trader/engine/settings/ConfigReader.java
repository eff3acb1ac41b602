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

    /**
     * The namespace {@code ns} of {@code root}, which must exist and hold no key but {@code keys}: the
     * schema at boot already says so, but settings are also loaded from configurations built in code.
     */
    static ConfigReader section(Config root, String ns, java.util.Set<String> keys) {
        if (!root.hasPath(ns)) {
            throw new SettingsException(ns + " is missing");
        }
        Config c = root.getConfig(ns);
        java.util.TreeSet<String> unknown = new java.util.TreeSet<>(c.root().keySet());
        unknown.removeAll(keys);
        if (!unknown.isEmpty()) {
            throw new SettingsException(ns + "." + unknown.first() + " is not a setting (known: " + new java.util.TreeSet<>(keys) + ")");
        }
        return new ConfigReader(c, ns);
    }

    boolean bool(String path) {
        try {
            return config.getBoolean(path);
        } catch (ConfigException.Missing e) {
            throw new SettingsException(key(path) + " is missing", e);
        } catch (ConfigException e) {
            throw new SettingsException(key(path) + " must be true or false: " + e.getMessage(), e);
        }
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

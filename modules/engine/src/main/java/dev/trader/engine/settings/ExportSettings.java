package dev.trader.engine.settings;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * {@code trader.exports} (conf/exports.conf): whether a running node exports the previous UTC day's orders, fills, trades
 * and equity every day, where to ({@code dir}, one folder per day) and at what UTC time of day ({@code at}). A wrong value
 * or an unknown key stops the boot naming the key.
 */
public record ExportSettings(boolean enabled, Path dir, LocalTime at) {
    private static final String NS = "trader.exports";
    private static final Set<String> KEYS = Set.of("enabled", "dir", "at");

    public static ExportSettings load(Config root) {
        ConfigReader r = ConfigReader.section(root, NS, KEYS);
        boolean enabled = r.bool("enabled");
        String dir = r.string("dir");
        if (dir.isBlank()) {
            throw new SettingsException(NS + ".dir must name a folder");
        }
        String at = r.string("at");
        LocalTime time;
        try {
            time = LocalTime.parse(at.trim());
        } catch (DateTimeParseException e) {
            throw new SettingsException(NS + ".at must be a UTC time of day as HH:mm (or HH:mm:ss) but was '" + at + "'", e);
        }
        return new ExportSettings(enabled, Path.of(dir), time);
    }
}

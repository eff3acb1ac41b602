package dev.trader.engine.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code trader.read-model} (conf/read-model.conf): whether the node keeps the read model (the
 * orders, fills, trades, positions and signals tables the {@code /api} read endpoints query), how
 * often it looks for new events in the journal, how many it takes in one transaction, and the zone
 * whose calendar days {@code pnl_by_day} counts (the prop firm's trading day). A wrong value or an
 * unknown key stops the boot naming the key.
 */
public record ReadModelSettings(boolean enabled, Duration pollInterval, int batchSize, ZoneId dayZone) {
    private static final String NS = "trader.read-model";
    private static final Set<String> KEYS = Set.of("enabled", "poll-interval", "batch-size", "day-zone");
    private static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(10);

    public static ReadModelSettings load(Config root) {
        if (!root.hasPath(NS)) {
            throw new SettingsException(NS + " is missing");
        }
        Config c = root.getConfig(NS);
        TreeSet<String> unknown = new TreeSet<>(c.root().keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new SettingsException(NS + "." + unknown.first() + " is not a setting (known: " + new TreeSet<>(KEYS) + ")");
        }
        ConfigReader r = new ConfigReader(c, NS);
        boolean enabled;
        try {
            enabled = c.getBoolean("enabled");
        } catch (ConfigException.Missing e) {
            throw new SettingsException(NS + ".enabled is missing", e);
        } catch (ConfigException e) {
            throw new SettingsException(NS + ".enabled must be true or false: " + e.getMessage(), e);
        }
        Duration poll = r.duration("poll-interval");
        if (poll.compareTo(MAX_POLL_INTERVAL) > 0) {
            throw new SettingsException(NS + ".poll-interval must be at most " + MAX_POLL_INTERVAL.toMinutes() + " minutes but was " + poll);
        }
        int batch = r.intIn("batch-size", 1, 10_000);
        String zone = r.string("day-zone");
        try {
            return new ReadModelSettings(enabled, poll, batch, ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new SettingsException(NS + ".day-zone must be a time zone id such as Europe/Prague but was '" + zone + "'", e);
        }
    }
}

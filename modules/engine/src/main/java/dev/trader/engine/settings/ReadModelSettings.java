package dev.trader.engine.settings;

import com.typesafe.config.Config;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

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
        ConfigReader r = ConfigReader.section(root, NS, KEYS);
        boolean enabled = r.bool("enabled");
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

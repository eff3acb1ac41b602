package dev.trader.engine.settings;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Set;

/**
 * {@code trader.audit} (conf/audit.conf): whether the node writes the audit trail, how often it
 * looks for new audited events in the journal and how many it chains in one transaction. A wrong
 * value or an unknown key stops the boot naming the key.
 */
public record AuditSettings(boolean enabled, Duration pollInterval, int batchSize) {
    private static final String NS = "trader.audit";
    private static final Set<String> KEYS = Set.of("enabled", "poll-interval", "batch-size");
    private static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(10);

    public static AuditSettings load(Config root) {
        ConfigReader r = ConfigReader.section(root, NS, KEYS);
        boolean enabled = r.bool("enabled");
        Duration poll = r.duration("poll-interval");
        if (poll.compareTo(MAX_POLL_INTERVAL) > 0) {
            throw new SettingsException(NS + ".poll-interval must be at most " + MAX_POLL_INTERVAL.toMinutes() + " minutes but was " + poll);
        }
        return new AuditSettings(enabled, poll, r.intIn("batch-size", 1, 10_000));
    }
}

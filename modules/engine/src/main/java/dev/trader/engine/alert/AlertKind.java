package dev.trader.engine.alert;

import java.util.Locale;

/**
 * What the node alerts on. Each kind is also a Prometheus alert rule in
 * {@code deploy/prometheus/alerts.yml} over the metrics it exports, so an operator gets the same
 * alert from the node and from Prometheus.
 */
public enum AlertKind {
    /** An order was attempted while a kill switch held it. */
    KILL_SWITCH_ORDER_ATTEMPT(Severity.CRITICAL),
    /** An order was attempted that would have breached a prop-firm floor (the guard refused it). */
    FLOOR_BREACH_ATTEMPT(Severity.CRITICAL),
    /** No bar of an instrument for longer than {@code trader.alerts.stale-after}. */
    STALE_DATA(Severity.WARNING),
    /** The last N completed orders of an instrument all slipped more than the expected p90. */
    SLIPPAGE_ABOVE_P90(Severity.WARNING),
    /** The win rate of the last N closed trades is below the floor. */
    HIT_RATE_BELOW_FLOOR(Severity.WARNING),
    /** The venue's books disagree with ours: entries on the instrument are held. */
    RECONCILIATION_MISMATCH(Severity.CRITICAL),
    /** The journal database does not answer. */
    JOURNAL_FAILURE(Severity.CRITICAL);

    public enum Severity { WARNING, CRITICAL }

    private final Severity severity;

    AlertKind(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** The name in metrics, logs and the API, e.g. {@code stale_data}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

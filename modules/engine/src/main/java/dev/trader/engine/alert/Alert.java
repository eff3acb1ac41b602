package dev.trader.engine.alert;

import java.time.Instant;

/**
 * One alert: firing since {@code since} (wall clock: alerts are about the running system, not
 * about market time), with the latest message; {@code resolvedAt} once its condition cleared.
 */
public record Alert(AlertKind kind, String subject, String message, Instant since, Instant resolvedAt) {
    public boolean active() {
        return resolvedAt == null;
    }

    public String key() {
        return kind.id() + ":" + subject;
    }

    Alert withMessage(String m) {
        return new Alert(kind, subject, m, since, resolvedAt);
    }

    Alert resolved(Instant at) {
        return new Alert(kind, subject, message, since, at);
    }
}

package dev.trader.engine.alert;

import java.util.Objects;

/** A condition the rules found true now: the kind, what it is about (an instrument, or "node"), and what a person should read. */
public record AlertCondition(AlertKind kind, String subject, String message) {
    public AlertCondition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    /** Identifies one alert: a kind on a subject. */
    public String key() {
        return kind.id() + ":" + subject;
    }
}

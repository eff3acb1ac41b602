package dev.trader.engine.readmodel;

import java.util.Objects;

/**
 * One event read from the journal for the read model: where it is in the journal ({@code ordering},
 * the projection's offset after it), which entity journaled it, as which of its events, and the event.
 */
public record Journaled(long ordering, String persistenceId, long sequenceNr, Object event) {
    public Journaled {
        Objects.requireNonNull(persistenceId, "persistenceId");
        Objects.requireNonNull(event, "event");
    }

    /** The entity's id: the persistence id after its type ({@code Order|t1f…} → {@code t1f…}). */
    public String entityId() {
        int bar = persistenceId.indexOf('|');
        return bar < 0 ? persistenceId : persistenceId.substring(bar + 1);
    }
}

package dev.trader.engine.audit;

import dev.trader.engine.live.LiveTag;
import java.util.Set;

/**
 * The journal tag of the events that go into the audit trail. Each entity says which of its events
 * carry it ({@code tagsFor}); the {@link AuditTrail} reads them back by this tag. Tags are written
 * with the event, so events journaled before an entity tagged them are not in the trail. Every
 * audited event is also tagged {@link LiveTag#TAG}: the live feed streams what the audit trail keeps.
 */
public final class AuditTag {
    public static final String TAG = "audit";

    private static final Set<String> TAGGED = Set.of(TAG, LiveTag.TAG);

    private AuditTag() {
    }

    /** The tags of an event that is audited. */
    public static Set<String> audited() {
        return TAGGED;
    }

    /** The tags of an event that is audited when {@code audited} holds, none otherwise. */
    public static Set<String> when(boolean audited) {
        return audited ? TAGGED : Set.of();
    }
}

package dev.trader.engine.live;

import java.util.Set;

/**
 * The journal tag of the events the live feed streams to WebSocket clients: every audited event
 * ({@link dev.trader.engine.audit.AuditTag} adds it) and every accepted bar. One tag, so that one
 * query gives them all in the journal's global order: its ordering number is the feed's sequence
 * number, and a client that reconnects is sent what it missed straight from the journal.
 */
public final class LiveTag {
    public static final String TAG = "live";

    private static final Set<String> TAGGED = Set.of(TAG);

    private LiveTag() {
    }

    /** The tags of an event that only the live feed reads (a bar). */
    public static Set<String> only() {
        return TAGGED;
    }
}

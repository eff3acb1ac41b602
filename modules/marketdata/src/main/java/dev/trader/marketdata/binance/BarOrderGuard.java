package dev.trader.marketdata.binance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.ArrayDeque;
import java.util.Set;

/**
 * The order rule of one symbol's bars: a bar is published only after the last published one.
 * Remembers the last few open times published, to tell a repeat (harmless: the stream and the
 * REST repair overlap) from a late bar that was never published (which the gap repair makes
 * rare: a later bar triggers it, and it fetches the missing minutes before the later bar goes out).
 */
final class BarOrderGuard {
    /** The next bar follows the last; a gap lies before it; or it is dropped. */
    enum Verdict { NEXT, AFTER_GAP, DUPLICATE, OUT_OF_ORDER }

    private static final int REMEMBERED = 256;
    private final Duration step;
    private final ArrayDeque<Instant> recent = new ArrayDeque<>();
    private final Set<Instant> recentSet = new HashSet<>();
    private Instant last;

    BarOrderGuard(Duration step) {
        this.step = step;
    }

    Verdict classify(Instant openTime) {
        if (last == null) {
            return Verdict.NEXT;
        }
        if (!openTime.isAfter(last)) {
            // Before a resume point the engine took it from the feed before this one.
            return recentSet.contains(openTime) || recent.isEmpty() ? Verdict.DUPLICATE : Verdict.OUT_OF_ORDER;
        }
        return openTime.equals(last.plus(step)) ? Verdict.NEXT : Verdict.AFTER_GAP;
    }

    /**
     * Continues after a bar published by an earlier feed (another node's, before a failover): the
     * next bar after a gap fetches the minutes in between. Only before the first bar of this feed.
     */
    void resumeAfter(Instant openTime) {
        if (last == null) {
            last = openTime;
        }
    }

    /** Whether the last bar is one this feed published, not a resume point. */
    boolean publishedAny() {
        return !recent.isEmpty();
    }

    void published(Instant openTime) {
        last = openTime;
        recent.addLast(openTime);
        recentSet.add(openTime);
        if (recent.size() > REMEMBERED) {
            recentSet.remove(recent.removeFirst());
        }
    }

    /** The open time of the last published bar, or null before the first. */
    Instant last() {
        return last;
    }
}

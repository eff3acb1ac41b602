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
            return recentSet.contains(openTime) ? Verdict.DUPLICATE : Verdict.OUT_OF_ORDER;
        }
        return openTime.equals(last.plus(step)) ? Verdict.NEXT : Verdict.AFTER_GAP;
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

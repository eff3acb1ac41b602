package dev.trader.execution.binance;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What has been used of each Binance rate limit in its current window, and how long a request
 * must wait before it fits. Two views are combined, and the larger wins: Binance's own count
 * from the response headers (which includes other programs on the same IP or account) plus what
 * we have in flight, and our own count of what we sent in the window (which covers requests the
 * server has not counted in a header yet). Windows are fixed and aligned to the server clock, as
 * Binance counts them. Not thread-safe: {@link RequestGate} calls it under its lock.
 *
 * <p><b>The edge of a window.</b> Our idea of the server's clock is only as good as the measured
 * offset ({@link #guard(long)}: half the round trip it was measured with), and a request reaches
 * the server a little after it leaves. So near a roll the server may count a request in the other
 * window than we do: (1) just after what we take for the roll, a request may still land in the old
 * window, which a saturated client has just filled: found against the simulator, a client whose
 * offset was 99 ms off sent its next window's burst 62 ms early and met 429s, then a ban. Within
 * the guard after a roll, a request therefore goes only if it would also have fitted the old window.
 * (2) A request sent just before the roll, or still in flight at it, may land in the new window:
 * it is counted in the new window too.
 */
final class RateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    private List<Window> windows = new ArrayList<>();
    /** The last value of each count header seen (by lower-case name) and the server time it came: seeds windows new in a reseed. */
    private final Map<String, long[]> lastHeaders = new HashMap<>();
    private long guardMillis;

    RateLimiter(List<RateLimitRule> rules) {
        reseed(rules);
    }

    /** How far our server time may be off the server's (ms): the margin kept around every window's roll. */
    void guard(long millis) {
        guardMillis = Math.max(0, millis);
    }

    /** Adopts exchangeInfo's rules; the counts of a window that is still there are kept. */
    void reseed(List<RateLimitRule> rules) {
        List<Window> next = new ArrayList<>();
        for (RateLimitRule r : rules) {
            Window w = new Window(r);
            boolean kept = false;
            for (Window old : windows) {
                if (old.rule.type() == r.type() && old.rule.windowMillis() == r.windowMillis()) {
                    w.index = old.index;
                    w.reported = old.reported;
                    w.sent = old.sent;
                    w.inFlight = old.inFlight;
                    w.previousUsed = old.previousUsed;
                    w.sentNearEnd = old.sentNearEnd;
                    w.nearEndInFlight = old.nearEndInFlight;
                    kept = true;
                }
            }
            // A window we did not count before (exchangeInfo's limits differ from the defaults: the
            // simulator's 2-second windows, say) starts at what the server last reported for it; at
            // 0 it would ignore the requests made before exchangeInfo (exchangeInfo itself weighs 20).
            long[] last = r.header() == null ? null : lastHeaders.get(r.header().toLowerCase(Locale.ROOT));
            if (!kept && last != null) {
                w.index = Math.floorDiv(last[1], r.windowMillis());
                w.reported = (int) Math.min(Integer.MAX_VALUE, last[0]);
            }
            next.add(w);
        }
        windows = next;
    }

    /**
     * Milliseconds until a request of this cost fits in every window (0: it fits now), or empty
     * if it can never fit (it alone costs more than a limit).
     */
    OptionalLong waitMillis(int weight, int orders, long now) {
        long wait = 0;
        for (Window w : windows) {
            int cost = w.rule.cost(weight, orders);
            if (cost == 0) {
                continue;
            }
            if (cost > w.rule.limit()) {
                return OptionalLong.empty();
            }
            w.roll(now);
            if (w.used() + cost > w.rule.limit()) {
                // at the roll it will not fit what the old window used either: the guard follows
                wait = Math.max(wait, w.end() + guardMillis - now);
            } else if (w.inGuard(now, guardMillis) && w.previousUsed + cost > w.rule.limit()) {
                wait = Math.max(wait, w.start() + guardMillis - now);
            }
        }
        return OptionalLong.of(wait);
    }

    /** The rule that makes a request wait, for the message of a refusal. */
    String blockingRule(int weight, int orders, long now) {
        for (Window w : windows) {
            int cost = w.rule.cost(weight, orders);
            w.roll(now);
            if (cost > 0 && (w.used() + cost > w.rule.limit() || (w.inGuard(now, guardMillis) && w.previousUsed + cost > w.rule.limit()))) {
                return w.rule + " (used " + w.used() + ")";
            }
        }
        return "none";
    }

    /** Counts a request that is being sent now. */
    Permit acquire(int weight, int orders, long now) {
        long[] indexes = new long[windows.size()];
        boolean[] nearEnd = new boolean[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            w.roll(now);
            int cost = w.rule.cost(weight, orders);
            w.sent += cost;
            w.inFlight += cost;
            if (w.inGuard(now, guardMillis)) {
                w.previousUsed += cost; // the server may count it in the old window
            }
            if (now >= w.end() - guardMillis) {
                w.sentNearEnd += cost; // ... or in the next one
                w.nearEndInFlight += cost;
                nearEnd[i] = true;
            }
            indexes[i] = w.index;
        }
        return new Permit(weight, orders, windows, indexes, nearEnd);
    }

    /** A response came back (headers may be null when there was none): adopt Binance's counts. */
    void completed(Permit permit, HttpHeaders headers, long now) {
        if (headers != null) {
            headers.map().forEach((name, values) -> {
                String n = name.toLowerCase(Locale.ROOT);
                if ((n.startsWith("x-mbx-used-weight-") || n.startsWith("x-mbx-order-count-")) && !values.isEmpty()) {
                    try {
                        lastHeaders.put(n, new long[] {Long.parseLong(values.get(0).trim()), now});
                    } catch (NumberFormatException e) {
                        // refused with a log where a window reads it
                    }
                }
            });
        }
        if (permit.windows != windows) {
            return; // reseeded meanwhile: the old windows are gone
        }
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            w.roll(now);
            if (w.index != permit.indexes[i]) {
                continue; // sent in a window that has rolled: the roll counted it in the new window if it was still in flight
            }
            w.inFlight = Math.max(0, w.inFlight - w.rule.cost(permit.weight, permit.orders));
            if (permit.nearEnd[i]) {
                w.nearEndInFlight = Math.max(0, w.nearEndInFlight - w.rule.cost(permit.weight, permit.orders));
            }
            String header = w.rule.header();
            if (headers != null && header != null) {
                headers.firstValue(header).ifPresent(v -> w.report(v));
            }
        }
    }

    /** The current use of every window, for status and logs. */
    String describe(long now) {
        StringBuilder sb = new StringBuilder();
        for (Window w : windows) {
            w.roll(now);
            sb.append(sb.length() == 0 ? "" : ", ").append(w.rule).append(" used ").append(w.used());
        }
        return sb.toString();
    }

    /** An acquired slot; returned to {@link #completed} with the response. */
    static final class Permit {
        private final int weight;
        private final int orders;
        private final List<Window> windows;
        private final long[] indexes;
        private final boolean[] nearEnd;

        private Permit(int weight, int orders, List<Window> windows, long[] indexes, boolean[] nearEnd) {
            this.weight = weight;
            this.orders = orders;
            this.windows = windows;
            this.indexes = indexes;
            this.nearEnd = nearEnd;
        }
    }

    private static final class Window {
        private final RateLimitRule rule;
        private long index = Long.MIN_VALUE;
        private int reported;
        private int sent;
        private int inFlight;
        /** What the window before this one used (if it was the one just before): the guard after the roll checks it. */
        private int previousUsed;
        /** Sent within the guard before this window's end: the server may count it in the next one. */
        private int sentNearEnd;
        /** The part of {@link #sentNearEnd} still in flight (counted in {@link #inFlight} already). */
        private int nearEndInFlight;

        Window(RateLimitRule rule) {
            this.rule = rule;
        }

        void roll(long now) {
            long current = Math.floorDiv(now, rule.windowMillis());
            if (current != index) {
                boolean next = current == index + 1;
                previousUsed = next ? used() : 0;
                // still in flight at the roll, or sent just before it: possibly counted in the new window
                sent = next ? inFlight + sentNearEnd - nearEndInFlight : 0;
                index = current;
                reported = 0;
                inFlight = 0;
                sentNearEnd = 0;
                nearEndInFlight = 0;
            }
        }

        long start() {
            return index * rule.windowMillis();
        }

        long end() {
            return (index + 1) * rule.windowMillis();
        }

        boolean inGuard(long now, long guard) {
            return now - start() < guard;
        }

        int used() {
            return Math.max(sent, reported + inFlight);
        }

        void report(String value) {
            try {
                int v = Integer.parseInt(value.trim());
                if (v >= 0) {
                    reported = Math.max(reported, v);
                    return;
                }
            } catch (NumberFormatException e) {
                // fall through: logged below
            }
            LOG.warn("ignoring rate-limit header {} with the value '{}'", rule.header(), StrictJson.clip(value));
        }
    }
}

package dev.trader.execution.binance;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
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
 */
final class RateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    private List<Window> windows = new ArrayList<>();

    RateLimiter(List<RateLimitRule> rules) {
        reseed(rules);
    }

    /** Adopts exchangeInfo's rules; the counts of a window that is still there are kept. */
    void reseed(List<RateLimitRule> rules) {
        List<Window> next = new ArrayList<>();
        for (RateLimitRule r : rules) {
            Window w = new Window(r);
            for (Window old : windows) {
                if (old.rule.type() == r.type() && old.rule.windowMillis() == r.windowMillis()) {
                    w.index = old.index;
                    w.reported = old.reported;
                    w.sent = old.sent;
                    w.inFlight = old.inFlight;
                }
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
                wait = Math.max(wait, w.end() - now);
            }
        }
        return OptionalLong.of(wait);
    }

    /** The rule that makes a request wait, for the message of a refusal. */
    String blockingRule(int weight, int orders, long now) {
        for (Window w : windows) {
            int cost = w.rule.cost(weight, orders);
            w.roll(now);
            if (cost > 0 && w.used() + cost > w.rule.limit()) {
                return w.rule + " (used " + w.used() + ")";
            }
        }
        return "none";
    }

    /** Counts a request that is being sent now. */
    Permit acquire(int weight, int orders, long now) {
        long[] indexes = new long[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            w.roll(now);
            int cost = w.rule.cost(weight, orders);
            w.sent += cost;
            w.inFlight += cost;
            indexes[i] = w.index;
        }
        return new Permit(weight, orders, windows, indexes);
    }

    /** A response came back (headers may be null when there was none): adopt Binance's counts. */
    void completed(Permit permit, HttpHeaders headers, long now) {
        if (permit.windows != windows) {
            return; // reseeded meanwhile: the old windows are gone
        }
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            w.roll(now);
            if (w.index != permit.indexes[i]) {
                continue; // sent in a window that has rolled: its count no longer matters
            }
            w.inFlight = Math.max(0, w.inFlight - w.rule.cost(permit.weight, permit.orders));
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

        private Permit(int weight, int orders, List<Window> windows, long[] indexes) {
            this.weight = weight;
            this.orders = orders;
            this.windows = windows;
            this.indexes = indexes;
        }
    }

    private static final class Window {
        private final RateLimitRule rule;
        private long index = Long.MIN_VALUE;
        private int reported;
        private int sent;
        private int inFlight;

        Window(RateLimitRule rule) {
            this.rule = rule;
        }

        void roll(long now) {
            long current = Math.floorDiv(now, rule.windowMillis());
            if (current != index) {
                index = current;
                reported = 0;
                sent = 0;
                inFlight = 0;
            }
        }

        long end() {
            return (index + 1) * rule.windowMillis();
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

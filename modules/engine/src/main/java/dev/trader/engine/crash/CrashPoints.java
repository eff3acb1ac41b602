package dev.trader.engine.crash;

import dev.trader.domain.order.OrderType;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named places in the order path where a test can have the JVM killed by a real {@code kill -9}
 * (no shutdown hooks, nothing flushed), to prove that a restart neither duplicates an
 * order nor loses a fill whatever the moment. Armed by the environment variable
 * {@code TRADER_CRASH_AT=<point>[:<order type>]:<n>} (e.g. {@code order-journaled-not-sent:MARKET:1}:
 * die the first time a market order reaches that point); unset, every check is one comparison.
 */
public final class CrashPoints {
    public enum Point {
        /** The order's request is journaled; nothing has been sent. */
        ORDER_JOURNALED_NOT_SENT,
        /** The venue has answered the submission; the answer is not journaled. */
        SENT_ANSWER_NOT_JOURNALED,
        /** A fill has arrived at the order; it is not journaled. */
        FILL_ARRIVED_NOT_JOURNALED;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    record Armed(Point point, OrderType type, int nth) {
    }

    private static final Armed ARMED = parse(System.getenv("TRADER_CRASH_AT"));
    private static final AtomicInteger HITS = new AtomicInteger();

    private CrashPoints() {
    }

    /** Dies here if armed for this point and order type and this is the n-th time. */
    public static void reached(Point point, OrderType type) {
        Armed a = ARMED;
        if (a == null || a.point() != point || (a.type() != null && a.type() != type)) {
            return;
        }
        if (HITS.incrementAndGet() == a.nth()) {
            System.err.println("CRASH POINT " + point.key() + " (" + type + ") reached: kill -9 " + ProcessHandle.current().pid());
            System.err.flush();
            killNine();
        }
    }

    /**
     * A real {@code kill -9} of this process by the operating system: this thread waits here, the
     * others run on until the signal lands, as they would when an operator or the OOM killer sends
     * it. Should {@code kill} be missing, the JVM halts (no hooks, nothing flushed) after 5 s.
     */
    private static void killNine() {
        try {
            new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).inheritIO().start();
            Thread.sleep(5_000);
        } catch (Exception e) {
            System.err.println("kill -9 could not be sent (" + e + "): halting instead");
        }
        Runtime.getRuntime().halt(137);
    }

    static Armed parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        String[] parts = spec.trim().split(":");
        try {
            Point point = Point.valueOf(parts[0].toUpperCase(Locale.ROOT).replace('-', '_'));
            OrderType type = parts.length == 3 ? OrderType.valueOf(parts[1].toUpperCase(Locale.ROOT)) : null;
            int nth = Integer.parseInt(parts[parts.length - 1]);
            if (parts.length < 2 || parts.length > 3 || nth < 1) {
                throw new IllegalArgumentException("n must be a positive count");
            }
            return new Armed(point, type, nth);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TRADER_CRASH_AT must be <point>[:<MARKET|LIMIT|STOP_MARKET>]:<n> with a point of "
                    + java.util.Arrays.stream(Point.values()).map(Point::key).toList() + ", but was '" + spec + "'", e);
        }
    }
}

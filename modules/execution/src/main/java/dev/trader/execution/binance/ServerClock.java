package dev.trader.execution.binance;

import java.time.Clock;

/**
 * Binance's clock as seen from here: the local wall clock plus the offset measured by
 * {@code GET /api/v3/time}. Signed requests carry this time, so a local clock that drifts does
 * not make every order fail with -1021; the offset is measured at start and again on -1021.
 */
final class ServerClock {
    private final Clock local;
    private volatile long offsetMillis;
    /** How far the offset may be off: the server read its clock somewhere in the round trip it was measured with. */
    private volatile long uncertaintyMillis;

    ServerClock(Clock local) {
        this.local = local;
    }

    long localMillis() {
        return local.millis();
    }

    long nowMillis() {
        return local.millis() + offsetMillis;
    }

    long offsetMillis() {
        return offsetMillis;
    }

    /** The most our server time may be off the server's (ms): half the measuring round trip, plus a millisecond of rounding on each side. */
    long uncertaintyMillis() {
        return uncertaintyMillis;
    }

    /** The server said {@code serverTime} while we waited from {@code sentAt} to {@code receivedAt} (local): assume it answered halfway. */
    void adopt(long serverTime, long sentAt, long receivedAt) {
        offsetMillis = serverTime - (sentAt + (receivedAt - sentAt) / 2);
        uncertaintyMillis = (Math.max(0, receivedAt - sentAt) + 1) / 2 + 2;
    }
}

package dev.trader.execution.sim.market;

/**
 * The replay's time: event time of the market being replayed, never the wall clock. It stands at
 * a bar boundary: the open of the next bar to be replayed (so also the end of the last one).
 * Orders accepted now carry this time; a bar opening at or after it (plus the latency) may trade them.
 */
public final class MarketClock {
    private volatile long now;

    public MarketClock(long start) {
        this.now = start;
    }

    public long now() {
        return now;
    }

    /**
     * Moves the clock to {@code t}; never backwards. Not synchronized: its only caller, the replay's step, holds the
     * ledger lock, which already orders the moves; readers need only the volatile.
     */
    public void advanceTo(long t) {
        if (t < now) {
            throw new IllegalStateException("market clock cannot go back from " + now + " to " + t);
        }
        now = t;
    }
}

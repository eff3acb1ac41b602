package dev.trader.marketdata.binance;

import java.time.Duration;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The mutable totals behind {@link FeedStatus}: written by the feed's thread, read by anyone. */
final class FeedCounters {
    private final TreeMap<String, Long> rejected = new TreeMap<>();
    private final TreeSet<String> stale = new TreeSet<>();
    private boolean connected;
    private long reconnects;
    private long frames;
    private long barsEmitted;
    private long gapsRepaired;
    private long barsRepaired;
    private long barsMissing;
    private long duplicates;
    private long outOfOrder;
    private long unsubscribed;
    private Duration skew;
    private boolean skewExceeded;

    synchronized void connected(boolean value) {
        connected = value;
    }

    synchronized void reconnect() {
        reconnects++;
    }

    synchronized void frame() {
        frames++;
    }

    synchronized void rejected(String code) {
        rejected.merge(code, 1L, Long::sum);
    }

    synchronized void emitted(boolean withoutSubscriber) {
        barsEmitted++;
        if (withoutSubscriber) {
            unsubscribed++;
        }
    }

    synchronized void repaired(int bars, long missing) {
        gapsRepaired++;
        barsRepaired += bars;
        barsMissing += missing;
    }

    synchronized void duplicate() {
        duplicates++;
    }

    synchronized void outOfOrder() {
        outOfOrder++;
    }

    synchronized void stale(Set<String> symbols) {
        stale.clear();
        stale.addAll(symbols);
    }

    synchronized void skew(Duration value, boolean exceeded) {
        skew = value;
        skewExceeded = exceeded;
    }

    synchronized FeedStatus snapshot() {
        return new FeedStatus(connected, reconnects, frames, rejected, barsEmitted, gapsRepaired, barsRepaired, barsMissing, duplicates,
                outOfOrder, unsubscribed, stale, skew, skewExceeded);
    }
}

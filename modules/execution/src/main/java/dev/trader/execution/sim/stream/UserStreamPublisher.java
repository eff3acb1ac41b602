package dev.trader.execution.sim.stream;

import dev.trader.execution.sim.exchange.ExchangeEvent;
import dev.trader.execution.sim.exchange.ExecutionType;
import dev.trader.execution.sim.fault.FaultInjector;
import dev.trader.execution.sim.fault.FaultKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Turns the exchange's events into user-data-stream payloads on every active listen key's stream,
 * and injects the stream faults: a TRADE report published twice (DUPLICATE_FILL), a TRADE report
 * held back until after the next TRADE report of the stream or the end of the bar
 * (REORDER_FILLS; while one is held the next is sent, so two reports swap), the stream's connections closed after an event (KILL_USER_STREAM; the key
 * stays valid, the client reconnects). Runs under the exchange's lock; delivery is the
 * {@link OrderedPublisher}'s.
 */
public final class UserStreamPublisher {
    private final ListenKeys keys;
    private final OrderedPublisher out;
    private final FaultInjector faults;
    private final LongSupplier wallClock;
    private final LongSupplier lastAccountUpdate;
    private final Map<String, String> held = new HashMap<>();

    public UserStreamPublisher(ListenKeys keys, OrderedPublisher out, FaultInjector faults, LongSupplier wallClock, LongSupplier lastAccountUpdate) {
        this.keys = keys;
        this.out = out;
        this.faults = faults;
        this.wallClock = wallClock;
        this.lastAccountUpdate = lastAccountUpdate;
    }

    public synchronized void onEvent(ExchangeEvent event) {
        List<String> active = keys.active(wallClock.getAsLong());
        if (active.isEmpty()) {
            return;
        }
        if (event instanceof ExchangeEvent.OrderUpdate u) {
            String json = UserDataPayloads.executionReport(u);
            boolean trade = u.execution() == ExecutionType.TRADE;
            String what = "order " + u.order().orderId() + (trade ? " trade " + u.trade().id() : "");
            boolean duplicate = trade && faults.fires(FaultKind.DUPLICATE_FILL, what);
            boolean reorder = trade && faults.fires(FaultKind.REORDER_FILLS, what);
            for (String key : active) {
                String previous = trade ? held.remove(key) : null;
                if (reorder && previous == null) {
                    held.put(key, json);
                } else {
                    send(key, json);
                    if (duplicate) {
                        send(key, json);
                    }
                }
                if (previous != null) {
                    send(key, previous);
                }
            }
        } else if (event instanceof ExchangeEvent.BalanceUpdate b) {
            String json = UserDataPayloads.accountPosition(b, lastAccountUpdate.getAsLong());
            active.forEach(key -> send(key, json));
        }
    }

    /** Releases reports still held back (end of a bar). */
    public synchronized void flush() {
        held.forEach(this::send);
        held.clear();
    }

    /** Publishes {@code listenKeyExpired} on the key's stream, then closes its connections. */
    public synchronized void expired(String key, long eventTime) {
        held.remove(key);
        out.publish(key, UserDataPayloads.listenKeyExpired(key, eventTime));
        out.disconnect(key);
    }

    /** A closed key's connections go; nothing is published (Binance sends no event on close). */
    public synchronized void closed(String key) {
        held.remove(key);
        out.disconnect(key);
    }

    private void send(String key, String json) {
        out.publish(key, json);
        if (faults.fires(FaultKind.KILL_USER_STREAM, "listenKey " + key)) {
            out.disconnect(key);
        }
    }
}

package dev.trader.domain.id;

import java.time.Instant;
import java.util.Objects;

/**
 * The id of one decision chain in the logs: a signal, the account's decision on it, the order (or
 * the child orders) that carry it out and their fills, and for an entry the exits of the position
 * it opened. It is the client order id the signal's decision is keyed by and its order is sent
 * under ({@link ClientOrderId#derive} at leg {@link #SIGNAL_LEG}), so it is the same on every run,
 * replay and restart, every stage can compute it from what it holds, and grepping it also finds
 * every line that names the entry order (a child's id starts with it).
 *
 * <p>An order's trace is read from its own id ({@link #ofOrder}): a child's is its parent's, any
 * other's is its own (an entry's or a signal's exit: the signal's trace; a flatten's exit: the
 * account's decision to flatten). Only a position's exit orders, whose ids are keyed by the
 * position, cannot be read back: the position hands its trace to them.
 */
public record TraceId(String value) {
    /** The leg of a signal's one order: the account decides every signal as a single order. */
    public static final int SIGNAL_LEG = 0;

    public TraceId {
        Objects.requireNonNull(value, "value");
    }

    /** The trace of the signal {@code strategy} raised on {@code instrument} at {@code signalTime}. */
    public static TraceId ofSignal(StrategyId strategy, InstrumentId instrument, Instant signalTime) {
        return new TraceId(ClientOrderId.derive(strategy, instrument, signalTime, SIGNAL_LEG).value());
    }

    /** The trace of an order that was not handed one: its parent's for a child, else its own id. */
    public static TraceId ofOrder(ClientOrderId id) {
        return new TraceId(ChildOrderIds.parentOf(id).orElse(id).value());
    }

    @Override
    public String toString() {
        return value;
    }
}

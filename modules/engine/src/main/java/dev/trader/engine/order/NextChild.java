package dev.trader.engine.order;

import dev.trader.domain.algo.AlgoType;
import dev.trader.domain.algo.ChildRoute;
import dev.trader.domain.algo.SlicePlan;
import dev.trader.domain.algo.SliceSizing;
import dev.trader.domain.id.ChildOrderIds;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderRequest;

/**
 * What a parent order does at a bar, as a pure function of its state and the bar: one child at a
 * time (a new one only once the last is known to have ended, so the children never add up to more
 * than the parent), each sized from what the plan wants by now less what the children filled (so a
 * cancelled limit's remainder and a slice too small to send are carried into the next), the last at
 * market. Replayed bars (at or before the last step) change nothing.
 */
final class NextChild {
    sealed interface Decision {
    }

    record Wait() implements Decision {
    }

    record Cancel(ChildOrder child) implements Decision {
    }

    record Create(ChildOrder child) implements Decision {
    }

    record End(ParentStatus status, String reason) implements Decision {
    }

    private static final Wait WAIT = new Wait();

    private NextChild() {
    }

    static Decision decide(ParentOrderState s, ParentBar bar) {
        if (s.status().isOver()) {
            return WAIT;
        }
        ChildOrder working = s.workingChild();
        if (s.status() == ParentStatus.CANCELLING) {
            return working != null ? new Cancel(working) : new End(ParentStatus.CANCELLED, s.note());
        }
        // A bar before the start, or at or before the last step once a child exists, is a replay.
        if (bar.time().isBefore(s.spec().start()) || (!bar.time().isAfter(s.lastStep()) && !s.children().isEmpty())) {
            return WAIT;
        }
        if (bar.ordersHeld()) {
            return WAIT;
        }
        return s.spec().algo() == AlgoType.POV ? pov(s, bar, working) : sliced(s, bar, working);
    }

    /** TWAP and VWAP: the slices of the plan, each due at its bar. */
    private static Decision sliced(ParentOrderState s, ParentBar bar, ChildOrder working) {
        SlicePlan plan = s.spec().plan();
        long bars = s.spec().barsSinceStart(bar.time());
        int due = -1;
        for (int i = 0; i < plan.slices().size() && plan.slices().get(i).startBar() <= bars; i++) {
            due = i;
        }
        ChildOrder current = s.current();
        int next = current == null ? 0 : current.slice() + 1;
        boolean sliceDue = due >= next;
        if (working != null) {
            // A child rests until its slice ends: then what it did not fill goes with the next slice.
            return sliceDue ? new Cancel(working) : WAIT;
        }
        Quantity remaining = s.remaining();
        Decision ended = ended(s, remaining);
        if (ended != null) {
            return ended;
        }
        if (!sliceDue) {
            return WAIT;
        }
        boolean last = due == plan.slices().size() - 1;
        Quantity wanted = plan.cumulative(due);
        Quantity quantity = last ? remaining : wanted.compareTo(s.filled()) > 0 ? wanted.minus(s.filled()).min(remaining) : Quantity.ZERO;
        return child(s, bar, due, quantity, last);
    }

    /** POV: after each bar a share of its volume; at the horizon, the rest at market. */
    private static Decision pov(ParentOrderState s, ParentBar bar, ChildOrder working) {
        if (working != null) {
            // A POV child lives for the bar after its own: what it did not fill is sized again from the next bar's volume.
            return bar.time().isAfter(working.request().decisionTime()) ? new Cancel(working) : WAIT;
        }
        Quantity remaining = s.remaining();
        Decision ended = ended(s, remaining);
        if (ended != null) {
            return ended;
        }
        ChildOrder current = s.current();
        if (current != null && !bar.time().isAfter(current.request().decisionTime())) {
            return WAIT;
        }
        long bars = s.spec().barsSinceStart(bar.time());
        if (s.spec().pov().horizonReached(bars)) {
            return child(s, bar, (int) bars, remaining, true);
        }
        Quantity share = s.spec().pov().child(bar.volume(), remaining, new SliceSizing(s.spec().rules(), bar.close()));
        return share.isZero() ? WAIT : child(s, bar, (int) bars, share, false);
    }

    /** The parent is over when filled, or when its last child has ended (the rest cannot be sent again). */
    private static Decision ended(ParentOrderState s, Quantity remaining) {
        if (remaining.isZero()) {
            return new End(ParentStatus.DONE, "filled " + s.filled() + " in " + s.children().size() + " child order(s)");
        }
        ChildOrder current = s.current();
        if (current != null && current.last()) {
            return new End(ParentStatus.DONE, "the last child ended " + current.status() + " with " + remaining + " unfilled");
        }
        return null;
    }

    private static Decision child(ParentOrderState s, ParentBar bar, int slice, Quantity quantity, boolean last) {
        SliceSizing sizing = new SliceSizing(s.spec().rules(), bar.close());
        if (!sizing.placeable(quantity)) {
            // Too small to go now: carried into the next slice, or, at the end, left unfilled.
            return last ? new End(ParentStatus.DONE, quantity + " left is below the venue's minimum quantity or notional: not sent") : WAIT;
        }
        OrderRequest parent = s.spec().parent();
        ChildRoute route = ChildRoute.decide(parent.side(), bar.spreadBps(), s.spec().spreadThresholdBps(), bar.close(),
                s.spec().rules().tickSize(), last);
        int seq = s.children().size() + 1;
        ClientOrderId id = ChildOrderIds.of(parent.clientOrderId(), seq);
        OrderRequest request = new OrderRequest(id, parent.strategy(), parent.instrument(), parent.side(), route.type(), quantity,
                route.limitPrice(), bar.time(), parent.reduceOnly());
        return new Create(new ChildOrder(seq, request, slice, last, route.reason(), null, Quantity.ZERO));
    }
}

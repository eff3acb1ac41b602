package dev.trader.engine.order;

import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderStatus;
import dev.trader.engine.CborSerializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A parent order: its spec (null until started), every child it created in order, its status,
 * the close time of the last bar at which it created a child or ended ({@code lastStep}: an
 * earlier bar fed again is a replay), and a note saying why it is cancelling or how it ended.
 */
public record ParentOrderState(String parentId, ParentSpec spec, List<ChildOrder> children, ParentStatus status, Instant lastStep, String note)
        implements CborSerializable {
    public ParentOrderState {
        children = children == null ? List.of() : List.copyOf(children);
        note = note == null ? "" : note;
    }

    static ParentOrderState empty(String parentId) {
        return new ParentOrderState(parentId, null, List.of(), null, null, "");
    }

    public boolean exists() {
        return spec != null;
    }

    public Quantity quantity() {
        return spec.parent().quantity();
    }

    /** What the children filled, as last seen. */
    public Quantity filled() {
        Quantity sum = Quantity.ZERO;
        for (ChildOrder c : children) {
            sum = sum.plus(c.filled());
        }
        return sum;
    }

    /** What is still to be done; never negative (a late fill can take a parent beyond its quantity). */
    public Quantity remaining() {
        Quantity filled = filled();
        return filled.compareTo(quantity()) >= 0 ? Quantity.ZERO : quantity().minus(filled);
    }

    /** The latest child, or null before the first. */
    public ChildOrder current() {
        return children.isEmpty() ? null : children.get(children.size() - 1);
    }

    /** The latest child while it may still trade; null otherwise. */
    public ChildOrder workingChild() {
        ChildOrder c = current();
        return c != null && c.working() ? c : null;
    }

    ParentOrderState started(ParentSpec s) {
        return new ParentOrderState(parentId, s, List.of(), ParentStatus.WORKING, s.start(), "");
    }

    ParentOrderState childCreated(ChildOrder child, Instant at) {
        List<ChildOrder> all = new ArrayList<>(children);
        all.add(child);
        return new ParentOrderState(parentId, spec, all, status, at, note);
    }

    ParentOrderState childSeen(int seq, OrderStatus now, Quantity filled) {
        List<ChildOrder> all = new ArrayList<>(children);
        all.replaceAll(c -> c.seq() == seq ? c.seen(now, filled) : c);
        return new ParentOrderState(parentId, spec, all, status, lastStep, note);
    }

    ParentOrderState cancelRequested(String reason) {
        return new ParentOrderState(parentId, spec, children, ParentStatus.CANCELLING, lastStep, reason);
    }

    ParentOrderState ended(ParentStatus end, String reason, Instant at) {
        return new ParentOrderState(parentId, spec, children, end, at.isAfter(lastStep) ? at : lastStep, reason);
    }
}

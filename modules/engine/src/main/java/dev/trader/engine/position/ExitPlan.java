package dev.trader.engine.position;

import dev.trader.domain.id.TraceId;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderRequest;
import dev.trader.engine.CborSerializable;
import java.util.List;
import java.util.Map;

/**
 * What a position wants at the venue now: the exit orders to have resting ({@code place},
 * reduce-only; placing one that exists changes nothing) with what each is for, and the orders
 * of its own to cancel (a stop that moved, anything left once the position is closed). The
 * caller places, then cancels (never unprotected in between), and reports back with
 * {@link PositionEntity.OrdersSettled}. {@code decisionPrice} is the market price the plan was
 * decided at (the bar's close, the fill's price), what its market orders' slippage is measured
 * against; null when the plan was not decided at a market price (its stops carry their own).
 * {@code trace} is the decision chain of the entry that opened the position, which its exit
 * orders are logged under (their ids, keyed by the position, cannot say it); null if not known.
 */
public record ExitPlan(List<OrderRequest> place, Map<String, ExitRef> purposes, List<String> cancel, Price decisionPrice, TraceId trace)
        implements CborSerializable {
    public static final ExitPlan NONE = new ExitPlan(List.of(), Map.of(), List.of());

    public ExitPlan {
        place = List.copyOf(place);
        purposes = Map.copyOf(purposes);
        cancel = List.copyOf(cancel);
    }

    public ExitPlan(List<OrderRequest> place, Map<String, ExitRef> purposes, List<String> cancel) {
        this(place, purposes, cancel, null, null);
    }

    public ExitPlan(List<OrderRequest> place, Map<String, ExitRef> purposes, List<String> cancel, Price decisionPrice) {
        this(place, purposes, cancel, decisionPrice, null);
    }

    public boolean isEmpty() {
        return place.isEmpty() && cancel.isEmpty();
    }
}

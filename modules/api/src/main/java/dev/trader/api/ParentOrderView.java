package dev.trader.api;

import dev.trader.domain.algo.Slice;
import dev.trader.domain.money.Quantity;
import dev.trader.engine.order.ChildOrder;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.order.ParentOrderState;
import dev.trader.engine.order.ParentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code GET /api/parent-orders/{id}}: the parent's plan, status and totals, and each
 * child as its own Order entity has it now (amounts as decimal strings). {@code filled} adds the
 * children's fills as their orders journaled them, so it may lead the account's books by a fill
 * still on its way there.
 */
public record ParentOrderView(String id, String instrument, String side, String quantity, String algo, String plan, String start,
                              List<SliceView> slices, String status, String note, String filled, String remaining, List<ChildView> children) {

    public record SliceView(int index, int startBar, String quantity) {
        static SliceView of(Slice s) {
            return new SliceView(s.index(), s.startBar(), s.quantity().toString());
        }
    }

    public record ChildView(String id, int seq, int slice, boolean last, String type, String quantity, String limitPrice, String status,
                            String filled, String reason) {
    }

    /** {@code orders}: the children's Order entities by client order id (a child never placed has none). */
    static ParentOrderView of(ParentOrderState p, Map<String, OrderState> orders) {
        ParentSpec spec = p.spec();
        Quantity filled = Quantity.ZERO;
        List<ChildView> children = new ArrayList<>();
        for (ChildOrder c : p.children()) {
            OrderState o = orders.get(c.clientOrderId());
            boolean live = o != null && o.exists();
            Quantity childFilled = live ? o.filledQuantity() : c.filled();
            filled = filled.plus(childFilled);
            String status = live ? o.status().name() : c.status() == null ? "NOT_PLACED" : c.status().name();
            children.add(new ChildView(c.clientOrderId(), c.seq(), c.slice(), c.last(), c.request().type().name(), c.request().quantity().toString(),
                    c.request().limitPrice() == null ? null : c.request().limitPrice().toString(), status, childFilled.toString(), c.reason()));
        }
        Quantity total = spec.parent().quantity();
        Quantity remaining = filled.compareTo(total) >= 0 ? Quantity.ZERO : total.minus(filled);
        List<SliceView> slices = spec.plan() == null ? List.of() : spec.plan().slices().stream().map(SliceView::of).toList();
        return new ParentOrderView(p.parentId(), spec.parent().instrument().value(), spec.parent().side().name(), total.toString(),
                spec.algo().key(), spec.describe(), spec.start().toString(), slices, p.status().name(), p.note(), filled.toString(),
                remaining.toString(), List.copyOf(children));
    }
}

package dev.trader.engine.export;

import dev.trader.domain.money.Money;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.engine.order.OrderState;
import java.time.Instant;
import java.util.List;

/**
 * One order, as the journal has it at the time of the export (an order decided late in the day may have filled after
 * midnight: its status and fills are the latest), filed under the day of its decision (event time: the close of the bar
 * it was decided on).
 */
record OrderRow(Instant decisionTime, OrderState order) {
    static final List<String> HEADER = List.of("decision_time", "client_order_id", "strategy", "instrument", "side", "type", "reduce_only",
            "quantity", "limit_price", "decision_price", "position_id", "status", "filled_quantity", "average_fill_price", "fees", "currency",
            "fills", "last_reason");

    static OrderRow of(OrderState o) {
        return new OrderRow(o.request().decisionTime(), o);
    }

    List<String> cells() {
        OrderRequest r = order.request();
        Money fees = null;
        for (Fill f : order.fills()) {
            fees = fees == null ? f.fee() : fees.plus(f.fee());
        }
        return List.of(decisionTime.toString(), r.clientOrderId().value(), r.strategy().value(), r.instrument().value(), r.side().name(),
                r.type().name(), Boolean.toString(r.reduceOnly()), Decimals.of(r.quantity()), Decimals.of(r.limitPrice()),
                Decimals.of(order.decisionPrice()), Decimals.of(order.positionId()), Decimals.of(order.status()),
                Decimals.of(order.filledQuantity()), Decimals.of(order.averageFillPrice()), Decimals.of(fees),
                fees == null ? "" : fees.currency(), Integer.toString(order.fills().size()), Decimals.of(order.lastReason()));
    }
}

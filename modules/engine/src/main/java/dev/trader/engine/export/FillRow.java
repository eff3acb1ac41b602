package dev.trader.engine.export;

import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import java.util.List;

/**
 * One fill as the account booked it (each venue trade id once: the movement of cash), filed under the day of its time
 * (the venue's trade time; on the paper venue the open of the bar it filled in). {@code heldAfter}: the position's
 * quantity after it.
 */
record FillRow(Fill fill, Quantity heldAfter) {
    static final List<String> HEADER = List.of("time", "trade_id", "client_order_id", "instrument", "side", "price", "quantity", "notional", "fee",
            "currency", "held_after");

    List<String> cells() {
        return List.of(fill.time().toString(), fill.tradeId().value(), fill.clientOrderId().value(), fill.instrument().value(), fill.side().name(),
                Decimals.of(fill.price()), Decimals.of(fill.quantity()), Decimals.of(fill.notional()), Decimals.of(fill.fee()), fill.fee().currency(),
                Decimals.of(heldAfter));
    }
}

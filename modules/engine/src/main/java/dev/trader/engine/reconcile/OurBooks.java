package dev.trader.engine.reconcile;

import dev.trader.domain.order.OrderStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Our side of a reconciliation, read from the journal just after the venue was read.
 *
 * @param orderStatus       for each client order id the venue lists as open: its status in our journal (absent: unknown to us)
 * @param holdings          instrument → what its latest position holds, signed
 * @param baseAssets        instrument → its base asset (what a spot position holds)
 * @param unknownOrderFills fills that arrived for client order ids our journal does not know
 */
public record OurBooks(Map<String, OrderStatus> orderStatus, Map<String, BigDecimal> holdings, Map<String, String> baseAssets,
                       List<Finding> unknownOrderFills) {
    public OurBooks {
        orderStatus = Map.copyOf(orderStatus);
        holdings = Map.copyOf(holdings);
        baseAssets = Map.copyOf(baseAssets);
        unknownOrderFills = List.copyOf(unknownOrderFills);
    }
}

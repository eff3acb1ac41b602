package dev.trader.execution.sim.exchange;

import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;

/**
 * One fill (immutable). {@code quoteQty} = price × qty (8 decimals); {@code commission} is charged
 * in {@code commissionAsset}, always the symbol's quote asset here; {@code time} is market time.
 */
public record TradeView(long id, String symbol, long orderId, OrderSide side, BigDecimal price, BigDecimal qty,
                        BigDecimal quoteQty, BigDecimal commission, String commissionAsset, long time, boolean isMaker) {
    public boolean isBuyer() {
        return side == OrderSide.BUY;
    }
}

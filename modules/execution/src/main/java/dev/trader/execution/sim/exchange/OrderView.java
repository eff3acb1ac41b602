package dev.trader.execution.sim.exchange;

import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;

/**
 * An order as the exchange knows it at one moment (immutable). Amounts are exact; absent ones
 * (price of a market order, stop price of a limit) are 0 as Binance shows them. Times are market
 * time. {@code workingTime} is -1 while a stop has not triggered. For a quoteOrderQty order
 * {@code origQty} is what it has bought or sold so far (its size is known only once filled).
 */
public record OrderView(String symbol, long orderId, String clientOrderId, OrderSide side, SimOrderType type,
                        TimeInForce timeInForce, BigDecimal price, BigDecimal origQty, BigDecimal quoteOrderQty,
                        BigDecimal stopPrice, BigDecimal executedQty, BigDecimal cummulativeQuoteQty,
                        SimOrderStatus status, long time, long updateTime, long workingTime) {

    public boolean isWorking() {
        return workingTime >= 0;
    }

    public boolean isOpen() {
        return status.isOpen();
    }
}

package dev.trader.execution.binance;

import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;

/** One trade of one of our orders, from either source (an executionReport or a myTrades row), before it becomes a domain Fill. */
record TradeReport(String symbol, long tradeId, String clientOrderId, OrderSide side, Price price, Quantity quantity, BigDecimal commission,
                   String commissionAsset, Instant time, String source) {
}

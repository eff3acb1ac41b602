package dev.trader.execution.binance;

/**
 * An order as Binance reports it (new order, query, cancel, allOrders): its exchange id, our
 * client order id, and its status; {@code status} is null only in an ACK answer to a new order.
 */
public record OrderAnswer(String symbol, long orderId, String clientOrderId, BinanceOrderStatus status) {
}

package dev.trader.engine.readmodel.query;

import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution of one of our orders (table {@code rm_fills}), once per venue trade id. {@code time}
 * is the venue's trade time (the bar's, at the paper venue); {@code positionId} and {@code strategy}
 * are the order's.
 */
public record FillRow(String tradeId, String clientOrderId, String parentId, String positionId, String strategy, String instrument,
                      OrderSide side, BigDecimal price, BigDecimal quantity, BigDecimal fee, String feeCurrency, Instant time) {
}

package dev.trader.execution.binance;

import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;

/** One row of {@code GET /api/v3/myTrades}: a trade of one of the account's orders (by Binance order id). */
public record AccountTrade(String symbol, long id, long orderId, Price price, Quantity quantity, BigDecimal commission,
                           String commissionAsset, Instant time, boolean buyer, boolean maker) {
}

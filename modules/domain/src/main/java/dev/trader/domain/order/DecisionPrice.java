package dev.trader.domain.order;

import dev.trader.domain.money.Price;

/**
 * The price an order was decided at, which its slippage is measured against. A stop or a limit
 * was decided at its own price (a stop's slippage is how far beyond its trigger it filled, not how
 * far the market has moved since the stop was placed); a market order at the price the decision
 * saw: the signal's price, the bar's close, the mark a flatten was decided at.
 */
public final class DecisionPrice {
    private DecisionPrice() {
    }

    /** {@code request}'s own price when it has one, else {@code marketPrice} (null when nobody knows it). */
    public static Price of(OrderRequest request, Price marketPrice) {
        return request.limitPrice() != null ? request.limitPrice() : marketPrice;
    }
}

package dev.trader.domain.order;

import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * How far an order's fills landed from the price it was decided at, signed so that positive is
 * worse for us: a buy filled above its decision price, a sell below it.
 *
 * <p>Everything is computed from the exact notional of the fills ({@code Σ price × quantity}), never
 * from the rounded average, so partial fills at different prices cost exactly what they cost:
 * {@code quote} is {@code ±(Σ price × quantity − decision × Σ quantity)} rounded half-even to money
 * scale, and {@code bps} is that amount over the decision notional {@code decision × Σ quantity},
 * times 10,000, rounded half-even to {@value #BPS_SCALE} decimals.
 *
 * @param averagePrice the quantity-weighted average fill price, rounded half-even to {@value #AVERAGE_SCALE} decimals
 * @param quantity     what the fills add up to
 * @param quote        the slippage in the fills' quote currency
 * @param bps          the slippage in basis points of the decision notional
 */
public record Slippage(Price averagePrice, Quantity quantity, Money quote, BigDecimal bps) {
    public static final int BPS_SCALE = 6;
    /** As a position keeps its average price. */
    public static final int AVERAGE_SCALE = 10;
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    public Slippage {
        Objects.requireNonNull(averagePrice, "averagePrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(bps, "bps");
    }

    /** The slippage of {@code fills} on {@code side} against {@code decisionPrice}; null when nothing filled. */
    public static Slippage of(OrderSide side, Price decisionPrice, List<Fill> fills) {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(decisionPrice, "decisionPrice");
        if (!decisionPrice.isPositive()) {
            throw new IllegalArgumentException("a decision price must be positive but was " + decisionPrice);
        }
        if (fills.isEmpty()) {
            return null;
        }
        BigDecimal quantity = quantity(fills);
        BigDecimal notional = notional(fills);
        BigDecimal decisionNotional = decisionPrice.toBigDecimal().multiply(quantity);
        BigDecimal aboveDecision = notional.subtract(decisionNotional);
        BigDecimal worse = side == OrderSide.BUY ? aboveDecision : aboveDecision.negate();
        String currency = fills.get(0).fee().currency();
        return new Slippage(average(notional, quantity), Quantity.of(quantity), Money.of(worse, currency),
                worse.multiply(TEN_THOUSAND).divide(decisionNotional, BPS_SCALE, RoundingMode.HALF_EVEN));
    }

    /** The quantity-weighted average price of {@code fills}; null when there are none. */
    public static Price averagePrice(List<Fill> fills) {
        return fills.isEmpty() ? null : average(notional(fills), quantity(fills));
    }

    private static Price average(BigDecimal notional, BigDecimal quantity) {
        return Price.of(notional.divide(quantity, AVERAGE_SCALE, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal quantity(List<Fill> fills) {
        BigDecimal q = BigDecimal.ZERO;
        for (Fill f : fills) {
            q = q.add(f.quantity().toBigDecimal());
        }
        return q;
    }

    private static BigDecimal notional(List<Fill> fills) {
        BigDecimal n = BigDecimal.ZERO;
        for (Fill f : fills) {
            n = n.add(f.price().toBigDecimal().multiply(f.quantity().toBigDecimal()));
        }
        return n;
    }
}

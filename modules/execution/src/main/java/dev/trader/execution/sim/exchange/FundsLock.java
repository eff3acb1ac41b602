package dev.trader.execution.sim.exchange;

import dev.trader.domain.order.OrderSide;
import dev.trader.execution.sim.api.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much an order keeps locked for what it has left to do. A SELL locks the base it may sell. A
 * BUY locks quote: for a priced order price × quantity, for a MARKET or STOP_LOSS order
 * quantity × reference × (1 + margin) (the reference is the last close, for a stop the higher of
 * it and the stop), for a quoteOrderQty order that amount — each times (1 + the higher fee rate),
 * because commission is charged in the quote asset here and a fill must never find it missing.
 */
final class FundsLock {
    private final BigDecimal margin;
    private final BigDecimal feeFactor;

    FundsLock(BigDecimal margin, BigDecimal maxFeeRate) {
        this.margin = margin;
        this.feeFactor = BigDecimal.ONE.add(maxFeeRate);
    }

    /** What {@code o} should hold locked now; {@code reference} is the last known price (null only if the order needs none). */
    BigDecimal required(WorkingOrder o, BigDecimal reference, BigDecimal stepSize) {
        if (o.side == OrderSide.SELL) {
            if (!o.isQuoteOrder()) {
                return o.remainingQty();
            }
            // Enough base to raise the quote amount even if the price falls by the margin.
            BigDecimal floorPrice = reference.multiply(BigDecimal.ONE.subtract(margin.min(new BigDecimal("0.5"))));
            return Decimals.ceilToStep(o.remainingQuote().divide(floorPrice, 16, RoundingMode.CEILING), stepSize);
        }
        BigDecimal quote = switch (o.type) {
            case LIMIT, STOP_LOSS_LIMIT -> o.price.multiply(o.remainingQty());
            case MARKET -> o.isQuoteOrder() ? o.remainingQuote() : bounded(reference).multiply(o.remainingQty());
            case STOP_LOSS -> bounded(reference == null ? o.stopPrice : reference.max(o.stopPrice)).multiply(o.remainingQty());
        };
        return Decimals.ceil8(quote.multiply(feeFactor));
    }

    /** The least base a quoteOrderQty SELL needs at the reference price. */
    static BigDecimal minimumSellBase(WorkingOrder o, BigDecimal reference, BigDecimal stepSize) {
        return Decimals.ceilToStep(o.remainingQuote().divide(reference, 16, RoundingMode.CEILING), stepSize);
    }

    private BigDecimal bounded(BigDecimal reference) {
        return reference.multiply(BigDecimal.ONE.add(margin));
    }
}

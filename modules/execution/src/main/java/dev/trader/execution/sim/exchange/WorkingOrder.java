package dev.trader.execution.sim.exchange;

import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;

/**
 * An order inside the ledger, changed only under the ledger's lock by the engine; everything
 * outside sees {@link OrderView} copies.
 */
final class WorkingOrder {
    final long orderId;
    final String symbol;
    final String clientOrderId;
    final OrderSide side;
    final SimOrderType type;
    final TimeInForce timeInForce;
    /** Requested base quantity; null for a quoteOrderQty order. */
    final BigDecimal quantity;
    final BigDecimal quoteOrderQty;
    final BigDecimal price;
    final BigDecimal stopPrice;
    final long time;
    /** The first bar open time this order may trade at (accepted time + latency). */
    final long eligibleFrom;

    BigDecimal executedQty = BigDecimal.ZERO;
    BigDecimal cumQuote = BigDecimal.ZERO;
    SimOrderStatus status = SimOrderStatus.NEW;
    long updateTime;
    /** When the order went on the book: its time, or for a stop the open of the bar that triggered it (-1 until then). */
    long workingTime;
    /** Bars this order has been eligible in (0 = its first chance is still ahead). */
    int barsSeen;
    /** What this order holds locked: quote for a BUY, base for a SELL. */
    BigDecimal locked = BigDecimal.ZERO;

    WorkingOrder(long orderId, NewOrder o, String clientOrderId, long time, long eligibleFrom) {
        this.orderId = orderId;
        this.symbol = o.symbol();
        this.clientOrderId = clientOrderId;
        this.side = o.side();
        this.type = o.type();
        this.timeInForce = o.timeInForce();
        this.quantity = o.quantity();
        this.quoteOrderQty = o.quoteOrderQty();
        this.price = o.price();
        this.stopPrice = o.stopPrice();
        this.time = time;
        this.eligibleFrom = eligibleFrom;
        this.updateTime = time;
        this.workingTime = type.isStop() ? -1 : time;
    }

    boolean isQuoteOrder() {
        return quoteOrderQty != null;
    }

    BigDecimal remainingQty() {
        return quantity == null ? null : quantity.subtract(executedQty);
    }

    BigDecimal remainingQuote() {
        return quoteOrderQty == null ? null : quoteOrderQty.subtract(cumQuote);
    }

    /**
     * A stop whose stop price was reached. Derived from {@code workingTime}, which the engine sets when it triggers, so
     * the two cannot disagree; no bar opens at -1 (bars are minute-aligned), so -1 means exactly "not yet".
     */
    boolean triggered() {
        return type.isStop() && workingTime != -1;
    }

    /** Trades like a market order now: a MARKET order, or a STOP_LOSS whose stop was reached. */
    boolean isMarketLike() {
        return type == SimOrderType.MARKET || (type == SimOrderType.STOP_LOSS && triggered());
    }

    /** Rests like a limit order now: a LIMIT, or a STOP_LOSS_LIMIT whose stop was reached. */
    boolean isLimitLike() {
        return type == SimOrderType.LIMIT || (type == SimOrderType.STOP_LOSS_LIMIT && triggered());
    }

    OrderView view() {
        BigDecimal orig = quantity != null ? quantity : executedQty;
        return new OrderView(symbol, orderId, clientOrderId, side, type, timeInForce == null ? TimeInForce.GTC : timeInForce,
                price == null ? BigDecimal.ZERO : price, orig, quoteOrderQty == null ? BigDecimal.ZERO : quoteOrderQty,
                stopPrice == null ? BigDecimal.ZERO : stopPrice, executedQty, cumQuote, status, time, updateTime, workingTime);
    }
}

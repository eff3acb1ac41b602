package dev.trader.api;

import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.engine.order.OrderState;
import java.util.List;

/**
 * The JSON of {@code GET /api/orders/{clientOrderId}}: the order as journaled, its fills, and its
 * execution quality. Amounts, prices, basis points and milliseconds are exact decimal strings; a
 * figure that is not known (no fill yet, or an order journaled before it was measured) is null.
 */
public record OrderView(String clientOrderId, String instrument, String strategy, String side, String type, String quantity, String price,
                        boolean reduceOnly, String decisionTime, String positionId, String status, String venueOrderId, String lastReason,
                        String filledQuantity, String averageFillPrice, List<FillView> fills, ExecutionView execution) {

    /** One fill: {@code time} is the venue's trade time. */
    public record FillView(String tradeId, String price, String quantity, String fee, String time) {
        static FillView of(Fill f) {
            return new FillView(f.tradeId().value(), f.price().toString(), f.quantity().toString(), f.fee().toBigDecimal().toPlainString(),
                    f.time().toString());
        }
    }

    /**
     * Execution quality. {@code decisionPrice}: the price the order was decided at. {@code decidedAt},
     * {@code ackedAt}, {@code firstFillAt}, {@code lastFillAt}: wall-clock instants of the decision (the
     * order journaled), the venue's first confirmation, the first and the latest fill's arrival; the
     * {@code decisionTo…Ms} figures are the milliseconds between them. {@code slippageBps} and
     * {@code slippageQuote}: the fills' average against the decision price, positive when worse for us
     * (a buy above it, a sell below it), in basis points and in the quote currency.
     */
    public record ExecutionView(String decisionPrice, String decidedAt, String ackedAt, String firstFillAt, String lastFillAt,
                                String decisionToAckMs, String decisionToFirstFillMs, String decisionToLastFillMs, String slippageBps,
                                String slippageQuote, String currency) {
        static ExecutionView of(OrderState o) {
            return new ExecutionView(text(o.decisionPrice()), text(o.decidedAt()), text(o.ackedAt()), text(o.firstFillAt()),
                    text(o.lastFillAt()), Millis.text(o.decisionToAck()), Millis.text(o.decisionToFirstFill()),
                    Millis.text(o.decisionToLastFill()), o.slippageBps() == null ? null : o.slippageBps().toPlainString(),
                    o.slippageQuote() == null ? null : o.slippageQuote().toBigDecimal().toPlainString(),
                    o.slippageQuote() == null ? null : o.slippageQuote().currency());
        }
    }

    static OrderView of(OrderState o) {
        OrderRequest r = o.request();
        return new OrderView(r.clientOrderId().value(), r.instrument().value(), r.strategy().value(), r.side().name(), r.type().name(),
                r.quantity().toString(), text(r.limitPrice()), r.reduceOnly(), r.decisionTime().toString(), o.positionId(), o.status().name(),
                o.venueOrderId(), o.lastReason(), o.filledQuantity().toString(), text(o.averageFillPrice()),
                o.fills().stream().map(FillView::of).toList(), ExecutionView.of(o));
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}

package dev.trader.domain.port;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.SubmitResult;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A connection to a venue. Submissions are idempotent by client order id: sending the same
 * id twice never creates a second order. Fills arrive through the registered
 * {@link FillListener}, in whatever order and as often as the venue sends them.
 */
public interface ExecutionClient {
    String venue();

    void setFillListener(FillListener listener);

    CompletionStage<SubmitResult> submit(OrderRequest request);

    CompletionStage<SubmitResult> cancel(ClientOrderId clientOrderId);

    /** What the venue says of this order now; empty means the venue does not know it (yet). */
    CompletionStage<Optional<OrderStatus>> query(ClientOrderId clientOrderId);

    /**
     * How many "does not exist" answers in a row, a query interval apart, prove that an order
     * never reached the venue (so that sending it again cannot make a second one). One for a venue
     * whose book is our own memory (paper); more for an exchange, which can deny an order it has
     * while the order propagates (Binance's -2013 right after a lost answer).
     */
    default int notFoundAnswersToConclude() {
        return 1;
    }
}

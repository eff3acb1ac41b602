package dev.trader.domain.port;

import dev.trader.domain.order.Fill;
import java.util.concurrent.CompletionStage;

/** Receives fills from a venue; the stage completes once the fill is durably applied. */
@FunctionalInterface
public interface FillListener {
    CompletionStage<Void> onFill(Fill fill);
}

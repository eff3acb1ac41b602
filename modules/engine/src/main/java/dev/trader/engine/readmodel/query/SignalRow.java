package dev.trader.engine.readmodel.query;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A signal a strategy raised and what the account decided for it (table {@code rm_signals}).
 * {@code signalId} is the client order id the account keys its decision by (derived from strategy,
 * instrument, signal time and leg 0). {@code decision}: APPROVED, REJECTED, IGNORED (no order was
 * needed) or null while undecided, with the deciding {@code decisionRule} and {@code decisionReason};
 * an approval's {@code clientOrderId} (the order, or the parent order of an algorithm), its position
 * and the protective stop it was approved with ({@code decisionStop}, null if none).
 * {@code regime}: the signal's metadata {@code regime}, if any. {@code confidence} is the strategy's,
 * in [0, 1].
 */
public record SignalRow(String signalId, String strategy, String instrument, String timeframe, Instant time, String direction, Double confidence,
                        BigDecimal price, String reason, String regime, String decision, String decisionRule, String decisionReason,
                        String clientOrderId, String positionId, BigDecimal decisionStop) {
}

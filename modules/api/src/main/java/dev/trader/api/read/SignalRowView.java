package dev.trader.api.read;

import dev.trader.engine.readmodel.query.SignalRow;

/**
 * One signal of {@code GET /api/signals} with the account's decision ({@link SignalRow}):
 * {@code decision} APPROVED, REJECTED, IGNORED or null while undecided; {@code confidence} as the
 * strategy gave it, in [0, 1].
 */
public record SignalRowView(String signalId, String strategy, String instrument, String timeframe, String time, String direction, Double confidence,
                            String price, String reason, String regime, String decision, String decisionRule, String decisionReason,
                            String clientOrderId, String positionId, String decisionStop) {
    public static SignalRowView of(SignalRow s) {
        return new SignalRowView(s.signalId(), s.strategy(), s.instrument(), s.timeframe(), Text.of(s.time()), s.direction(), s.confidence(),
                Text.of(s.price()), s.reason(), s.regime(), s.decision(), s.decisionRule(), s.decisionReason(), s.clientOrderId(), s.positionId(),
                Text.of(s.decisionStop()));
    }
}

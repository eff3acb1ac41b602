package dev.trader.api.read;

import dev.trader.engine.readmodel.query.TradeRow;

/**
 * One closed trade of {@code GET /api/trades} ({@link TradeRow} says what each figure is): exact
 * decimal strings; {@code initialStop}, {@code initialRisk} and {@code rMultiple} null when no stop
 * was known; {@code regime} null when the entry signal carried none.
 */
public record TradeRowView(String tradeId, String positionId, String strategy, String instrument, String side, String quantity, String entryTime,
                           String entryPrice, String exitTime, String exitPrice, String pnl, String fees, String pnlAfterFees, String currency,
                           String initialStop, String initialRisk, String rMultiple, String holdMinutes, String exitKind, String regime,
                           String session) {
    public static TradeRowView of(TradeRow t) {
        return new TradeRowView(t.tradeId(), t.positionId(), t.strategy(), t.instrument(), Text.of(t.side()), Text.of(t.quantity()),
                Text.of(t.entryTime()), Text.of(t.entryPrice()), Text.of(t.exitTime()), Text.of(t.exitPrice()), Text.of(t.pnl()), Text.of(t.fees()),
                Text.of(t.pnlAfterFees()), t.currency(), Text.of(t.initialStop()), Text.of(t.initialRisk()), Text.of(t.rMultiple()),
                Text.of(t.holdMinutes()), t.exitKind(), t.regime(), t.session());
    }
}

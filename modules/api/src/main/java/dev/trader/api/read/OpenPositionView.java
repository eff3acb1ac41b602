package dev.trader.api.read;

import dev.trader.engine.readmodel.query.OpenPosition;

/**
 * One position of {@code GET /api/positions} ({@link OpenPosition}): what it holds as its fills left
 * it, not marked to market; {@code openedAt} the fill that opened its current round trip.
 */
public record OpenPositionView(String positionId, String instrument, String strategy, String side, String quantity, String averagePrice,
                               String realizedPnl, String fees, String currency, String protectiveStop, String openedAt, String updatedAt) {
    public static OpenPositionView of(OpenPosition p) {
        return new OpenPositionView(p.positionId(), p.instrument(), p.strategy(), Text.of(p.side()), Text.of(p.quantity()), Text.of(p.averagePrice()),
                Text.of(p.realizedPnl()), Text.of(p.fees()), p.currency(), Text.of(p.protectiveStop()), Text.of(p.openedAt()), Text.of(p.updatedAt()));
    }
}

package dev.trader.engine.readmodel.query;

import dev.trader.domain.position.PositionSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position that holds something now (table {@code rm_positions}), as its fills left it: side,
 * quantity and average price as the Position entity keeps them, its realized P&amp;L and fees so far
 * (over its whole life), the strategy and the time of the fill that opened its current round trip,
 * the time of its latest fill, and the protective stop approved with its entry (null if none).
 * It is not marked to market: the read model has fills, not prices.
 */
public record OpenPosition(String positionId, String instrument, String strategy, PositionSide side, BigDecimal quantity, BigDecimal averagePrice,
                           BigDecimal realizedPnl, BigDecimal fees, String currency, BigDecimal protectiveStop, Instant openedAt, Instant updatedAt) {
}

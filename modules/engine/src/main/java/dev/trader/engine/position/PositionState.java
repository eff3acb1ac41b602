package dev.trader.engine.position;

import dev.trader.domain.order.Fill;
import dev.trader.domain.position.Position;
import dev.trader.engine.CborSerializable;
import java.util.HashSet;
import java.util.Set;

/** A position entity's state: the domain position and the trade ids already applied to it. */
public record PositionState(String positionId, Position position, Set<String> appliedTradeIds, boolean everOpened)
        implements CborSerializable {

    PositionState apply(Fill fill) {
        Set<String> ids = new HashSet<>(appliedTradeIds);
        ids.add(fill.tradeId().value());
        return new PositionState(positionId, position.apply(fill), Set.copyOf(ids), true);
    }

    public boolean isClosed() {
        return everOpened && position.isFlat();
    }
}

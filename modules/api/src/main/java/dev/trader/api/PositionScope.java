package dev.trader.api;

import dev.trader.api.StatusView.PositionView;
import dev.trader.api.security.ApiKey;
import java.util.List;

/** Which positions a key may see on {@code GET /api/positions}. */
final class PositionScope {
    private PositionScope() {
    }

    /**
     * All of them for a key that sees every strategy; else those of its strategies. A position whose
     * strategy cannot be told goes only to keys that see them all, as on the live feed.
     */
    static List<PositionView> visible(ApiKey key, List<PositionView> positions) {
        if (key.allStrategies()) {
            return positions;
        }
        return positions.stream().filter(p -> p.strategy() != null && key.maySeeStrategy(p.strategy())).toList();
    }
}

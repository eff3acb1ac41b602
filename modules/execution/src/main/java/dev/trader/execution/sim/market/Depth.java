package dev.trader.execution.sim.market;

import java.math.BigDecimal;
import java.util.List;

/** An order book snapshot as GET /api/v3/depth returns it: levels as [price, quantity], best first. */
public record Depth(long lastUpdateId, List<Level> bids, List<Level> asks) {
    public Depth {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    public record Level(BigDecimal price, BigDecimal quantity) {
    }

    public Depth limit(int n) {
        return new Depth(lastUpdateId, bids.subList(0, Math.min(n, bids.size())), asks.subList(0, Math.min(n, asks.size())));
    }
}

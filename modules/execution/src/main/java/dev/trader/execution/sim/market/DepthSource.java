package dev.trader.execution.sim.market;

import java.util.Optional;

/** Where GET /api/v3/depth gets its book: recorded depth when frames are replayed, a book derived from the bars otherwise. */
@FunctionalInterface
public interface DepthSource {
    Optional<Depth> depth(String symbol);
}

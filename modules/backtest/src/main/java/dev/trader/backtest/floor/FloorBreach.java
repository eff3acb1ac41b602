package dev.trader.backtest.floor;

import dev.trader.domain.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * Equity went below a floor at a bar close: when (the close time), which floor ({@link #DAILY} or
 * {@link #OVERALL}), the equity, the floor and by how much ({@code floor − equity}, &gt; 0). One
 * record per episode: the first close below the floor; the episode ends when equity is back at
 * or above it, or (daily floor) when the day rolls.
 */
public record FloorBreach(Instant time, String floor, Money equity, Money floorValue, Money shortfall) {
    public static final String DAILY = "daily";
    public static final String OVERALL = "overall";

    public FloorBreach {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(floorValue, "floorValue");
        Objects.requireNonNull(shortfall, "shortfall");
    }
}

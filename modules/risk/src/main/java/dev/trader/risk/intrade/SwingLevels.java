package dev.trader.risk.intrade;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Confirmed swing (pivot) levels for swing trailing ({@link Trailing#swing}), from the engine's recent bars.
 * A swing low is a bar whose low is strictly below the lows of the {@code lookback} bars on
 * each side of it; it is confirmed only once those {@code lookback} later bars have closed,
 * so the level never depends on a bar that has not happened yet. Swing highs mirror this.
 */
public final class SwingLevels {
    private SwingLevels() {
    }

    /** The most recent confirmed swing low in {@code bars} (oldest first), if any. */
    public static Optional<Price> lastConfirmedLow(List<Bar> bars, int lookback) {
        return lastPivot(bars, lookback, Bar::low, -1);
    }

    /** The most recent confirmed swing high in {@code bars} (oldest first), if any. */
    public static Optional<Price> lastConfirmedHigh(List<Bar> bars, int lookback) {
        return lastPivot(bars, lookback, Bar::high, 1);
    }

    /** {@code sign} −1 for lows (strictly below the neighbours), +1 for highs (strictly above). */
    private static Optional<Price> lastPivot(List<Bar> bars, int lookback, Function<Bar, Price> value, int sign) {
        if (lookback < 1) {
            throw new IllegalArgumentException("swing lookback must be at least 1 bar but was " + lookback);
        }
        for (int i = bars.size() - 1 - lookback; i >= lookback; i--) {
            Price pivot = value.apply(bars.get(i));
            boolean isPivot = true;
            for (int j = i - lookback; j <= i + lookback && isPivot; j++) {
                if (j != i && Integer.signum(pivot.compareTo(value.apply(bars.get(j)))) != sign) {
                    isPivot = false;
                }
            }
            if (isPivot) {
                return Optional.of(pivot);
            }
        }
        return Optional.empty();
    }
}

package dev.trader.strategy.regime;

import dev.trader.strategy.indicator.ValueIndicator;
import dev.trader.strategy.state.StateObject;
import java.util.Optional;

/**
 * Low / medium / high volatility from prices: the {@link RealizedVolatility} of the last
 * {@code returnsWindow} log returns, ranked by {@link VolatilityPercentile} among its own
 * last {@code lookback} values. Ranking against its own history makes the state comparable
 * across instruments and timeframes, which an absolute level is not. To classify ATR / close
 * instead, feed that measure to a {@link VolatilityPercentile} directly.
 */
public final class VolatilityRegime extends StateObject implements ValueIndicator {
    private RealizedVolatility realized;
    private VolatilityPercentile percentile;

    private VolatilityRegime() {
    }

    public VolatilityRegime(int returnsWindow, int lookback, VolatilityThresholds thresholds) {
        this.realized = new RealizedVolatility(returnsWindow);
        this.percentile = new VolatilityPercentile(lookback, thresholds);
    }

    /** Adds a price (a close). */
    @Override
    public void update(double price) {
        realized.update(price);
        if (realized.isReady()) {
            percentile.update(realized.value());
        }
    }

    /** The percentile rank of the current realized volatility, 0-100; NaN during the warm-up. */
    @Override
    public double value() {
        return percentile.value();
    }

    public Optional<VolatilityState> state() {
        return percentile.state();
    }

    /** The current realized volatility per bar. */
    public double realizedVolatility() {
        return realized.value();
    }

    @Override
    public boolean isReady() {
        return percentile.isReady();
    }

    /** returnsWindow + lookback prices: the first realized value needs returnsWindow + 1. */
    @Override
    public int warmUp() {
        return realized.warmUp() + percentile.warmUp() - 1;
    }
}

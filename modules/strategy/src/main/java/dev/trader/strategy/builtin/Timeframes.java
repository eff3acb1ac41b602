package dev.trader.strategy.builtin;

import dev.trader.domain.market.Timeframe;
import dev.trader.strategy.StrategyConfigException;
import dev.trader.strategy.StrategyParameters;

/** Reads a timeframe parameter by its label (1m, 5m, 15m, 1h, 4h, 1d). */
final class Timeframes {
    private Timeframes() {
    }

    static Timeframe of(StrategyParameters p, String key, Timeframe defaultValue) {
        if (!p.has(key)) {
            return defaultValue;
        }
        try {
            return Timeframe.ofLabel(p.string(key, null));
        } catch (IllegalArgumentException e) {
            throw new StrategyConfigException(p.path(key) + ": " + e.getMessage());
        }
    }
}

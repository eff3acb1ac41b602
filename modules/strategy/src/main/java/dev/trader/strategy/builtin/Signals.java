package dev.trader.strategy.builtin;

import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Builds signals at a bar's close, with indicator values formatted the same way everywhere. */
final class Signals {
    private Signals() {
    }

    static Signal at(StrategyId id, Bar bar, SignalDirection direction, double confidence, String reason, Object... keyValues) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            metadata.put(String.valueOf(keyValues[i]), v instanceof Double d ? format(d) : String.valueOf(v));
        }
        return new Signal(id, bar.instrument(), bar.timeframe(), bar.closeTime(), direction, confidence, bar.close(), reason, metadata);
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.8f", v);
    }

    static double close(Bar bar) {
        return bar.close().toDouble();
    }
}

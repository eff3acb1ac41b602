package dev.trader.domain.algo;

import java.util.Arrays;
import java.util.Locale;

/** How a parent order is executed: all at once at market, or cut into children over time. */
public enum AlgoType {
    /** One market order: no parent, no children (the engine's behaviour without an algorithm). */
    MARKET,
    /** Equal slices at equal intervals over a horizon of bars. */
    TWAP,
    /** Slices weighted by the volume the instrument usually trades in each minute of the day. */
    VWAP,
    /** Each bar, a share of the volume the last bar traded, until done or the horizon ends. */
    POV;

    /** The configuration's name of the type: {@code market}, {@code twap}, {@code vwap}, {@code pov}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlgoType parse(String text) {
        return Arrays.stream(values()).filter(t -> t.key().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + Arrays.stream(values()).map(AlgoType::key).toList()
                        + " but was '" + text + "'"));
    }
}

package dev.trader.strategy.combine;

import dev.trader.domain.signal.SignalDirection;

/** What one source currently says: a direction with a confidence, or nothing yet. */
public record Stance(SignalDirection direction, double confidence) {
    public static final Stance NONE = new Stance(null, 0.0);

    public boolean isNone() {
        return direction == null;
    }
}

package dev.trader.domain.signal;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A strategy's opinion at a bar's close: direction, confidence in [0, 1], a reason a person
 * can read, and metadata (indicator values at the decision) for the audit trail.
 */
public record Signal(StrategyId strategy, InstrumentId instrument, Timeframe timeframe, Instant time,
                     SignalDirection direction, double confidence, Price price, String reason, Map<String, String> metadata) {
    public Signal {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(reason, "reason");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("signal confidence must be within [0, 1] but was " + confidence);
        }
        metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
    }
}

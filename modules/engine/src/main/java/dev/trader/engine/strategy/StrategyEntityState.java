package dev.trader.engine.strategy;

import dev.trader.domain.market.Bar;
import dev.trader.domain.signal.Signal;
import dev.trader.engine.CborSerializable;
import dev.trader.strategy.StrategyState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A strategy entity's memory: the strategy's own state, the bar watermark and the recent
 * signals, kept so that a bar replayed after a crash re-emits the signal it raised the first
 * time (the account and order stages then recognise it) instead of deciding anew.
 */
public record StrategyEntityState(String entityId, boolean enabled, Instant watermark, StrategyState strategyState,
                                  long barsSeen, long signalCount, List<Signal> recentSignals, BigDecimal minConfidence,
                                  Map<String, Object> parameters) implements CborSerializable {
    static final int RECENT_SIGNALS = 200;

    public StrategyEntityState {
        // Null in snapshots written before operators could set a threshold: every signal passes.
        minConfidence = minConfidence == null ? BigDecimal.ZERO : minConfidence;
        // Null: the parameters as configured (also in snapshots written before operators could change them).
        parameters = parameters == null ? null : Map.copyOf(parameters);
    }

    /** Whether a signal of this confidence clears the operator's threshold. */
    boolean passes(Signal signal) {
        return BigDecimal.valueOf(signal.confidence()).compareTo(minConfidence) >= 0;
    }

    boolean isDuplicate(Bar bar) {
        return watermark != null && !bar.openTime().isAfter(watermark);
    }

    /** The signal this strategy raised at the close of {@code bar}, if it is still remembered. */
    Optional<Signal> signalAt(Bar bar) {
        return recentSignals.stream().filter(s -> s.time().equals(bar.closeTime())).findFirst();
    }

    StrategyEntityState observed(Bar bar, StrategyState next) {
        return new StrategyEntityState(entityId, enabled, bar.openTime(), next, barsSeen + 1, signalCount, recentSignals, minConfidence, parameters);
    }

    StrategyEntityState emitted(Signal signal) {
        List<Signal> signals = new ArrayList<>(recentSignals);
        signals.add(signal);
        if (signals.size() > RECENT_SIGNALS) {
            signals.remove(0);
        }
        return new StrategyEntityState(entityId, enabled, watermark, strategyState, barsSeen, signalCount + 1, List.copyOf(signals), minConfidence, parameters);
    }

    StrategyEntityState withEnabled(boolean on) {
        return new StrategyEntityState(entityId, on, watermark, strategyState, barsSeen, signalCount, recentSignals, minConfidence, parameters);
    }

    /** The operator's parameters, with the strategy state they start from. */
    StrategyEntityState withParameters(Map<String, Object> changed, StrategyState fresh) {
        return new StrategyEntityState(entityId, enabled, watermark, fresh, barsSeen, signalCount, recentSignals, minConfidence, changed);
    }

    StrategyEntityState withMinConfidence(BigDecimal threshold) {
        return new StrategyEntityState(entityId, enabled, watermark, strategyState, barsSeen, signalCount, recentSignals, threshold, parameters);
    }
}

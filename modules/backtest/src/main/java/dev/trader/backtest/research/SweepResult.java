package dev.trader.backtest.research;

import dev.trader.backtest.metrics.Metrics;
import java.util.Objects;

/**
 * One parameter set's run: its metrics, or why it could not run (the strategy rejected the
 * parameters, or the window had no data).
 *
 * @param metrics null when {@code error} is set
 * @param error   null when the run succeeded
 */
public record SweepResult(ParameterSet parameters, Metrics metrics, String error) {
    public SweepResult {
        Objects.requireNonNull(parameters, "parameters");
        if ((metrics == null) == (error == null)) {
            throw new IllegalArgumentException("a sweep result has either metrics or an error");
        }
    }

    public boolean ok() {
        return metrics != null;
    }
}

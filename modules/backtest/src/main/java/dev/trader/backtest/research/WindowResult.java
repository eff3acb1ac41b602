package dev.trader.backtest.research;

import dev.trader.backtest.metrics.Metrics;
import java.util.List;
import java.util.Objects;

/**
 * What one walk-forward window gave.
 *
 * @param trainRuns      every parameter set on the training range, grid order
 * @param validationRuns the shortlist (best on training, best first) on the validation range; empty without validation
 * @param chosen         the parameter set picked: best on training, or among the shortlist best on validation
 * @param inSample       the chosen set's metrics on the training range
 * @param validation     its metrics on the validation range; null without validation
 * @param outOfSample    its metrics on the test range, the out-of-sample result
 */
public record WindowResult(WalkForwardWindow window, List<SweepResult> trainRuns, List<SweepResult> validationRuns, ParameterSet chosen,
                           Metrics inSample, Metrics validation, Metrics outOfSample) {
    public WindowResult {
        Objects.requireNonNull(window, "window");
        trainRuns = List.copyOf(trainRuns);
        validationRuns = List.copyOf(validationRuns);
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(inSample, "inSample");
        Objects.requireNonNull(outOfSample, "outOfSample");
    }
}

package dev.trader.backtest.research;

import java.time.Instant;
import java.util.Objects;

/**
 * One walk-forward step, three consecutive half-open time ranges: parameters are fitted on
 * {@code [trainStart, trainEnd)}, optionally checked on {@code [trainEnd, testStart)} (the
 * validation range, empty when not used) and then scored out of sample on
 * {@code [testStart, testEnd)}. Nothing of a later range is used for an earlier decision.
 */
public record WalkForwardWindow(int index, Instant trainStart, Instant trainEnd, Instant testStart, Instant testEnd) {
    public WalkForwardWindow {
        Objects.requireNonNull(trainStart, "trainStart");
        Objects.requireNonNull(trainEnd, "trainEnd");
        Objects.requireNonNull(testStart, "testStart");
        Objects.requireNonNull(testEnd, "testEnd");
        if (!trainStart.isBefore(trainEnd) || trainEnd.isAfter(testStart) || !testStart.isBefore(testEnd)) {
            throw new IllegalArgumentException("a walk-forward window needs trainStart < trainEnd <= testStart < testEnd but was " + trainStart
                    + " / " + trainEnd + " / " + testStart + " / " + testEnd);
        }
    }

    /** The validation range {@code [trainEnd, testStart)} is not empty. */
    public boolean hasValidation() {
        return trainEnd.isBefore(testStart);
    }

    public Instant validateStart() {
        return trainEnd;
    }

    public Instant validateEnd() {
        return testStart;
    }
}

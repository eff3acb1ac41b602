package dev.trader.backtest.research;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lays out walk-forward windows over the data's time span {@code [start, end)}: the first test
 * range begins after {@code train} (and {@code validate}) from the start, each next one where the
 * previous ended, so the test ranges tile the rest of the data without overlapping; only complete
 * windows are made. <b>Rolling</b>: every training range has the same length and moves with the
 * test range. <b>Anchored</b>: every training range starts at the data's start and grows.
 */
public record WalkForwardPlan(Duration train, Duration validate, Duration test, boolean anchored) {
    public WalkForwardPlan {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validate, "validate");
        Objects.requireNonNull(test, "test");
        if (train.isZero() || train.isNegative() || validate.isNegative() || test.isZero() || test.isNegative()) {
            throw new IllegalArgumentException("walk-forward needs a positive train and test length and a validation length >= 0");
        }
    }

    /** The windows over {@code [start, end)}, in time order. */
    public List<WalkForwardWindow> windows(Instant start, Instant end) {
        List<WalkForwardWindow> out = new ArrayList<>();
        Instant testStart = start.plus(train).plus(validate);
        while (!testStart.plus(test).isAfter(end)) {
            Instant trainEnd = testStart.minus(validate);
            Instant trainStart = anchored ? start : trainEnd.minus(train);
            out.add(new WalkForwardWindow(out.size() + 1, trainStart, trainEnd, testStart, testStart.plus(test)));
            testStart = testStart.plus(test);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the data from " + start + " to " + end + " (" + Duration.between(start, end)
                    + ") is too short for one window of " + train + " training" + (validate.isZero() ? "" : ", " + validate + " validation")
                    + " and " + test + " test");
        }
        return List.copyOf(out);
    }
}

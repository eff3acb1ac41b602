package dev.trader.ml.eval;

import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.label.DirectionLabeler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Time splits for walk-forward evaluation: the first {@code initialTrainFraction} of the period
 * trains the first fold, the rest is cut into {@code folds} test windows, each tested by a model
 * trained on everything before it (an expanding window). Inside each training span the last
 * {@code calibrationFraction} calibrates instead of training. Every boundary is an embargo of
 * the label horizon: a row is used before a boundary only if its label's outcome is known before
 * it, so no test outcome is ever seen in training and no calibration outcome in model training.
 */
public record WalkForwardPlan(int folds, double initialTrainFraction, double calibrationFraction, Duration horizon) {

    public WalkForwardPlan {
        if (folds < 1) {
            throw new IllegalArgumentException("walk-forward needs at least one fold but was given " + folds);
        }
        if (!(initialTrainFraction > 0 && initialTrainFraction < 1)) {
            throw new IllegalArgumentException("the initial training fraction must be between 0 and 1 but was " + initialTrainFraction);
        }
        if (!(calibrationFraction > 0 && calibrationFraction < 1)) {
            throw new IllegalArgumentException("the calibration fraction must be between 0 and 1 but was " + calibrationFraction);
        }
    }

    /** One fold: its boundaries (epoch ms of bar closes) and the labelled rows of each part. */
    public record Fold(int index, long trainFromMs, long calibrationFromMs, long testFromMs, long testToMs, int[] trainRows,
                       int[] calibrationRows, int[] testRows) {
    }

    public List<Fold> folds(FeatureFrame frame, int[] labels) {
        if (frame.rows() == 0) {
            throw new IllegalArgumentException("no feature rows to split");
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long t : frame.closeTimeMs()) {
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        long span = last + 1 - first;
        // Boundaries on whole minutes, so the report's periods read as times a person would pick.
        long testStart = minute(first + (long) (span * initialTrainFraction));
        long testLength = minute((last + 1 - testStart) / folds);
        long embargo = horizon.toMillis();
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            long from = testStart + f * testLength;
            long to = f == folds - 1 ? last + 1 : from + testLength;
            long calibrationFrom = minute(first + (long) ((from - first) * (1 - calibrationFraction)));
            List<Integer> train = new ArrayList<>();
            List<Integer> calibration = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < frame.rows(); i++) {
                if (labels[i] == DirectionLabeler.NONE) {
                    continue;
                }
                long t = frame.closeTimeMs()[i];
                if (t + embargo <= calibrationFrom) {
                    train.add(i);
                } else if (t >= calibrationFrom && t + embargo <= from) {
                    calibration.add(i);
                } else if (t >= from && t < to) {
                    test.add(i);
                }
            }
            out.add(new Fold(f + 1, first, calibrationFrom, from, to, ints(train), ints(calibration), ints(test)));
        }
        return out;
    }

    private static long minute(long ms) {
        return ms - Math.floorMod(ms, 60_000L);
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}

package dev.trader.ml.feature;

import dev.trader.strategy.state.StateObject;

/** The last {@code capacity} closes in a ring, to read returns over fixed lookbacks in O(1). */
final class CloseHistory extends StateObject {
    private double[] closes;
    private long count;

    private CloseHistory() {
    }

    CloseHistory(int capacity) {
        this.closes = new double[capacity];
    }

    void add(double close) {
        closes[(int) (count % closes.length)] = close;
        count++;
    }

    boolean has(int barsAgo) {
        return barsAgo < count && barsAgo < closes.length;
    }

    /** The close {@code barsAgo} bars before the latest (0 = the latest). */
    double ago(int barsAgo) {
        if (!has(barsAgo)) {
            throw new IllegalArgumentException("no close " + barsAgo + " bars ago (have " + Math.min(count, closes.length) + ")");
        }
        return closes[(int) ((count - 1 - barsAgo) % closes.length)];
    }

    /** The log return from {@code from} bars ago to {@code to} bars ago. */
    double logReturn(int from, int to) {
        return Math.log(ago(to) / ago(from));
    }
}

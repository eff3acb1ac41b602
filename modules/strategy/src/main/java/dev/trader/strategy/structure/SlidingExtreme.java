package dev.trader.strategy.structure;

import dev.trader.strategy.state.StateObject;

/**
 * The maximum (or minimum) of the values pushed with the last {@code window} indexes, kept in a
 * monotonic deque stored as a ring of primitive arrays: O(1) amortized per push.
 */
final class SlidingExtreme extends StateObject {
    private int window;
    private boolean maximum;
    private long[] indexes;
    private double[] values;
    private int head;
    private int size;

    private SlidingExtreme() {
    }

    SlidingExtreme(int window, boolean maximum) {
        this.window = BarInput.positive(window, "window");
        this.maximum = maximum;
        this.indexes = new long[window];
        this.values = new double[window];
    }

    /** Adds {@code value} at {@code index} (strictly increasing) and forgets indexes {@code <= index - window}. */
    void push(long index, double value) {
        while (size > 0 && indexes[head] <= index - window) {
            head = (head + 1) % window;
            size--;
        }
        while (size > 0) {
            int back = (head + size - 1) % window;
            if (maximum ? values[back] <= value : values[back] >= value) {
                size--;
            } else {
                break;
            }
        }
        int slot = (head + size) % window;
        indexes[slot] = index;
        values[slot] = value;
        size++;
    }

    /** The extreme of the window; NaN when nothing was pushed. */
    double value() {
        return size == 0 ? Double.NaN : values[head];
    }
}

package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * The maximum (or minimum) of the last {@code window} values pushed, in amortized O(1) per push.
 *
 * <p>A monotonic deque: it keeps only the values that can still become the extreme, in push
 * order, each dominating the ones after it. A new value first evicts from the back every value it
 * equals or beats (they leave the window before it and can never be the extreme again), then the
 * front leaves once it is older than the window. Every value enters and leaves once, hence
 * amortized O(1); a scan of the window would be O(window) per bar. It is stored in two primitive
 * ring arrays (value, push sequence) of {@code window} slots, which is enough because the deque
 * never holds more than the window.
 *
 * <p>Used by {@link Stochastic}, {@link Donchian} and the volume profile; it is state, not an
 * indicator, so it has no warm-up of its own: {@link #extreme()} is NaN until the first push and
 * {@link #isFull()} says when a whole window has been seen.
 */
public final class MonotonicDeque extends StateObject {
    private int window;
    /** true: rolling maximum; false: rolling minimum. */
    private boolean maximum;
    private double[] values;
    /** The push sequence number of each kept value, to tell when it leaves the window. */
    private long[] sequences;
    private int head;
    private int size;
    private long pushed;

    private MonotonicDeque() {
    }

    /**
     * @param window  how many of the latest values the extreme is taken over (at least 1)
     * @param maximum true for the rolling maximum, false for the rolling minimum
     */
    public MonotonicDeque(int window, boolean maximum) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 but was " + window);
        }
        this.window = window;
        this.maximum = maximum;
        this.values = new double[window];
        this.sequences = new long[window];
    }

    /** Rolling maximum of the last {@code window} values. */
    public static MonotonicDeque max(int window) {
        return new MonotonicDeque(window, true);
    }

    /** Rolling minimum of the last {@code window} values. */
    public static MonotonicDeque min(int window) {
        return new MonotonicDeque(window, false);
    }

    public void push(double x) {
        while (size > 0) {
            int back = slot(head + size - 1);
            boolean dominated = maximum ? values[back] <= x : values[back] >= x;
            if (!dominated) {
                break;
            }
            size--;
        }
        // Sequences in the deque increase from the front, so at most the front one can have expired.
        if (size > 0 && sequences[head] <= pushed - window) {
            head = slot(head + 1);
            size--;
        }
        int tail = slot(head + size);
        values[tail] = x;
        sequences[tail] = pushed;
        size++;
        pushed++;
    }

    /** The extreme of the last {@code window} values (of all of them while fewer were pushed); NaN before any. */
    public double extreme() {
        return size == 0 ? Double.NaN : values[head];
    }

    /** Whether a whole window of values has been pushed. */
    public boolean isFull() {
        return pushed >= window;
    }

    public long pushed() {
        return pushed;
    }

    public int window() {
        return window;
    }

    private int slot(int i) {
        return i >= window ? i - window : i;
    }
}

package dev.trader.strategy.timeframe;

import dev.trader.strategy.state.StateObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last {@code capacity} closed bars of one timeframe, in a ring buffer: adding is O(1) and
 * overwrites the oldest bar once the ring is full. Holds {@link ResampledBar}s so that a
 * strategy can tell a carried-forward bar from a traded one.
 */
public final class BarHistory extends StateObject {
    private ResampledBar[] slots;
    /** Index of the slot the next bar goes into. */
    private int next;
    private int size;

    private BarHistory() {
    }

    public BarHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("bar history capacity must be at least 1 but was " + capacity);
        }
        this.slots = new ResampledBar[capacity];
    }

    public void add(ResampledBar bar) {
        slots[next] = bar;
        next = (next + 1) % slots.length;
        if (size < slots.length) {
            size++;
        }
    }

    /** The bar {@code ago} bars back: 0 is the latest. Empty if the history does not reach that far. */
    public Optional<ResampledBar> get(int ago) {
        if (ago < 0 || ago >= size) {
            return Optional.empty();
        }
        return Optional.of(slots[Math.floorMod(next - 1 - ago, slots.length)]);
    }

    /** All bars held, oldest first. O(size): for inspection, not for every bar. */
    public List<ResampledBar> toList() {
        List<ResampledBar> out = new ArrayList<>(size);
        for (int ago = size - 1; ago >= 0; ago--) {
            out.add(slots[Math.floorMod(next - 1 - ago, slots.length)]);
        }
        return out;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return slots.length;
    }
}

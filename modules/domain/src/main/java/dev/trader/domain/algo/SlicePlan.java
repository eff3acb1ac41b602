package dev.trader.domain.algo;

import dev.trader.domain.money.Quantity;
import java.util.List;
import java.util.Objects;

/**
 * The slices of a parent order, in time order, and a note saying how they were made (the
 * algorithm, and any fallback taken: a VWAP without volume in its profile is a TWAP, and says so).
 */
public record SlicePlan(List<Slice> slices, String note) {
    public SlicePlan {
        slices = List.copyOf(slices);
        Objects.requireNonNull(note, "note");
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one slice");
        }
        for (int i = 0; i < slices.size(); i++) {
            Slice s = slices.get(i);
            if (s.index() != i) {
                throw new IllegalArgumentException("slice " + i + " has index " + s.index());
            }
            if (i > 0 && s.startBar() <= slices.get(i - 1).startBar()) {
                throw new IllegalArgumentException("slice " + i + " starts at bar " + s.startBar() + ", not after slice " + (i - 1));
            }
        }
    }

    public Quantity total() {
        Quantity sum = Quantity.ZERO;
        for (Slice s : slices) {
            sum = sum.plus(s.quantity());
        }
        return sum;
    }

    /** The quantity of slices 0..{@code index}: what should have been sent once slice {@code index} is due. */
    public Quantity cumulative(int index) {
        Quantity sum = Quantity.ZERO;
        for (int i = 0; i <= index && i < slices.size(); i++) {
            sum = sum.plus(slices.get(i).quantity());
        }
        return sum;
    }

    public Slice last() {
        return slices.get(slices.size() - 1);
    }
}

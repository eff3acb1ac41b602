package dev.trader.domain.algo;

import dev.trader.domain.money.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns raw slice quantities into a plan the venue can take: a slice below the instrument's
 * minimum quantity or notional is merged into the next one (it goes out later, with it); what is
 * still too small at the end joins the last slice that could go. The sum never changes.
 */
final class SliceMerger {
    private SliceMerger() {
    }

    static List<Slice> merge(List<Quantity> raw, List<Integer> startBars, SliceSizing sizing) {
        List<Quantity> quantities = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Quantity carry = Quantity.ZERO;
        for (int i = 0; i < raw.size(); i++) {
            Quantity amount = raw.get(i).plus(carry);
            if (amount.isZero()) {
                continue;
            }
            if (sizing.placeable(amount)) {
                quantities.add(amount);
                starts.add(startBars.get(i));
                carry = Quantity.ZERO;
            } else {
                carry = amount;
            }
        }
        if (!carry.isZero()) {
            if (quantities.isEmpty()) {
                // The whole order is below the minimum: one slice, now, and the venue decides.
                quantities.add(carry);
                starts.add(startBars.get(0));
            } else {
                int last = quantities.size() - 1;
                quantities.set(last, quantities.get(last).plus(carry));
            }
        }
        List<Slice> out = new ArrayList<>(quantities.size());
        for (int i = 0; i < quantities.size(); i++) {
            out.add(new Slice(i, starts.get(i), quantities.get(i)));
        }
        return out;
    }

    /** Slice {@code i} of {@code slices} over {@code horizonBars} starts at bar {@code i × horizonBars / slices}: equal intervals in whole bars. */
    static List<Integer> evenStarts(int slices, int horizonBars) {
        List<Integer> starts = new ArrayList<>(slices);
        for (int i = 0; i < slices; i++) {
            starts.add((int) ((long) i * horizonBars / slices));
        }
        return starts;
    }

    static void requireShape(Quantity total, int slices, int horizonBars) {
        if (total.isZero()) {
            throw new IllegalArgumentException("nothing to slice: the quantity is zero");
        }
        if (slices < 1 || horizonBars < 1 || slices > horizonBars) {
            throw new IllegalArgumentException("slices must be within 1..horizon bars (" + horizonBars + ") but was " + slices);
        }
    }
}

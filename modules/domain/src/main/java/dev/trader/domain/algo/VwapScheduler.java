package dev.trader.domain.algo;

import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Volume-weighted slicing: the slices start where a TWAP's would, but each is as large as the
 * share of the horizon's usual volume that falls in its bars ({@code barVolumes}: the profile's
 * volume for each bar of the horizon, in order). Cumulative targets are rounded down to the lot,
 * so the slices add up to the total exactly and the last takes what rounding left. A profile with
 * no volume over the horizon gives a TWAP, and the plan's note says so.
 */
public final class VwapScheduler {
    private VwapScheduler() {
    }

    /** {@code profileNote} says where the profile came from (its days), for the plan's note. */
    public static SlicePlan plan(Quantity total, int slices, int horizonBars, List<BigDecimal> barVolumes, SliceSizing sizing, String profileNote) {
        SliceMerger.requireShape(total, slices, horizonBars);
        if (barVolumes.size() != horizonBars) {
            throw new IllegalArgumentException("the profile gives " + barVolumes.size() + " bar volume(s) for a horizon of " + horizonBars);
        }
        List<Integer> starts = SliceMerger.evenStarts(slices, horizonBars);
        List<BigDecimal> weights = new ArrayList<>(slices);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < slices; i++) {
            int end = i + 1 < slices ? starts.get(i + 1) : horizonBars;
            BigDecimal w = BigDecimal.ZERO;
            for (int b = starts.get(i); b < end; b++) {
                w = w.add(barVolumes.get(b));
            }
            weights.add(w);
            sum = sum.add(w);
        }
        if (sum.signum() <= 0) {
            return TwapScheduler.plan(total, slices, horizonBars, sizing,
                    "VWAP fell back to TWAP: the volume profile (" + profileNote + ") has no volume over the " + horizonBars + " bar(s); "
                            + slices + " equal slice(s)");
        }
        BigDecimal exact = total.toBigDecimal();
        int scale = Math.max(exact.scale(), sizing.rules().lotSize().toBigDecimal().scale()) + 1;
        List<Quantity> raw = new ArrayList<>(slices);
        Quantity before = Quantity.ZERO;
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int i = 0; i < slices; i++) {
            cumulative = cumulative.add(weights.get(i));
            Quantity target = i == slices - 1 ? total
                    : sizing.lots(exact.multiply(cumulative).divide(sum, scale, RoundingMode.FLOOR));
            raw.add(target.minus(before));
            before = target;
        }
        return new SlicePlan(SliceMerger.merge(raw, starts, sizing),
                "VWAP: " + slices + " slice(s) over " + horizonBars + " bar(s), weighted by the volume profile (" + profileNote + ")");
    }
}

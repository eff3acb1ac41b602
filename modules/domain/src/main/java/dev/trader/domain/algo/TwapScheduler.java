package dev.trader.domain.algo;

import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Time-weighted slicing: {@code slices} equal slices, one every {@code horizonBars / slices} bars
 * (in whole bars) from the start, each rounded down to the lot; the last takes what rounding left.
 * A slice below the venue's minimum is merged into the next.
 */
public final class TwapScheduler {
    private TwapScheduler() {
    }

    public static SlicePlan plan(Quantity total, int slices, int horizonBars, SliceSizing sizing) {
        return plan(total, slices, horizonBars, sizing, "TWAP: " + slices + " slice(s) over " + horizonBars + " bar(s)");
    }

    static SlicePlan plan(Quantity total, int slices, int horizonBars, SliceSizing sizing, String note) {
        SliceMerger.requireShape(total, slices, horizonBars);
        BigDecimal exact = total.toBigDecimal();
        int scale = Math.max(exact.scale(), sizing.rules().lotSize().toBigDecimal().scale()) + 1;
        Quantity base = sizing.lots(exact.divide(BigDecimal.valueOf(slices), scale, RoundingMode.FLOOR));
        List<Quantity> raw = new ArrayList<>(slices);
        Quantity sent = Quantity.ZERO;
        for (int i = 0; i < slices - 1; i++) {
            raw.add(base);
            sent = sent.plus(base);
        }
        raw.add(total.minus(sent));
        return new SlicePlan(SliceMerger.merge(raw, SliceMerger.evenStarts(slices, horizonBars), sizing), note);
    }
}

package dev.trader.marketdata.validation;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.marketdata.Gap;
import dev.trader.marketdata.RejectReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps open times strictly increasing. Only the last accepted bar is remembered, so memory
 * stays constant; a row repeating an older minute is therefore reported as out of order.
 */
final class BarSequence {
    private final InstrumentId instrument;
    private final Timeframe timeframe;
    private Bar last;
    private long lastLine;

    BarSequence(InstrumentId instrument, Timeframe timeframe) {
        this.instrument = instrument;
        this.timeframe = timeframe;
    }

    /**
     * Accepts {@code bar} as the new last bar if it comes after the current one.
     *
     * @return the gap between the previous bar and this one, if bars are missing
     */
    Optional<Gap> accept(Bar bar, long line) throws RowRejectedException {
        Optional<Gap> gap = Optional.empty();
        if (last != null) {
            int order = bar.openTime().compareTo(last.openTime());
            if (order == 0) {
                throw new RowRejectedException(RejectReason.DUPLICATE, duplicateDetail(bar));
            }
            if (order < 0) {
                throw new RowRejectedException(RejectReason.OUT_OF_ORDER, "open time " + bar.openTime()
                        + " is earlier than " + last.openTime() + " of the last accepted bar (line " + lastLine + ")");
            }
            gap = gapBefore(bar.openTime());
        }
        last = bar;
        lastLine = line;
        return gap;
    }

    private Optional<Gap> gapBefore(Instant openTime) {
        Instant expected = last.openTime().plus(timeframe.duration());
        if (!openTime.isAfter(expected)) {
            return Optional.empty();
        }
        // Both times are aligned (checked before), so the division is exact.
        long missing = Duration.between(expected, openTime).toMillis() / timeframe.millis();
        return Optional.of(new Gap(instrument, expected, openTime, missing));
    }

    /** Says whether the repeat is harmless (identical) or a conflict, and what differs: the first bar is kept. */
    private String duplicateDetail(Bar bar) {
        String where = "open time " + bar.openTime() + " repeats line " + lastLine;
        List<String> differences = new ArrayList<>();
        compare("open", last.open(), bar.open(), differences);
        compare("high", last.high(), bar.high(), differences);
        compare("low", last.low(), bar.low(), differences);
        compare("close", last.close(), bar.close(), differences);
        compare("volume", last.volume(), bar.volume(), differences);
        if (differences.isEmpty()) {
            return "identical duplicate: " + where;
        }
        return "conflicting duplicate: " + where + " with different values, the first is kept: " + String.join(", ", differences);
    }

    private static void compare(String name, Object kept, Object repeated, List<String> differences) {
        if (!kept.equals(repeated)) {
            differences.add(name + " " + kept + " vs " + repeated);
        }
    }
}

package dev.trader.engine.instrument;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import dev.trader.engine.CborSerializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an instrument entity knows. {@code watermark} is the open time of the newest accepted
 * bar (null before the first). {@code rejectedThroughLine} holds, per input source, the last
 * line whose rejection was counted: one number per file, so the state (and its snapshot) stays
 * small however many bad rows a file has, and a replay of the file counts none twice.
 */
public record InstrumentState(String instrument, Instant watermark, Price lastClose, long barsAccepted,
                              Map<String, Long> rejectionsByReason, List<Bar> recentBars, Map<String, Long> rejectedThroughLine)
        implements CborSerializable {
    static final int RECENT_BARS = 60;

    public static InstrumentState empty(String instrument) {
        return new InstrumentState(instrument, null, null, 0, Map.of(), List.of(), Map.of());
    }

    boolean isDuplicate(Bar bar) {
        return watermark != null && !bar.openTime().isAfter(watermark);
    }

    boolean hasRejection(String source, long line) {
        return line <= rejectedThroughLine.getOrDefault(source, 0L);
    }

    InstrumentState accept(Bar bar) {
        List<Bar> bars = new ArrayList<>(recentBars);
        bars.add(bar);
        if (bars.size() > RECENT_BARS) {
            bars.remove(0);
        }
        return new InstrumentState(instrument, bar.openTime(), bar.close(), barsAccepted + 1, rejectionsByReason,
                List.copyOf(bars), rejectedThroughLine);
    }

    InstrumentState reject(String source, long line, String reason) {
        Map<String, Long> counts = new TreeMap<>(rejectionsByReason);
        counts.merge(reason, 1L, Long::sum);
        Map<String, Long> through = new TreeMap<>(rejectedThroughLine);
        through.merge(source, line, Math::max);
        return new InstrumentState(instrument, watermark, lastClose, barsAccepted, Map.copyOf(counts), recentBars, Map.copyOf(through));
    }

    public long rejectedTotal() {
        return rejectionsByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}

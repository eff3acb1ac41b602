package dev.trader.engine.instrument;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import dev.trader.engine.CborSerializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an instrument entity knows. {@code watermark} is the open time of the newest accepted
 * bar (null before the first). Recent bars and rejection keys are bounded so the state (and
 * its snapshot) stays small however long the instrument trades.
 */
public record InstrumentState(String instrument, Instant watermark, Price lastClose, long barsAccepted,
                              Map<String, Long> rejectionsByReason, List<Bar> recentBars, List<String> recentRejectionKeys)
        implements CborSerializable {
    static final int RECENT_BARS = 60;
    static final int RECENT_REJECTION_KEYS = 2_000;

    public static InstrumentState empty(String instrument) {
        return new InstrumentState(instrument, null, null, 0, Map.of(), List.of(), List.of());
    }

    boolean isDuplicate(Bar bar) {
        return watermark != null && !bar.openTime().isAfter(watermark);
    }

    boolean hasRejection(String key) {
        return recentRejectionKeys.contains(key);
    }

    InstrumentState accept(Bar bar) {
        List<Bar> bars = new ArrayList<>(recentBars);
        bars.add(bar);
        if (bars.size() > RECENT_BARS) {
            bars.remove(0);
        }
        return new InstrumentState(instrument, bar.openTime(), bar.close(), barsAccepted + 1, rejectionsByReason,
                List.copyOf(bars), recentRejectionKeys);
    }

    InstrumentState reject(String key, String reason) {
        Map<String, Long> counts = new TreeMap<>(rejectionsByReason);
        counts.merge(reason, 1L, Long::sum);
        LinkedHashSet<String> keys = new LinkedHashSet<>(recentRejectionKeys);
        keys.add(key);
        List<String> bounded = new ArrayList<>(keys);
        while (bounded.size() > RECENT_REJECTION_KEYS) {
            bounded.remove(0);
        }
        return new InstrumentState(instrument, watermark, lastClose, barsAccepted, Map.copyOf(counts), recentBars, List.copyOf(bounded));
    }

    public long rejectedTotal() {
        return rejectionsByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}

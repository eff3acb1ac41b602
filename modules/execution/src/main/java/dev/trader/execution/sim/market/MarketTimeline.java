package dev.trader.execution.sim.market;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The replayed candles of every symbol, merged by open time: the distinct open times in order,
 * and per time the bars of the symbols that have one (a symbol with a gap simply has no bar
 * then). Immutable; where the replay stands is the {@link MarketClock}'s business.
 */
public final class MarketTimeline {
    private final Map<String, List<SimBar>> bySymbol;
    private final Map<String, long[]> openTimes;
    private final long[] times;

    public MarketTimeline(Map<String, List<SimBar>> bars) {
        Map<String, List<SimBar>> copy = new LinkedHashMap<>();
        Map<String, long[]> opens = new LinkedHashMap<>();
        TreeSet<Long> all = new TreeSet<>();
        bars.forEach((symbol, list) -> {
            List<SimBar> sorted = new ArrayList<>(list);
            sorted.sort((a, b) -> Long.compare(a.openTime(), b.openTime()));
            long[] t = sorted.stream().mapToLong(SimBar::openTime).toArray();
            for (int i = 1; i < t.length; i++) {
                if (t[i] == t[i - 1]) {
                    throw new IllegalArgumentException(symbol + ": two bars open at " + t[i]);
                }
            }
            for (SimBar b : sorted) {
                if (!b.symbol().equals(symbol)) {
                    throw new IllegalArgumentException("a bar of " + b.symbol() + " was given as one of " + symbol);
                }
                all.add(b.openTime());
            }
            copy.put(symbol, Collections.unmodifiableList(sorted));
            opens.put(symbol, t);
        });
        this.bySymbol = Collections.unmodifiableMap(copy);
        this.openTimes = opens;
        this.times = all.stream().mapToLong(Long::longValue).toArray();
    }

    /** Number of distinct open times (steps of the replay). */
    public int length() {
        return times.length;
    }

    public long openTime(int step) {
        return times[step];
    }

    /** The first open time of the replay, if it has any bar. */
    public Optional<Long> start() {
        return times.length == 0 ? Optional.empty() : Optional.of(times[0]);
    }

    /** The bars opening at {@code openTime}, in the symbols' configured order. */
    public List<SimBar> barsAt(long openTime) {
        List<SimBar> out = new ArrayList<>();
        bySymbol.forEach((symbol, list) -> {
            int i = Arrays.binarySearch(openTimes.get(symbol), openTime);
            if (i >= 0) {
                out.add(list.get(i));
            }
        });
        return out;
    }

    /** The bars of {@code symbol} that closed before {@code marketTime} (open time + 1m ≤ market time), oldest first. */
    public List<SimBar> closedBars(String symbol, long marketTime) {
        long[] t = openTimes.get(symbol);
        if (t == null) {
            return List.of();
        }
        int i = Arrays.binarySearch(t, marketTime - SimBar.INTERVAL_MS);
        int end = i >= 0 ? i + 1 : -i - 1;
        return bySymbol.get(symbol).subList(0, end);
    }

    /** The first bar of {@code symbol}: where its market stands before any bar has closed. */
    public Optional<SimBar> firstBar(String symbol) {
        List<SimBar> list = bySymbol.get(symbol);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }
}

package dev.trader.marketdata.binance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * When each symbol last had a frame, on the monotonic clock (nanoseconds), and which symbols are
 * stale. Used from the feed's thread only.
 */
final class StaleWatch {
    private final Map<String, Long> lastFrame = new HashMap<>();
    private final Set<String> stale = new TreeSet<>();

    StaleWatch(List<String> symbols, long now) {
        symbols.forEach(s -> lastFrame.put(s, now));
    }

    /** Records a frame; true when the symbol was stale until now. */
    boolean frame(String symbol, long now) {
        lastFrame.put(symbol, now);
        return stale.remove(symbol);
    }

    /** Starts every symbol's silence afresh (a new connection), keeping the stale marks until frames come. */
    void restart(long now) {
        lastFrame.replaceAll((s, t) -> now);
    }

    /**
     * Moves every symbol's last frame forward by {@code nanos}: time the feed itself spent waiting
     * on a slow subscriber, when it was not reading frames, is not the venue's silence.
     */
    void excuse(long nanos) {
        lastFrame.replaceAll((s, t) -> t + nanos);
    }

    /** Symbols silent for more than {@code limit} that were not stale yet; they are stale from now on. */
    List<String> newlyStale(long now, long limit) {
        return lastFrame.entrySet().stream()
                .filter(e -> now - e.getValue() > limit && stale.add(e.getKey()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    long silence(String symbol, long now) {
        return now - lastFrame.get(symbol);
    }

    /** The symbol silent the longest, and how long. */
    Map.Entry<String, Long> longestSilence(long now) {
        String symbol = null;
        long longest = Long.MIN_VALUE;
        for (Map.Entry<String, Long> e : lastFrame.entrySet()) {
            if (now - e.getValue() > longest) {
                longest = now - e.getValue();
                symbol = e.getKey();
            }
        }
        return Map.entry(symbol, longest);
    }

    Set<String> stale() {
        return Set.copyOf(stale);
    }
}

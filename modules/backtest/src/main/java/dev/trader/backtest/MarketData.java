package dev.trader.backtest;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bars of one or more instruments, in memory, merged into the one timeline a backtest walks:
 * by open time, and bars of the same open time by instrument id ({@code venue:SYMBOL}, as text).
 * Built once and reused by any number of runs (the benchmark runs the same data repeatedly).
 * All bars share one timeframe, the base the strategies run on.
 */
public final class MarketData {
    private final List<InstrumentId> instruments;
    private final Timeframe timeframe;
    private final Bar[] bars;
    private final int[] instrumentIndex;
    private final long[] openMillis;
    private final int[] counts;
    private final int timestamps;

    private MarketData(List<InstrumentId> instruments, Timeframe timeframe, Bar[] bars, int[] instrumentIndex, long[] openMillis, int[] counts) {
        this.instruments = instruments;
        this.timeframe = timeframe;
        this.bars = bars;
        this.instrumentIndex = instrumentIndex;
        this.openMillis = openMillis;
        this.counts = counts;
        int distinct = 0;
        for (int i = 0; i < openMillis.length; i++) {
            if (i == 0 || openMillis[i] != openMillis[i - 1]) {
                distinct++;
            }
        }
        this.timestamps = distinct;
    }

    /**
     * Merges bars given in any order and grouping. Per instrument, open times must be distinct
     * (two files of one instrument may follow each other but not overlap).
     *
     * @throws IllegalArgumentException on no bars, mixed timeframes or a repeated open time
     */
    public static MarketData of(Collection<Bar> all) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no bars to backtest");
        }
        Map<String, List<Bar>> byInstrument = new TreeMap<>();
        Timeframe timeframe = null;
        for (Bar b : all) {
            if (timeframe == null) {
                timeframe = b.timeframe();
            } else if (b.timeframe() != timeframe) {
                throw new IllegalArgumentException("bars of one backtest share one timeframe, but there are " + timeframe.label()
                        + " and " + b.timeframe().label() + " bars (" + b.instrument() + ")");
            }
            byInstrument.computeIfAbsent(b.instrument().value(), k -> new ArrayList<>()).add(b);
        }
        List<InstrumentId> instruments = new ArrayList<>(byInstrument.size());
        List<List<Bar>> series = new ArrayList<>(byInstrument.size());
        for (List<Bar> list : byInstrument.values()) {
            list.sort(Comparator.comparing(Bar::openTime));
            for (int i = 1; i < list.size(); i++) {
                if (!list.get(i - 1).openTime().isBefore(list.get(i).openTime())) {
                    throw new IllegalArgumentException("two bars of " + list.get(i).instrument() + " open at " + list.get(i).openTime()
                            + ": the data of one instrument must not overlap");
                }
            }
            instruments.add(list.get(0).instrument());
            series.add(list);
        }
        int k = series.size();
        Bar[] bars = new Bar[all.size()];
        int[] index = new int[bars.length];
        long[] millis = new long[bars.length];
        int[] counts = new int[k];
        int[] next = new int[k];
        for (int out = 0; out < bars.length; out++) {
            int best = -1;
            long bestTime = Long.MAX_VALUE;
            for (int s = 0; s < k; s++) {
                if (next[s] < series.get(s).size()) {
                    long t = series.get(s).get(next[s]).openTime().toEpochMilli();
                    if (t < bestTime) { // strict: on a tie the lower instrument id (earlier series) wins
                        bestTime = t;
                        best = s;
                    }
                }
            }
            bars[out] = series.get(best).get(next[best]++);
            index[out] = best;
            millis[out] = bestTime;
            counts[best]++;
        }
        return new MarketData(List.copyOf(instruments), timeframe, bars, index, millis, counts);
    }

    /** The instruments, sorted by id; {@link #instrumentIndex} points into this list. */
    public List<InstrumentId> instruments() {
        return instruments;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    /** Bars over all instruments. */
    public int size() {
        return bars.length;
    }

    /** The {@code i}-th bar of the merged timeline. */
    public Bar bar(int i) {
        return bars[i];
    }

    /** The instrument of the {@code i}-th bar, as an index into {@link #instruments()}. */
    public int instrumentIndex(int i) {
        return instrumentIndex[i];
    }

    /** The open time of the {@code i}-th bar in epoch milliseconds. */
    public long openMillis(int i) {
        return openMillis[i];
    }

    /** How many distinct open times the timeline has (the points of an equity curve). */
    public int timestampCount() {
        return timestamps;
    }

    /** How many bars the instrument at {@code index} has. */
    public int barCount(int index) {
        return counts[index];
    }

    /** The merged timeline as a list (a copy). */
    public List<Bar> bars() {
        return List.of(bars);
    }
}

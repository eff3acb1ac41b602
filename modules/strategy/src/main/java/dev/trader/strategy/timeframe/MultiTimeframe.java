package dev.trader.strategy.timeframe;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.strategy.state.StateObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The multi-timeframe view of one instrument that a strategy is shown: every base bar (1m),
 * plus each higher-timeframe bar once, and only once, it has closed. Each higher timeframe has
 * its own {@link BarResampler} fed straight from the base bars, and each timeframe (the base
 * included) keeps its last {@code historySize} closed bars for {@link #lastClosed}.
 *
 * <p>No look-ahead: at any moment, everything reachable from here was complete by the close
 * of the last base bar fed. The 10:00 1h bar appears when the 10:59 1m bar is fed, not before.
 *
 * <p>{@link #onBaseBar} returns the bars in close-time order, and among bars that close at the
 * same instant in ascending timeframe order. Normally that is the base bar followed by every
 * higher-timeframe bar that closed with it. After a gap, a bucket that closed late (see
 * {@link BarResampler}) and any carried-forward bars closed <em>before</em> the base bar that
 * revealed them, so they come first: a strategy sees the same order it would have seen had
 * those bars closed on time.
 */
public final class MultiTimeframe extends StateObject {
    private static final Comparator<ResampledBar> CLOSE_ORDER = Comparator
            .comparing((ResampledBar r) -> r.bar().closeTime())
            .thenComparing(r -> r.bar().timeframe());

    private InstrumentId instrument;
    private Timeframe base;
    /** The base first, then the higher timeframes ascending; index i of histories belongs to timeframes[i]. */
    private Timeframe[] timeframes;
    /** resamplers[i] builds timeframes[i + 1]. */
    private BarResampler[] resamplers;
    private BarHistory[] histories;
    private long lastBaseOpenMs = BarResampler.NONE;

    private MultiTimeframe() {
    }

    /** Leaves empty buckets out ({@link GapPolicy#SKIP}). */
    public MultiTimeframe(InstrumentId instrument, Timeframe base, Set<Timeframe> higher, int historySize) {
        this(instrument, base, higher, historySize, GapPolicy.SKIP);
    }

    /**
     * @param higher the timeframes to build; each a whole multiple of {@code base}. The base
     *        itself may be in the set (a strategy's {@code timeframes()} usually holds it) and
     *        is then just the base.
     * @param historySize how many closed bars to keep per timeframe
     */
    public MultiTimeframe(InstrumentId instrument, Timeframe base, Set<Timeframe> higher, int historySize, GapPolicy gapPolicy) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.base = Objects.requireNonNull(base, "base");
        Objects.requireNonNull(gapPolicy, "gapPolicy");
        TreeSet<Timeframe> all = new TreeSet<>(Comparator.comparingLong(Timeframe::millis));
        all.add(base);
        for (Timeframe t : Objects.requireNonNull(higher, "higher")) {
            BarResampler.requireMultiple(base, Objects.requireNonNull(t, "timeframe"));
            all.add(t);
        }
        this.timeframes = all.toArray(new Timeframe[0]);
        this.resamplers = new BarResampler[timeframes.length - 1];
        for (int i = 1; i < timeframes.length; i++) {
            resamplers[i - 1] = new BarResampler(instrument, base, timeframes[i], gapPolicy);
        }
        this.histories = new BarHistory[timeframes.length];
        for (int i = 0; i < timeframes.length; i++) {
            histories[i] = new BarHistory(historySize);
        }
    }

    /**
     * Feeds one base bar; returns it together with every higher-timeframe bar that closed with
     * it, in the order described in the class comment.
     *
     * @throws IllegalArgumentException naming the bar if it is of another instrument or
     *         timeframe or out of order; nothing is changed then
     */
    public List<Bar> onBaseBar(Bar bar) {
        List<ResampledBar> detailed = onBaseBarDetailed(bar);
        List<Bar> out = new ArrayList<>(detailed.size());
        for (ResampledBar r : detailed) {
            out.add(r.bar());
        }
        return out;
    }

    /** As {@link #onBaseBar}, with each bar's provenance (the base bar as one traded bar). */
    public List<ResampledBar> onBaseBarDetailed(Bar bar) {
        // checked here, before any resampler changes, so that a rejected bar changes nothing
        BarResampler.check(bar, instrument, base, lastBaseOpenMs);
        lastBaseOpenMs = bar.openTime().toEpochMilli();
        List<ResampledBar> out = new ArrayList<>(2);
        out.add(new ResampledBar(bar, false, 1));
        for (BarResampler r : resamplers) {
            out.addAll(r.onBaseBar(bar));
        }
        if (out.size() > 1) {
            out.sort(CLOSE_ORDER);
        }
        for (ResampledBar r : out) {
            histories[index(r.bar().timeframe())].add(r);
        }
        return out;
    }

    /** The latest closed bar of {@code timeframe}; empty before the first one closed. */
    public Optional<Bar> lastClosed(Timeframe timeframe) {
        return closed(timeframe, 0);
    }

    /** The closed bar {@code ago} bars back (0 is the latest); empty beyond the history kept. */
    public Optional<Bar> closed(Timeframe timeframe, int ago) {
        return histories[index(timeframe)].get(ago).map(ResampledBar::bar);
    }

    /** The kept closed bars of {@code timeframe} with their provenance, oldest first. */
    public List<ResampledBar> history(Timeframe timeframe) {
        return histories[index(timeframe)].toList();
    }

    /** The base and the higher timeframes, ascending. */
    public List<Timeframe> timeframes() {
        return List.of(timeframes);
    }

    public InstrumentId instrument() {
        return instrument;
    }

    public Timeframe base() {
        return base;
    }

    private int index(Timeframe timeframe) {
        for (int i = 0; i < timeframes.length; i++) {
            if (timeframes[i] == timeframe) {
                return i;
            }
        }
        throw new IllegalArgumentException("timeframe " + timeframe.label() + " is not kept here; kept: " + timeframes());
    }
}

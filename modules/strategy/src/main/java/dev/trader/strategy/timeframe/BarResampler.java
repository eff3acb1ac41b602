package dev.trader.strategy.timeframe;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.strategy.state.StateObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the bars of a higher timeframe from a stream of base bars (usually 1m) of one
 * instrument, in buckets aligned to UTC boundaries ({@link Timeframe#alignedOpen}). Open, high,
 * low, close and volume are aggregated with {@link Price} and {@link Quantity} arithmetic, so a
 * resampled bar equals the exchange's own kline of that timeframe to the last digit.
 *
 * <h2>When a bar is emitted</h2>
 * A bucket is completed by the base bar whose close time equals the bucket's end (the 10:59 1m
 * bar closes the 10:00 1h bar). If a gap ate that bar, the bucket is completed by the first
 * base bar that arrives in a later bucket, before that bar is aggregated: the bucket closes
 * <em>late, never early</em>. It cannot close early because the resampler cannot tell a gap from
 * a bar that is still to come until a later bar proves it. A bucket that is still open when the
 * stream stops is never emitted: it has not closed.
 *
 * <p>So one base bar can complete more than one bar: the late bucket and then its own bucket
 * (under {@link GapPolicy#SKIP}), plus the flat bars of empty buckets in between (under
 * {@link GapPolicy#CARRY_FORWARD}). That is why {@link #onBaseBar} returns a list, in ascending
 * open time, rather than an optional bar. It is empty for most base bars, and one element long
 * whenever there is no gap.
 *
 * <p>The first bucket may be partial when the stream starts inside it: it produces a bar of the
 * base bars it has ({@link ResampledBar#baseBarsInBucket()} says how many).
 *
 * <p>Cost: O(1) per base bar, plus one bar per empty bucket filled under
 * {@link GapPolicy#CARRY_FORWARD}. The state is a handful of values, snapshot-able like any
 * {@link StateObject}.
 */
public final class BarResampler extends StateObject {
    /** Marks "none yet" in the time fields; no real bar opens at the smallest long. */
    static final long NONE = Long.MIN_VALUE;

    private InstrumentId instrument;
    private Timeframe base;
    private Timeframe target;
    private GapPolicy gapPolicy;

    /** Open time (epoch ms) of the last accepted base bar: the ordering guard. */
    private long lastBaseOpenMs = NONE;
    /** Open time of the bucket being aggregated, or NONE between a bucket's close and the next base bar. */
    private long bucketOpenMs = NONE;
    private Price open;
    private Price high;
    private Price low;
    private Price close;
    private Quantity volume;
    private int baseBarsInBucket;
    /** Open time and close of the last bar emitted: where CARRY_FORWARD fills from, and at what price. */
    private long lastEmittedOpenMs = NONE;
    private Price lastEmittedClose;

    private BarResampler() {
    }

    /** A resampler that leaves empty buckets out ({@link GapPolicy#SKIP}). */
    public BarResampler(InstrumentId instrument, Timeframe base, Timeframe target) {
        this(instrument, base, target, GapPolicy.SKIP);
    }

    public BarResampler(InstrumentId instrument, Timeframe base, Timeframe target, GapPolicy gapPolicy) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.base = Objects.requireNonNull(base, "base");
        this.target = Objects.requireNonNull(target, "target");
        this.gapPolicy = Objects.requireNonNull(gapPolicy, "gapPolicy");
        requireMultiple(base, target);
    }

    /** Fails unless {@code target} is a whole multiple (1, 5, 60, ...) of {@code base}. */
    static void requireMultiple(Timeframe base, Timeframe target) {
        if (target.millis() < base.millis() || target.millis() % base.millis() != 0) {
            throw new IllegalArgumentException("cannot resample " + base.label() + " bars to " + target.label()
                    + ": the target timeframe must be a whole multiple of the base timeframe");
        }
    }

    /**
     * Aggregates one base bar and returns the target bars that closed with it (see the class
     * comment), oldest first; usually none.
     *
     * @throws IllegalArgumentException naming the bar if it is of another instrument or
     *         timeframe, or does not open after the previous base bar (out of order or a
     *         duplicate); the state is then unchanged
     */
    public List<ResampledBar> onBaseBar(Bar bar) {
        check(bar, instrument, base, lastBaseOpenMs);
        long barOpenMs = bar.openTime().toEpochMilli();
        long bucket = Math.floorDiv(barOpenMs, target.millis()) * target.millis();
        List<ResampledBar> out = List.of();
        if (bucketOpenMs != NONE && bucketOpenMs != bucket) {
            // the open bucket's last base bars never came: it closes now, late
            out = new ArrayList<>(2);
            out.add(completeBucket());
        }
        if (gapPolicy == GapPolicy.CARRY_FORWARD && lastEmittedOpenMs != NONE) {
            for (long t = lastEmittedOpenMs + target.millis(); t < bucket; t += target.millis()) {
                if (out.isEmpty()) {
                    out = new ArrayList<>();
                }
                out.add(carryForward(t));
            }
        }
        aggregate(bucket, bar);
        lastBaseOpenMs = barOpenMs;
        if (bar.closeTime().toEpochMilli() == bucket + target.millis()) {
            ResampledBar completed = completeBucket();
            if (out.isEmpty()) {
                return List.of(completed);
            }
            out.add(completed);
        }
        return out;
    }

    /** The checks of {@link #onBaseBar}, shared with {@link MultiTimeframe} so both reject the same bars before changing anything. */
    static void check(Bar bar, InstrumentId instrument, Timeframe base, long lastBaseOpenMs) {
        Objects.requireNonNull(bar, "bar");
        if (!bar.instrument().equals(instrument)) {
            throw new IllegalArgumentException("rejected base bar " + describe(bar) + ": this resampler is for " + instrument);
        }
        if (bar.timeframe() != base) {
            throw new IllegalArgumentException("rejected base bar " + describe(bar) + ": this resampler takes " + base.label() + " bars");
        }
        if (lastBaseOpenMs != NONE && bar.openTime().toEpochMilli() <= lastBaseOpenMs) {
            throw new IllegalArgumentException("rejected base bar " + describe(bar) + ": out of order, it does not open after the previous base bar at "
                    + Instant.ofEpochMilli(lastBaseOpenMs));
        }
    }

    static String describe(Bar bar) {
        return bar.instrument() + " " + bar.timeframe().label() + " " + bar.openTime();
    }

    private void aggregate(long bucket, Bar bar) {
        if (bucketOpenMs == NONE) {
            bucketOpenMs = bucket;
            open = bar.open();
            high = bar.high();
            low = bar.low();
            volume = bar.volume();
            baseBarsInBucket = 1;
        } else {
            high = high.max(bar.high());
            low = low.min(bar.low());
            volume = volume.plus(bar.volume());
            baseBarsInBucket++;
        }
        close = bar.close();
    }

    private ResampledBar completeBucket() {
        Bar bar = new Bar(instrument, target, Instant.ofEpochMilli(bucketOpenMs), open, high, low, close, volume);
        ResampledBar done = new ResampledBar(bar, false, baseBarsInBucket);
        lastEmittedOpenMs = bucketOpenMs;
        lastEmittedClose = close;
        bucketOpenMs = NONE;
        open = null;
        high = null;
        low = null;
        close = null;
        volume = null;
        baseBarsInBucket = 0;
        return done;
    }

    private ResampledBar carryForward(long openMs) {
        Price p = lastEmittedClose;
        lastEmittedOpenMs = openMs;
        return new ResampledBar(new Bar(instrument, target, Instant.ofEpochMilli(openMs), p, p, p, p, Quantity.ZERO), true, 0);
    }

    public InstrumentId instrument() {
        return instrument;
    }

    public Timeframe base() {
        return base;
    }

    public Timeframe target() {
        return target;
    }

    public GapPolicy gapPolicy() {
        return gapPolicy;
    }

    /** How many base bars a complete bucket holds (60 for 1m to 1h). */
    public int baseBarsPerBucket() {
        return (int) (target.millis() / base.millis());
    }

    /** How many base bars the bucket still open holds; 0 when none is open. */
    public int openBucketBaseBars() {
        return baseBarsInBucket;
    }
}

package dev.trader.strategy.structure;

import dev.trader.strategy.indicator.Atr;
import dev.trader.strategy.state.StateObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Support/resistance levels: confirmed swing prices clustered within a tolerance, each with a
 * confidence score in [0, 1]; at most {@code maxLevels} are kept.
 *
 * <p><b>Clustering.</b> Swings come from an embedded {@link SwingDetector} (highs and lows
 * alike: a level can be resistance one day and support the next). A swing confirmed by bar
 * {@code n} joins the level whose price (the mean of its swing prices) is nearest to the
 * swing's price, if that distance is at most {@code tolerance.at(swingPrice, atr)} (inclusive);
 * ties go to the level with more touches, then the one touched more recently. Otherwise it
 * starts a new level; when {@code maxLevels} are already kept, the level with the lowest score
 * at bar {@code n} (ties: the one touched least recently) is dropped first. Levels are never
 * merged with each other. Swings confirmed before the ATR ({@code atrPeriod}, Wilder) is ready
 * are ignored, since both the rejection strength and an ATR tolerance need it. All inputs are
 * values known at bar {@code n}'s close: no look-ahead.
 *
 * <p><b>Rejection strength</b> of one swing, in [0, 1]: how far price retreated from the pivot
 * during its {@code right} confirmation bars, in units of {@code rejectionAtrs} ATRs at the
 * confirming bar:
 * <pre>
 *   swing high: min(1, (price - lowest low of bars c+1..c+right)   / (rejectionAtrs * ATR))
 *   swing low:  min(1, (highest high of bars c+1..c+right - price) / (rejectionAtrs * ATR))
 * </pre>
 * (with ATR 0: 1 if price moved away at all, else 0).
 *
 * <p><b>Score</b> of a level read at bar {@code t} (the latest bar fed):
 * <pre>
 *   touchScore     = 1 - 1 / touches                          (1 touch: 0, 2: 0.5, 3: 0.67, ...)
 *   recencyScore   = 0.5 ^ ((t - lastTouchIndex) / halfLifeBars) (halves every halfLifeBars bars
 *                                                               since the latest swing's pivot bar)
 *   rejectionScore = mean rejection strength of its touches
 *   score = 0.4 * touchScore + 0.3 * recencyScore + 0.3 * rejectionScore
 * </pre>
 * Each part is in [0, 1] and the weights sum to 1, so the score is in [0, 1].
 *
 * <p>Cost: O(maxLevels) on a bar that confirms a swing, O(1) otherwise.
 */
public final class SupportResistanceLevels extends StateObject implements StructureDetector<PriceLevel> {
    static final double TOUCH_WEIGHT = 0.4;
    static final double RECENCY_WEIGHT = 0.3;
    static final double REJECTION_WEIGHT = 0.3;

    private SwingDetector swings;
    private Atr atr;
    private Tolerance tolerance;
    private int maxLevels;
    private double rejectionAtrs;
    private double halfLifeBars;
    private int levelCount;
    private double[] priceSums;
    private double[] lowests;
    private double[] highests;
    private int[] touches;
    private int[] highTouches;
    private long[] firstTouches;
    private long[] lastTouches;
    private double[] rejectionSums;

    private SupportResistanceLevels() {
    }

    /** ATR period 14, full rejection at a 2-ATR retreat, recency half-life 100 bars. */
    public SupportResistanceLevels(int left, int right, Tolerance tolerance, int maxLevels) {
        this(left, right, tolerance, maxLevels, 14, 2.0, 100.0);
    }

    /**
     * @param tolerance     how close a swing must be to a level to join it (reference price: the swing's)
     * @param maxLevels     how many levels are kept
     * @param atrPeriod     Wilder ATR period for the rejection strength and an ATR tolerance
     * @param rejectionAtrs the retreat, in ATRs, that counts as full rejection strength (&gt; 0)
     * @param halfLifeBars  bars after which the recency score halves (&gt; 0)
     */
    public SupportResistanceLevels(int left, int right, Tolerance tolerance, int maxLevels, int atrPeriod,
                                   double rejectionAtrs, double halfLifeBars) {
        if (tolerance == null) {
            throw new IllegalArgumentException("tolerance is required");
        }
        if (!(rejectionAtrs > 0) || Double.isInfinite(rejectionAtrs)) {
            throw new IllegalArgumentException("rejection ATRs must be positive but was " + rejectionAtrs);
        }
        if (!(halfLifeBars > 0) || Double.isInfinite(halfLifeBars)) {
            throw new IllegalArgumentException("half-life must be positive but was " + halfLifeBars);
        }
        this.swings = new SwingDetector(left, right);
        this.atr = new Atr(atrPeriod);
        this.tolerance = tolerance;
        this.maxLevels = BarInput.positive(maxLevels, "max levels");
        this.rejectionAtrs = rejectionAtrs;
        this.halfLifeBars = halfLifeBars;
        this.priceSums = new double[maxLevels];
        this.lowests = new double[maxLevels];
        this.highests = new double[maxLevels];
        this.touches = new int[maxLevels];
        this.highTouches = new int[maxLevels];
        this.firstTouches = new long[maxLevels];
        this.lastTouches = new long[maxLevels];
        this.rejectionSums = new double[maxLevels];
    }

    /**
     * @return the levels that the swings confirmed by this bar joined or created, as they are
     *         after it (one per swing; usually none)
     */
    @Override
    public List<PriceLevel> update(long timeMs, double open, double high, double low, double close) {
        BarInput.check(open, high, low, close);
        atr.update(open, high, low, close, 0);
        List<Swing> confirmed = swings.update(timeMs, open, high, low, close);
        if (confirmed.isEmpty() || !atr.isReady()) {
            return List.of();
        }
        long now = swings.barCount() - 1;
        double a = atr.value();
        List<PriceLevel> out = new ArrayList<>(2);
        for (Swing s : confirmed) {
            double retreat = s.isHigh() ? s.price() - swings.rightWindowLow() : swings.rightWindowHigh() - s.price();
            double rejection = a > 0 ? Math.min(1.0, retreat / (rejectionAtrs * a)) : retreat > 0 ? 1.0 : 0.0;
            int i = nearest(s.price(), tolerance.at(s.price(), a));
            if (i < 0) {
                i = levelCount < maxLevels ? levelCount++ : weakest(now);
                priceSums[i] = 0;
                lowests[i] = s.price();
                highests[i] = s.price();
                touches[i] = 0;
                highTouches[i] = 0;
                firstTouches[i] = s.barIndex();
                rejectionSums[i] = 0;
            }
            priceSums[i] += s.price();
            lowests[i] = Math.min(lowests[i], s.price());
            highests[i] = Math.max(highests[i], s.price());
            touches[i]++;
            if (s.isHigh()) {
                highTouches[i]++;
            }
            lastTouches[i] = s.barIndex();
            rejectionSums[i] += rejection;
            out.add(level(i, now));
        }
        return out;
    }

    private int nearest(double price, double tol) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < levelCount; i++) {
            double d = Math.abs(priceSums[i] / touches[i] - price);
            if (!(d <= tol)) {
                continue;
            }
            if (best < 0 || d < bestDistance
                    || d == bestDistance && (touches[i] > touches[best]
                    || touches[i] == touches[best] && lastTouches[i] > lastTouches[best])) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    private int weakest(long now) {
        int worst = 0;
        double worstScore = score(0, now);
        for (int i = 1; i < levelCount; i++) {
            double s = score(i, now);
            if (s < worstScore || s == worstScore && lastTouches[i] < lastTouches[worst]) {
                worst = i;
                worstScore = s;
            }
        }
        return worst;
    }

    private double score(int i, long now) {
        double touchScore = 1.0 - 1.0 / touches[i];
        double recency = Math.pow(0.5, (now - lastTouches[i]) / halfLifeBars);
        double rejection = rejectionSums[i] / touches[i];
        return Math.min(1.0, TOUCH_WEIGHT * touchScore + RECENCY_WEIGHT * recency + REJECTION_WEIGHT * rejection);
    }

    private PriceLevel level(int i, long now) {
        return new PriceLevel(priceSums[i] / touches[i], lowests[i], highests[i], touches[i], highTouches[i],
                touches[i] - highTouches[i], firstTouches[i], lastTouches[i], rejectionSums[i] / touches[i], score(i, now));
    }

    /** The kept levels, scored at the latest bar, by ascending price. */
    public List<PriceLevel> levels() {
        long now = swings.barCount() - 1;
        List<PriceLevel> out = new ArrayList<>(levelCount);
        for (int i = 0; i < levelCount; i++) {
            out.add(level(i, now));
        }
        out.sort(Comparator.comparingDouble(PriceLevel::price).thenComparingLong(PriceLevel::firstTouchIndex));
        return out;
    }

    /** The highest level strictly below {@code price}. */
    public Optional<PriceLevel> nearestSupport(double price) {
        PriceLevel best = null;
        for (PriceLevel l : levels()) {
            if (l.price() < price) {
                best = l;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The lowest level strictly above {@code price}. */
    public Optional<PriceLevel> nearestResistance(double price) {
        for (PriceLevel l : levels()) {
            if (l.price() > price) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The embedded swing detector, to read only. */
    public SwingDetector swings() {
        return swings;
    }

    /** The ATR used for rejection strength and tolerance, to read only. */
    public Atr atr() {
        return atr;
    }

    public int maxLevels() {
        return maxLevels;
    }

    @Override
    public long barCount() {
        return swings.barCount();
    }
}

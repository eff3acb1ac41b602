package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Average directional index with the directional indicators +DI and −DI, as TA-Lib's
 * {@code ADX}, {@code PLUS_DI} and {@code MINUS_DI} (Wilder, without his integer rounding).
 *
 * <p>Per bar from the second: +DM = high − previous high and −DM = previous low − low, of which
 * only the larger counts, and only if positive (a tie counts for neither); TR is the true range.
 *
 * <p>Seeding, exactly as TA-Lib does it (and not as Wilder's book): bars 2…{@code period} only
 * sum +DM, −DM and TR — that is {@code period − 1} terms, not {@code period}. From bar
 * {@code period + 1} on each of the three is smoothed as {@code s = s − s/period + x}, so the
 * first smoothing step already applies to that short sum. ±DI = 100·DM/TR therefore first
 * exists on bar {@code period + 1} (+DI/−DI(14) at the 15th bar; 0 when TR is within 1e-8 of
 * zero, as TA-Lib's {@code PLUS_DI}). DX = 100·|−DI − +DI| / (−DI + +DI); the first ADX is the
 * plain mean of the first {@code period} DX values (bars {@code period + 1} … {@code 2·period}),
 * so it comes with bar {@code 2·period} ({@link #warmUp()}; ADX(14) at the 28th bar), and later
 * ADX = (ADX·(period−1) + DX) / period. As in TA-Lib, a bar whose TR or DI sum is within 1e-8 of
 * zero adds nothing to the DX sum and leaves ADX unchanged. NaN before each output's first bar.
 * O(1) per update.
 */
public final class Adx extends StateObject implements BarIndicator {
    private int period;
    /** Bars seen, saturating at {@code 2·period}. */
    private int bars;
    private double previousHigh;
    private double previousLow;
    private double previousClose;
    private double plusDm;
    private double minusDm;
    private double trueRange;
    private double sumDx;
    private double adx = Double.NaN;
    private double plusDi = Double.NaN;
    private double minusDi = Double.NaN;

    private Adx() {
    }

    public Adx(int period) {
        if (period < 2) {
            // TA-Lib's ADX accepts 2 and more; with 1 there is no smoothing left to average.
            throw new IllegalArgumentException("ADX period must be at least 2 but was " + period);
        }
        this.period = period;
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        if (bars == 0) {
            bars = 1;
            remember(high, low, close);
            return;
        }
        double diffPlus = high - previousHigh;
        double diffMinus = previousLow - low;
        double tr = TaLibMath.trueRange(high, low, previousClose);
        remember(high, low, close);

        if (bars < period) {
            // Bars 2..period: plain sums of period - 1 terms (TA-Lib's seed).
            if (diffMinus > 0 && diffPlus < diffMinus) {
                minusDm += diffMinus;
            } else if (diffPlus > 0 && diffPlus > diffMinus) {
                plusDm += diffPlus;
            }
            trueRange += tr;
            bars++;
            return;
        }

        minusDm -= minusDm / period;
        plusDm -= plusDm / period;
        if (diffMinus > 0 && diffPlus < diffMinus) {
            minusDm += diffMinus;
        } else if (diffPlus > 0 && diffPlus > diffMinus) {
            plusDm += diffPlus;
        }
        trueRange = trueRange - trueRange / period + tr;

        double dx = Double.NaN;
        if (TaLibMath.isZero(trueRange)) {
            // PLUS_DI/MINUS_DI output 0 here; ADX skips the bar.
            plusDi = 0.0;
            minusDi = 0.0;
        } else {
            minusDi = 100.0 * (minusDm / trueRange);
            plusDi = 100.0 * (plusDm / trueRange);
            double sumDi = minusDi + plusDi;
            if (!TaLibMath.isZero(sumDi)) {
                dx = 100.0 * (Math.abs(minusDi - plusDi) / sumDi);
            }
        }

        if (bars < 2 * period) {
            // Bars period+1..2·period: the first ADX is the mean of these DX values.
            if (!Double.isNaN(dx)) {
                sumDx += dx;
            }
            bars++;
            if (bars == 2 * period) {
                adx = sumDx / period;
            }
        } else if (!Double.isNaN(dx)) {
            adx = (adx * (period - 1) + dx) / period;
        }
    }

    private void remember(double high, double low, double close) {
        previousHigh = high;
        previousLow = low;
        previousClose = close;
    }

    /** The latest ADX; NaN before bar {@code 2·period}. Same as {@link #adx()}. */
    public double value() {
        return adx;
    }

    /** The latest ADX; NaN before bar {@code 2·period}. */
    public double adx() {
        return adx;
    }

    /** The latest +DI; NaN before bar {@code period + 1}. */
    public double plusDi() {
        return plusDi;
    }

    /** The latest −DI; NaN before bar {@code period + 1}. */
    public double minusDi() {
        return minusDi;
    }

    /** True once the ADX has a value; +DI and −DI have theirs from bar {@code period + 1}. */
    @Override
    public boolean isReady() {
        return bars == 2 * period;
    }

    /** Bars until the ADX has a value ({@code 2·period}). */
    @Override
    public int warmUp() {
        return 2 * period;
    }

    /** Bars until +DI and −DI have a value ({@code period + 1}). */
    public int diWarmUp() {
        return period + 1;
    }

    public int period() {
        return period;
    }
}

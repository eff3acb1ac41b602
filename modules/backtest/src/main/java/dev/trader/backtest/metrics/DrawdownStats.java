package dev.trader.backtest.metrics;

import dev.trader.backtest.EquityCurve;
import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The drawdowns of an equity curve, below the running peak of its points.
 *
 * @param max              the largest drawdown in money (zero when equity never fell)
 * @param maxFraction      the largest drawdown as a fraction of its peak, 6 decimals half-even
 *                         (peaks &gt; 0 only; the same figure as {@code max_drawdown_pct})
 * @param peakTime         the point where the largest drawdown (in money) started; null without one
 * @param troughTime       its lowest point; null without one
 * @param recoveryTime     the first point back at or above its peak; null when none (or never recovered)
 * @param longestDuration  the longest time under water: from a peak to the first point back at
 *                         or above it, or to the last point when equity never got back; zero without
 * @param longestStart     the peak that started it; null without one
 * @param longestEnd       the point that ended it (recovery or the last point); null without one
 * @param longestRecovered whether equity got back to that peak
 */
public record DrawdownStats(Money max, BigDecimal maxFraction, Instant peakTime, Instant troughTime, Instant recoveryTime, Duration longestDuration,
                            Instant longestStart, Instant longestEnd, boolean longestRecovered) {
    public DrawdownStats {
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(maxFraction, "maxFraction");
        Objects.requireNonNull(longestDuration, "longestDuration");
    }

    public static DrawdownStats of(EquityCurve curve) {
        int n = curve.size();
        Money worst = Money.zero(curve.currency());
        BigDecimal worstFraction = BigDecimal.ZERO;
        int worstPeak = -1;
        int worstTrough = -1;
        int worstRecovery = -1;
        long longest = 0;
        int longestStart = -1;
        int longestEnd = -1;
        boolean longestRecovered = false;
        int peak = 0; // the running peak; every point after it up to i − 1 is under water
        for (int i = 0; i < n; i++) {
            Money dd = curve.drawdown(i);
            if (dd.raw() == 0) { // back at (or above) the peak: a new peak
                if (i > peak + 1) {
                    long length = curve.timeMillis(i) - curve.timeMillis(peak);
                    if (length > longest) {
                        longest = length;
                        longestStart = peak;
                        longestEnd = i;
                        longestRecovered = true;
                    }
                    if (peak == worstPeak) {
                        worstRecovery = i;
                    }
                }
                peak = i;
                continue;
            }
            if (dd.compareTo(worst) > 0) {
                worst = dd;
                worstPeak = peak;
                worstTrough = i;
                worstRecovery = -1;
            }
            BigDecimal peakValue = curve.peak(i).toBigDecimal();
            if (peakValue.signum() > 0) {
                BigDecimal f = dd.toBigDecimal().divide(peakValue, 6, RoundingMode.HALF_EVEN);
                if (f.compareTo(worstFraction) > 0) {
                    worstFraction = f;
                }
            }
        }
        if (n > 0 && curve.drawdown(n - 1).raw() != 0) { // still under water at the end
            long length = curve.timeMillis(n - 1) - curve.timeMillis(peak);
            if (length > longest) {
                longest = length;
                longestStart = peak;
                longestEnd = n - 1;
                longestRecovered = false;
            }
        }
        return new DrawdownStats(worst, worstFraction, at(curve, worstPeak), at(curve, worstTrough), at(curve, worstRecovery),
                Duration.ofMillis(longest), at(curve, longestStart), at(curve, longestEnd), longestRecovered);
    }

    private static Instant at(EquityCurve curve, int i) {
        return i < 0 ? null : curve.time(i);
    }
}

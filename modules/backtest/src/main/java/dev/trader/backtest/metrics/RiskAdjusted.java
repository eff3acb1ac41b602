package dev.trader.backtest.metrics;

import java.time.Duration;

/**
 * Sharpe and Sortino ratios of a return series, CAGR and the annualisation factor (see the
 * package conventions: risk-free rate 0, 365-day years). Any {@code NaN} return makes the
 * ratio {@code NaN}, as does a series too short or without variation.
 */
public final class RiskAdjusted {
    /** A year of a market that trades every day. */
    public static final Duration YEAR = Duration.ofDays(365);

    private RiskAdjusted() {
    }

    /** How many periods of length {@code period} a 365-day year has (525,600 for one minute). */
    public static double periodsPerYear(Duration period) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a period must be positive but was " + period);
        }
        return (double) YEAR.toMillis() / period.toMillis();
    }

    /** mean / sample standard deviation × √{@code periodsPerYear}; NaN with fewer than 2 returns or none varying. */
    public static double sharpe(double[] returns, double periodsPerYear) {
        int n = returns.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean(returns);
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        return sd > 0 ? mean / sd * Math.sqrt(periodsPerYear) : Double.NaN;
    }

    /** mean / downside deviation × √{@code periodsPerYear}, DD = √(Σ min(r, 0)² / n); NaN without a negative return. */
    public static double sortino(double[] returns, double periodsPerYear) {
        int n = returns.length;
        if (n < 2) {
            return Double.NaN;
        }
        double downside = 0;
        for (double r : returns) {
            double d = Math.min(r, 0);
            downside += d * d;
        }
        double dd = Math.sqrt(downside / n);
        return dd > 0 ? mean(returns) / dd * Math.sqrt(periodsPerYear) : Double.NaN;
    }

    /** {@code (final / initial)^(1 / years) − 1}, years = {@code period} / 365 days; −1 when final &le; 0. */
    public static double cagr(double initial, double fin, Duration period) {
        if (!(initial > 0) || period.isZero() || period.isNegative()) {
            return Double.NaN;
        }
        if (fin <= 0) {
            return -1;
        }
        double years = (double) period.toMillis() / YEAR.toMillis();
        return Math.pow(fin / initial, 1 / years) - 1;
    }

    static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }
}

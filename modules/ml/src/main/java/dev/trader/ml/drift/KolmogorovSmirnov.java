package dev.trader.ml.drift;

/**
 * The Kolmogorov–Smirnov test of a sample against a reference distribution: the statistic
 * {@code D = sup |F_sample(x) − F_reference(x)|} and its asymptotic p-value from Kolmogorov's
 * distribution, {@code P(K > λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²}} with Stephens' small-sample
 * correction {@code λ = (√n + 0.12 + 0.11/√n)·D}, where n is the effective sample size
 * ({@code n·m/(n+m)} for two samples of n and m).
 */
public final class KolmogorovSmirnov {
    private KolmogorovSmirnov() {
    }

    /** P(D ≥ d) for an effective sample size {@code n}. */
    public static double pValue(double d, double n) {
        if (d <= 0) {
            return 1;
        }
        double sqrt = Math.sqrt(n);
        double lambda = (sqrt + 0.12 + 0.11 / sqrt) * d;
        return kolmogorovTail(lambda);
    }

    /** P(K > λ) of Kolmogorov's distribution. */
    public static double kolmogorovTail(double lambda) {
        if (lambda < 0.2) {
            return 1;
        }
        double sum = 0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-12) {
                break;
            }
        }
        return Math.max(0, Math.min(1, 2 * sum));
    }

    /**
     * D of a sorted sample against a reference given as its quantiles at equal probability steps
     * (q[0] the minimum, q[last] the maximum). Ties count as what they are, point masses (a bar
     * that closes at its high puts many values at exactly 1): at each value both the CDFs just
     * before it and at it are compared, on the sample's values and the reference's.
     */
    public static double statistic(double[] sortedSample, double[] referenceQuantiles) {
        double d = 0;
        int n = sortedSample.length;
        for (int i = 0; i < n; ) {
            double x = sortedSample[i];
            int j = i;
            while (j < n && sortedSample[j] == x) {
                j++;
            }
            d = Math.max(d, Math.max(Math.abs((double) j / n - cdf(referenceQuantiles, x)), Math.abs((double) i / n - cdfBefore(referenceQuantiles, x))));
            i = j;
        }
        for (double x : referenceQuantiles) {
            double below = countBelow(sortedSample, x, false) / (double) n;
            double atOrBelow = countBelow(sortedSample, x, true) / (double) n;
            d = Math.max(d, Math.max(Math.abs(atOrBelow - cdf(referenceQuantiles, x)), Math.abs(below - cdfBefore(referenceQuantiles, x))));
        }
        return d;
    }

    /** The reference CDF just below {@code x}: without the mass at x when quantiles repeat there. */
    static double cdfBefore(double[] q, double x) {
        int last = q.length - 1;
        if (x <= q[0]) {
            return 0;
        }
        if (x > q[last]) {
            return 1;
        }
        int lo = 0;
        int hi = last;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (q[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (q[lo] == x) {
            return (double) lo / last;
        }
        double width = q[lo] - q[lo - 1];
        return (lo - 1 + (x - q[lo - 1]) / width) / last;
    }

    /** The reference CDF at {@code x}: linear between its quantiles, 0 below the first, 1 from the last on. */
    static double cdf(double[] q, double x) {
        int last = q.length - 1;
        if (x < q[0]) {
            return 0;
        }
        if (x >= q[last]) {
            return 1;
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (q[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double width = q[hi] - q[lo];
        double within = width > 0 ? (x - q[lo]) / width : 1;
        return (lo + within) / last;
    }

    private static int countBelow(double[] sorted, double x, boolean inclusive) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x || (inclusive && sorted[mid] == x)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

package dev.trader.ml.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {

    @Test
    void kolmogorovsDistributionMatchesItsPublishedCriticalValues() {
        // The asymptotic critical values of the KS test (e.g. Massey 1951, Table 1): 1.22 at 10%, 1.36 at 5%, 1.63 at 1%.
        assertEquals(0.10, KolmogorovSmirnov.kolmogorovTail(1.2238), 0.001);
        assertEquals(0.05, KolmogorovSmirnov.kolmogorovTail(1.3581), 0.001);
        assertEquals(0.01, KolmogorovSmirnov.kolmogorovTail(1.6276), 0.0005);
        assertEquals(1.0, KolmogorovSmirnov.kolmogorovTail(0.1), 0.0);
    }

    @Test
    void theStatisticIsTheLargestGapBetweenTheTwoCdfs() {
        // Reference uniform on [0, 1] (quantiles 0, 0.01, ..., 1); the sample {0.1, 0.2, 0.9}: the empirical CDF is 2/3 on [0.2, 0.9)
        // where the reference is at most 0.9, and 1/3 at 0.1 against 0.1: largest gap 2/3 − 0.2 = 0.4667 just after 0.2.
        double[] uniform = new double[101];
        for (int k = 0; k <= 100; k++) {
            uniform[k] = k / 100.0;
        }
        assertEquals(2.0 / 3 - 0.2, KolmogorovSmirnov.statistic(new double[] {0.1, 0.2, 0.9}, uniform), 1e-12);
        assertEquals(0.5, KolmogorovSmirnov.cdf(uniform, 0.5), 1e-12);
    }

    @Test
    void aSampleOfTheReferenceIsNotRejectedAndAShiftedOneIs() {
        Random rnd = new Random(5);
        double[] reference = new double[20_000];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = rnd.nextGaussian();
        }
        Arrays.sort(reference);
        double[] q = new double[101];
        for (int k = 0; k <= 100; k++) {
            q[k] = reference[(int) Math.round(k / 100.0 * (reference.length - 1))];
        }
        double[] same = new double[2_000];
        double[] shifted = new double[2_000];
        for (int i = 0; i < same.length; i++) {
            same[i] = rnd.nextGaussian();
            shifted[i] = rnd.nextGaussian() + 0.3;
        }
        Arrays.sort(same);
        Arrays.sort(shifted);
        double n = 2_000.0 * 20_000 / 22_000;
        assertTrue(KolmogorovSmirnov.pValue(KolmogorovSmirnov.statistic(same, q), n) > 0.01);
        double d = KolmogorovSmirnov.statistic(shifted, q);
        assertEquals(0.118, d, 0.03, "Φ(0.15) − Φ(−0.15) for a shift of 0.3 standard deviations");
        assertTrue(KolmogorovSmirnov.pValue(d, n) < 1e-10);
    }

    @Test
    void pointMassesAreNotMistakenForDrift() {
        // Half the values exactly 0, the rest uniform in (0, 1]: like range_position, whose bars often close at their low or high.
        Random rnd = new Random(9);
        double[] reference = new double[20_000];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = rnd.nextBoolean() ? 0 : 1 - rnd.nextDouble();
        }
        Arrays.sort(reference);
        double[] q = new double[101];
        for (int k = 0; k <= 100; k++) {
            q[k] = reference[(int) Math.round(k / 100.0 * (reference.length - 1))];
        }
        double[] sample = new double[3_000];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = rnd.nextBoolean() ? 0 : 1 - rnd.nextDouble();
        }
        Arrays.sort(sample);
        assertTrue(KolmogorovSmirnov.statistic(sample, q) < 0.03, "same distribution: D " + KolmogorovSmirnov.statistic(sample, q));
        for (int i = 0; i < sample.length; i++) {
            sample[i] = rnd.nextDouble() < 0.3 ? 0 : 1 - rnd.nextDouble();
        }
        Arrays.sort(sample);
        assertEquals(0.2, KolmogorovSmirnov.statistic(sample, q), 0.03, "the mass at 0 fell from 50% to 30%");
    }
}

package dev.trader.ml.model;

import java.util.Arrays;

/**
 * Centres and scales each feature by its mean and standard deviation on the training rows, for
 * the linear model. A feature constant on those rows (the New York session flag over a weekend)
 * is only centred: Tribuo's own standardization divides by its zero deviation and fails.
 */
public record Standardizer(double[] mean, double[] scale) {

    public static Standardizer identity(int features) {
        double[] ones = new double[features];
        Arrays.fill(ones, 1);
        return new Standardizer(new double[features], ones);
    }

    public static Standardizer fit(java.util.List<double[]> rows) {
        int d = rows.get(0).length;
        double[] mean = new double[d];
        double[] m2 = new double[d];
        long n = 0;
        for (double[] r : rows) {
            n++;
            for (int k = 0; k < d; k++) {
                double delta = r[k] - mean[k];
                mean[k] += delta / n;
                m2[k] += delta * (r[k] - mean[k]);
            }
        }
        double[] scale = new double[d];
        for (int k = 0; k < d; k++) {
            double sd = n > 1 ? Math.sqrt(m2[k] / (n - 1)) : 0;
            scale[k] = sd > 1e-12 ? sd : 1;
        }
        return new Standardizer(mean, scale);
    }

    public double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int k = 0; k < row.length; k++) {
            out[k] = (row[k] - mean[k]) / scale[k];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardizer s && Arrays.equals(mean, s.mean) && Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Standardizer" + Arrays.toString(mean) + "/" + Arrays.toString(scale);
    }
}

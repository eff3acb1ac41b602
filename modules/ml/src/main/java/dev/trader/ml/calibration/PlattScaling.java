package dev.trader.ml.calibration;

/**
 * Platt's sigmoid {@code 1 / (1 + exp(a·x + b))} on the logit of the score, fitted by Newton's
 * method on the smoothed targets of Platt (1999) and Lin, Lin and Weng (2007), which keep it
 * finite when a calibration set is separable.
 */
public record PlattScaling(double a, double b) implements BinaryCalibrator {
    private static final double EPS = 1e-12;

    public static PlattScaling fit(double[] scores, boolean[] outcomes) {
        int n = scores.length;
        int positives = 0;
        for (boolean o : outcomes) {
            positives += o ? 1 : 0;
        }
        int negatives = n - positives;
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (negatives + 2.0);
        double[] x = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = logit(scores[i]);
            t[i] = outcomes[i] ? hi : lo;
        }
        double a = 0;
        double b = Math.log((negatives + 1.0) / (positives + 1.0));
        double f = objective(x, t, a, b);
        for (int iteration = 0; iteration < 100; iteration++) {
            double h11 = 1e-12;
            double h22 = 1e-12;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < n; i++) {
                double fApB = x[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
                    q = 1.0 / (1.0 + Math.exp(-fApB));
                } else {
                    p = 1.0 / (1.0 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += x[i] * x[i] * d2;
                h22 += d2;
                h21 += x[i] * d2;
                double d1 = t[i] - p;
                g1 += x[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            while (step >= 1e-10) {
                double newA = a + step * dA;
                double newB = b + step * dB;
                double newF = objective(x, t, newA, newB);
                if (newF < f + 1e-4 * step * gd) {
                    a = newA;
                    b = newB;
                    f = newF;
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) {
                break;
            }
        }
        return new PlattScaling(a, b);
    }

    @Override
    public double calibrate(double score) {
        double z = a * logit(score) + b;
        return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
    }

    private static double objective(double[] x, double[] t, double a, double b) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            double z = x[i] * a + b;
            f += z >= 0 ? t[i] * z + Math.log1p(Math.exp(-z)) : (t[i] - 1) * z + Math.log1p(Math.exp(z));
        }
        return f;
    }

    private static double logit(double p) {
        double c = Math.min(1 - EPS, Math.max(EPS, p));
        return Math.log(c / (1 - c));
    }
}

package dev.trader.strategy.indicator;

import org.junit.jupiter.api.Test;

class ScratchExperimentTest {
    @Test
    void experiments() {
        GoldenCsv csv = GoldenCsv.resource("/golden/BTCUSDT-1h-2022-talib-first2000.csv.gz");
        double[] close = csv.numbers("close");
        double[] macd = csv.numbers("macd_12_26_9");
        double[] sig = csv.numbers("macd_signal");
        // unaligned: fast EMA from bar 0
        Ema f = new Ema(12), s = new Ema(26), g = new Ema(9);
        double maxLine = 0, maxSig = 0; int lastBad = -1;
        for (int i = 0; i < close.length; i++) {
            f.update(close[i]); s.update(close[i]);
            if (s.isReady()) {
                double l = f.value() - s.value();
                g.update(l);
                if (g.isReady()) {
                    double e = Golden.relativeError(l, macd[i]);
                    maxLine = Math.max(maxLine, e);
                    if (e > 1e-9) lastBad = i;
                    maxSig = Math.max(maxSig, Golden.relativeError(g.value(), sig[i]));
                }
            }
        }
        System.out.println("unaligned MACD: max line err " + maxLine + " signal " + maxSig + " last row >1e-9: " + lastBad);
        // two-pass variance bollinger 20 and 5
        for (int p : new int[] {20, 5}) {
            double[] up = csv.numbers("bb_upper_" + p + "_2");
            double max = 0, maxSd = 0;
            for (int i = p - 1; i < close.length; i++) {
                double m = 0; for (int j = i - p + 1; j <= i; j++) m += close[j]; m /= p;
                double v = 0; for (int j = i - p + 1; j <= i; j++) v += (close[j] - m) * (close[j] - m); v /= p;
                double sd = Math.sqrt(v);
                double u = m + 2 * sd;
                max = Math.max(max, Golden.relativeError(u, up[i]));
                double talibSd = (up[i] - csv.numbers("bb_middle_" + p + "_2")[i]) / 2;
                maxSd = Math.max(maxSd, Math.abs(sd - talibSd) / Math.max(1e-300, sd));
            }
            System.out.println("two-pass BB" + p + ": max upper rel err " + max + "; max sd rel err " + maxSd);
        }
    }
}

package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * StockCharts' published worked examples (via bukosabino/ta's test data) as a second check,
 * independent of TA-Lib. StockCharts seeds differently from TA-Lib, so each comparison either
 * makes the seeds coincide (explained per test) or starts only where the seed difference has
 * decayed, with a tolerance that states why. WMA and Bollinger Bands are checked in their own tests.
 */
class StockChartsCrossCheckTest {

    /**
     * StockCharts counts the first bar's true range as high − low, where TA-Lib has none. A
     * leading bar whose close lies inside the first bar's range makes our first true range exactly
     * high − low too, and from then on both are the same Wilder ATR with the same seed (the mean of
     * the first {@code period} true ranges). cs-atr (14) prints 10 significant digits, cs-atr2
     * (10) 15 decimals; 1e-9 relative covers both roundings.
     */
    @Test
    void atrEqualsStockChartsOnceTheFirstTrueRangeMeansTheSame() {
        checkAtr("cs-atr", 14);
        checkAtr("cs-atr2", 10);
    }

    private static void checkAtr(String file, int period) {
        GoldenCsv csv = GoldenCsv.resource("/golden/stockcharts/" + file + ".csv.gz");
        double[] high = csv.numbers("High");
        double[] low = csv.numbers("Low");
        double[] close = csv.numbers("Close");
        double[] trExpected = csv.numbers("TR");
        double[] atrExpected = csv.numbers("ATR");
        Atr atr = new Atr(period);
        atr.update(close[0], close[0], close[0], close[0], 0); // the leading bar: close inside bar 1's range
        double[] ours = new double[close.length];
        double[] reference = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            atr.update(0, high[i], low[i], close[i], 0);
            assertEquals(trExpected[i], atr.trueRange(), 1e-12, file + " TR row " + i);
            ours[i] = atr.value();
            // StockCharts writes 0 during its warm-up.
            reference[i] = i < period - 1 ? Double.NaN : atrExpected[i];
        }
        Golden.assertMatches("StockCharts " + file + " ATR(" + period + ") all rows", ours, reference, 1e-9);
    }

    /**
     * StockCharts' ADX(14) sheet (504 bars) seeds with the sum of the first 14 DM/TR values where
     * TA-Lib sums 13 and smooths once, and its first ADX follows from those DX values, so the two
     * differ at first (by 0.55 in +DI at bar 25, 0.36 in ADX at bar 50). The difference shrinks by
     * 13/14 a bar, to about 1e-10 by bar 350, so from bar 350 on only the sheet's rounding to 7
     * decimals is left: ±DI within 5e-8 (+1e-9). The sheet's ADX is smoothed from its DX column,
     * itself rounded to 7 decimals, so ADX may carry that rounding twice: within 1e-7.
     */
    @Test
    void adxAndDirectionalIndicatorsConvergeOnStockChartsSheet() {
        GoldenCsv csv = GoldenCsv.resource("/golden/stockcharts/cs-adx.csv.gz");
        double[] high = csv.numbers("High");
        double[] low = csv.numbers("Low");
        double[] close = csv.numbers("Close");
        double[] plusDi = csv.numbers("+DI14");
        double[] minusDi = csv.numbers("-DI14");
        double[] adxExpected = csv.numbers("ADX");
        Adx adx = new Adx(14);
        double maxDi = 0;
        double maxAdx = 0;
        double firstDiDifference = Double.NaN;
        for (int i = 0; i < close.length; i++) {
            adx.update(0, high[i], low[i], close[i], 0);
            assertEquals(Double.isNaN(plusDi[i]), Double.isNaN(adx.plusDi()), "+DI warm-up, row " + i);
            assertEquals(Double.isNaN(adxExpected[i]), Double.isNaN(adx.adx()), "ADX warm-up, row " + i);
            if (i == 14) {
                firstDiDifference = Math.abs(adx.plusDi() - plusDi[i]);
            }
            if (i >= 350) {
                maxDi = Math.max(maxDi, Math.max(Math.abs(adx.plusDi() - plusDi[i]), Math.abs(adx.minusDi() - minusDi[i])));
                maxAdx = Math.max(maxAdx, Math.abs(adx.adx() - adxExpected[i]));
            }
        }
        assertTrue(firstDiDifference > 1e-3, "the seeds do differ at first (" + firstDiDifference + ")");
        assertTrue(maxDi <= 5e-8 + 1e-9, "+DI/-DI from bar 350: " + maxDi);
        assertTrue(maxAdx <= 1e-7, "ADX from bar 350: " + maxAdx);
        Golden.record("StockCharts cs-adx +DI/-DI(14) rows 350.. [absolute, 7 decimals printed]", maxDi);
        Golden.record("StockCharts cs-adx ADX(14) rows 350.. [absolute, 7 decimals printed]", maxAdx);
    }

    /**
     * cs-macd's EMAs start at the first close (no SMA seed). Feeding {@code slow − 1} copies of that
     * close first makes both of our SMA seeds equal to it at the sheet's first row, after which both
     * are the same recursion; so the line must agree from our first output on, to the sheet's 10
     * significant digits (1e-9 relative to max(1, |line|) covers that). The sheet's signal is not
     * the 9-EMA of its own early line values (its third row is −0.129 for line values near +0.02),
     * so the signal and histogram are compared only from row 100, where a different signal seed has
     * decayed by (8/10)^66 ≈ 4e-7, with a tolerance of 1e-6 for that reason.
     */
    @Test
    void macdLineEqualsStockChartsWithTheSameSeed() {
        GoldenCsv csv = GoldenCsv.resource("/golden/stockcharts/cs-macd.csv.gz");
        double[] close = csv.numbers("Close");
        double[] line = csv.numbers("MACD_line");
        double[] signal = csv.numbers("MACD_signal");
        double[] histogram = csv.numbers("MACD_diff");
        Macd macd = new Macd(12, 26, 9);
        for (int i = 0; i < 25; i++) {
            macd.update(close[0]);
        }
        double[] oursLine = new double[close.length];
        double[] referenceLine = new double[close.length];
        double maxSignal = 0;
        for (int i = 0; i < close.length; i++) {
            macd.update(close[i]);
            oursLine[i] = macd.line();
            referenceLine[i] = macd.isReady() ? line[i] : Double.NaN;
            if (i >= 100) {
                maxSignal = Math.max(maxSignal, Math.max(Math.abs(macd.signal() - signal[i]),
                        Math.abs(macd.histogram() - histogram[i])));
            }
        }
        assertEquals(8, Golden.firstValue(oursLine), "the signal needs 9 line values");
        Golden.assertMatches("StockCharts cs-macd MACD line (same seed) rows 8..", oursLine, referenceLine, 1e-9);
        assertTrue(maxSignal <= 1e-6, "signal/histogram from row 100: " + maxSignal);
        Golden.record("StockCharts cs-macd signal/hist rows 100.. [absolute]", maxSignal);
    }
}

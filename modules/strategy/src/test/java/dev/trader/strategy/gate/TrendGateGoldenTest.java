package dev.trader.strategy.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.strategy.builtin.RealData;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trend gate on 2,000 real 1h bars against TA-Lib's EMA20 and ADX14 columns: after each bar
 * it allows a long exactly when TA-Lib's EMA20 rose from the previous bar and TA-Lib's ADX14 is
 * at least the floor, and otherwise says why, with the timeframe and the deciding value.
 */
class TrendGateGoldenTest {

    private static String expectedLongBlock(double[] ema, double[] adx, int i, double adxMin) {
        if (i == 0 || Double.isNaN(ema[i - 1]) || Double.isNaN(adx[i])) {
            return "1h trend gate still warming up";
        }
        double slope = ema[i] - ema[i - 1];
        if (Math.signum(slope) != 1) {
            return String.format(Locale.ROOT, "1h EMA20 slopes %s (%.4f)", slope < 0 ? "down" : "flat", slope);
        }
        if (adx[i] < adxMin) {
            return String.format(Locale.ROOT, "1h ADX %.1f below %.1f", adx[i], adxMin);
        }
        return null;
    }

    private static String expectedShortBlock(double[] ema, double[] adx, int i, double adxMin) {
        if (i == 0 || Double.isNaN(ema[i - 1]) || Double.isNaN(adx[i])) {
            return "1h trend gate still warming up";
        }
        double slope = ema[i] - ema[i - 1];
        if (Math.signum(slope) != -1) {
            return String.format(Locale.ROOT, "1h EMA20 slopes %s (%.4f)", slope > 0 ? "up" : "flat", slope);
        }
        if (adx[i] < adxMin) {
            return String.format(Locale.ROOT, "1h ADX %.1f below %.1f", adx[i], adxMin);
        }
        return null;
    }

    @ParameterizedTest(name = "ADX floor {0}")
    @ValueSource(doubles = {20, 30, 0})
    void allowsExactlyWhenTaLibsEmaRisesAndTaLibsAdxIsAtTheFloor(double adxMin) {
        RealData.Golden golden = RealData.golden1h();
        double[] ema = golden.column("ema_20");
        double[] adx = golden.column("adx_14");
        TrendGate gate = new TrendGate(Timeframe.H1, 20, 14, adxMin);
        List<Bar> bars = golden.bars();
        int allowedLong = 0;
        int allowedShort = 0;
        int heldByAdx = 0;
        for (int i = 0; i < bars.size(); i++) {
            gate.onBar(bars.get(i));
            String expected = expectedLongBlock(ema, adx, i, adxMin);
            assertEquals(expected, gate.blocksLong(), "row " + i + " at " + bars.get(i).openTime());
            assertEquals(expectedShortBlock(ema, adx, i, adxMin), gate.blocksShort(), "row " + i);
            allowedLong += expected == null ? 1 : 0;
            allowedShort += gate.blocksShort() == null ? 1 : 0;
            heldByAdx += expected != null && expected.contains("ADX") ? 1 : 0;
        }
        assertTrue(allowedLong >= 100 && allowedShort >= 100, allowedLong + " / " + allowedShort);
        if (adxMin > 0) {
            assertTrue(heldByAdx >= 50, "the ADX floor never decided: " + heldByAdx);
        }
        assertEquals(Timeframe.H1, gate.timeframe());
    }
}

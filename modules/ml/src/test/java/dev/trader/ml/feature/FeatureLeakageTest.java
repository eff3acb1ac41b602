package dev.trader.ml.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import dev.trader.ml.SampleBars;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No feature at time T uses data after T: the real week is cut at T and everything after it is
 * replaced by a different future (prices scaled, the bars reversed in value); every feature row
 * up to T must stay bit-for-bit what it was, and some row after T must change (or the test would
 * prove nothing).
 */
class FeatureLeakageTest {

    @ParameterizedTest
    @ValueSource(ints = {1_700, 2_500, 4_321, 7_000, 9_999})
    void featuresUpToTAreTheSameWhateverComesAfterT(int cut) {
        List<Bar> real = SampleBars.btc();
        Bar last = real.get(cut);
        FeatureFrame truth = FeatureFrame.compute(Map.of(SampleBars.BTC, real));
        FeatureFrame shifted = FeatureFrame.compute(Map.of(SampleBars.BTC, otherFuture(real, cut)));
        FeatureFrame truncated = FeatureFrame.compute(Map.of(SampleBars.BTC, real.subList(0, cut + 1)));

        long t = last.closeTime().toEpochMilli();
        int upToT = 0;
        for (int i = 0; i < truth.rows() && truth.closeTimeMs()[i] <= t; i++) {
            assertEquals(truth.closeTimeMs()[i], shifted.closeTimeMs()[i]);
            assertArrayEquals(truth.row(i), shifted.row(i), 0.0, "row at " + truth.closeTimeMs()[i] + " moved when the future after " + t + " changed");
            assertArrayEquals(truth.row(i), truncated.row(i), 0.0, "row at " + truth.closeTimeMs()[i] + " differs without the future");
            upToT++;
        }
        assertEquals(truncated.rows(), upToT, "the truncated data has exactly the rows up to T");
        assertTrue(upToT > 0 || cut < 1_700, "rows before the cut were compared");
        boolean changedAfter = false;
        for (int i = upToT; i < truth.rows() && !changedAfter; i++) {
            changedAfter = !java.util.Arrays.equals(truth.row(i), shifted.row(i));
        }
        assertTrue(changedAfter, "the altered future must show in the rows after T");
    }

    @ParameterizedTest
    @ValueSource(ints = {3_030, 8_020})
    void higherTimeframeFeaturesWaitForTheirBarsToClose(int cut) {
        // Cut in the middle of an hour: the 1h features at the cut must equal those of the last whole hour's close.
        List<Bar> real = SampleBars.btc();
        FeatureFrame truth = FeatureFrame.compute(Map.of(SampleBars.BTC, real));
        int i = indexOf(truth, real.get(cut).closeTime().toEpochMilli());
        int rsi1h = truth.names().indexOf("rsi_14_1h");
        int ema1h = truth.names().indexOf("ema_20_1h_dist");
        int rsi1m = truth.names().indexOf("rsi_14");
        int sameHour = i;
        while (sameHour > 0 && truth.closeTimeMs()[sameHour - 1] / 3_600_000 == truth.closeTimeMs()[i] / 3_600_000
                && truth.closeTimeMs()[sameHour - 1] % 3_600_000 != 0) {
            sameHour--;
        }
        assertTrue(i - sameHour >= 2, "the cut is inside an hour");
        assertEquals(truth.columns()[rsi1h][sameHour], truth.columns()[rsi1h][i], 0.0, "the 1h RSI moves only when an hour closes");
        assertNotEquals(truth.columns()[rsi1m][sameHour], truth.columns()[rsi1m][i], "the 1m RSI moves every minute");
        assertNotEquals(truth.columns()[ema1h][sameHour], truth.columns()[ema1h][i], "the distance to the 1h EMA moves with the close");
    }

    private static int indexOf(FeatureFrame f, long closeMs) {
        for (int i = 0; i < f.rows(); i++) {
            if (f.closeTimeMs()[i] == closeMs) {
                return i;
            }
        }
        throw new AssertionError("no feature row at " + closeMs);
    }

    /** The bars up to {@code cut} unchanged, then a different but valid future: each later bar's prices scaled by 1.3. */
    private static List<Bar> otherFuture(List<Bar> real, int cut) {
        List<Bar> out = new ArrayList<>(real.subList(0, cut + 1));
        BigDecimal k = new BigDecimal("1.3");
        InstrumentId id = real.get(0).instrument();
        for (Bar b : real.subList(cut + 1, real.size())) {
            out.add(new Bar(id, b.timeframe(), b.openTime(), scale(b.open(), k), scale(b.high(), k), scale(b.low(), k), scale(b.close(), k), b.volume()));
        }
        return out;
    }

    private static Price scale(Price p, BigDecimal k) {
        return Price.of(p.toBigDecimal().multiply(k));
    }
}

package dev.trader.strategy.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import dev.trader.strategy.StrategyState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R1 on 2,000 real BTCUSDT 1h bars against an independent computation: the crosses of
 * EMA12 − EMA26 from the test's own EMA (checked first against TA-Lib's EMA20 and EMA21 columns
 * of the same file, so it is TA-Lib's EMA), and the stop from TA-Lib's ATR14 column.
 */
class R1StrategyGoldenTest {
    private static RealData.Golden golden;
    private static double[] ema12;
    private static double[] ema26;
    private static int[] crosses;
    private static List<Signal> signals;

    @BeforeAll
    static void run() {
        golden = RealData.golden1h();
        double[] closes = Reference.closes(golden.candles());
        ema12 = Reference.ema(closes, 12);
        ema26 = Reference.ema(closes, 26);
        crosses = Reference.crosses(ema12, ema26);
        Strategy r1 = StrategyCatalog.create(new StrategyId("r1"), R1Strategy.TYPE, Map.of());
        StrategyState state = r1.initialState(RealData.BTC);
        signals = new ArrayList<>();
        for (Bar bar : golden.bars()) {
            signals.add(r1.onBar(state, bar).orElse(null));
        }
    }

    @Test
    void theTestsOwnEmaIsTaLibsEma() {
        double[] closes = Reference.closes(golden.candles());
        for (int period : new int[] {20, 21}) {
            double[] mine = Reference.ema(closes, period);
            double[] taLib = golden.column("ema_" + period);
            int compared = 0;
            for (int i = 0; i < closes.length; i++) {
                assertEquals(Double.isNaN(taLib[i]), Double.isNaN(mine[i]), "warm-up of EMA" + period + " at row " + i);
                if (!Double.isNaN(taLib[i])) {
                    assertTrue(Reference.closeRelative(taLib[i], mine[i], 1e-9), "EMA" + period + " row " + i + ": " + mine[i] + " vs TA-Lib " + taLib[i]);
                    compared++;
                }
            }
            assertEquals(closes.length - period + 1, compared);
        }
    }

    @Test
    void theIndependentDifferenceIsTaLibsMacdLineOnceTheSeedsHaveFadedAway() {
        // TA-Lib's MACD seeds its fast EMA later than a plain EMA12 does; after a few hundred bars
        // the seeds no longer matter and the two differences are the same number.
        double[] macd = golden.column("macd_12_26_9");
        for (int i = 300; i < golden.size(); i++) {
            assertEquals(macd[i], ema12[i] - ema26[i], 1e-6, "row " + i);
        }
    }

    @Test
    void everyLongIsAtACrossUpWithTheStopAtCloseMinusTwoTaLibAtrs() {
        double[] atr = golden.column("atr_14");
        int longs = 0;
        for (int i = 0; i < signals.size(); i++) {
            Signal s = signals.get(i);
            if (s == null || s.direction() != SignalDirection.LONG) {
                continue;
            }
            longs++;
            assertEquals(1, crosses[i], "LONG at row " + i + " (" + s.time() + ") is not at a cross up of EMA12 - EMA26");
            double close = golden.candles().get(i).c();
            double expectedStop = close - 2 * atr[i];
            double stop = Double.parseDouble(s.metadata().get("stop_price"));
            assertTrue(Reference.closeRelative(expectedStop, stop, 1e-9), "row " + i + ": stop " + stop + ", expected " + expectedStop);
            assertTrue(Reference.closeRelative(atr[i], Double.parseDouble(s.metadata().get("atr")), 1e-9), "ATR at row " + i);
            assertTrue(Reference.closeRelative(ema12[i], Double.parseDouble(s.metadata().get("ema_fast")), 1e-9), "EMA12 at row " + i);
            assertTrue(Reference.closeRelative(ema26[i], Double.parseDouble(s.metadata().get("ema_slow")), 1e-9), "EMA26 at row " + i);
            assertEquals(golden.candles().get(i).openTime().plusSeconds(3600), s.time());
        }
        assertTrue(longs >= 20, "only " + longs + " LONGs on 2,000 bars: the test would prove little");
    }

    @Test
    void everyFlatIsAtACrossDown() {
        for (int i = 0; i < signals.size(); i++) {
            Signal s = signals.get(i);
            if (s != null && s.direction() == SignalDirection.FLAT) {
                assertEquals(-1, crosses[i], "FLAT at row " + i + " (" + s.time() + ") is not at a cross down");
            }
        }
    }

    @Test
    void everyIndependentCrossRaisesItsSignalSoTheCountsAreEqual() {
        int expected = 0;
        int actual = 0;
        for (int i = 0; i < crosses.length; i++) {
            if (crosses[i] != 0) {
                expected++;
                Signal s = signals.get(i);
                SignalDirection want = crosses[i] > 0 ? SignalDirection.LONG : SignalDirection.FLAT;
                assertTrue(s != null && s.direction() == want, "row " + i + ": expected " + want + " but got " + s);
            }
            if (signals.get(i) != null) {
                actual++;
            }
        }
        assertEquals(expected, actual);
        assertTrue(expected >= 40, "only " + expected + " crosses");
    }
}

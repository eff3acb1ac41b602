package dev.trader.strategy.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import dev.trader.strategy.StrategyConfigException;
import dev.trader.strategy.StrategyState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RSI reversion configured on 1h, run on 2,000 real 1h bars: its signals are exactly where
 * TA-Lib's RSI14 column of the same file crosses the levels.
 */
class RsiReversionGoldenTest {
    private static final StrategyId ID = new StrategyId("rsi");

    private static List<Signal> run(Map<String, Object> parameters, List<Bar> bars) {
        return run(parameters, bars, Timeframe.H1);
    }

    private static List<Signal> run(Map<String, Object> parameters, List<Bar> bars, Timeframe timeframe) {
        Strategy strategy = StrategyCatalog.create(ID, RsiReversionStrategy.TYPE, parameters);
        assertEquals(Set.of(timeframe), strategy.timeframes());
        StrategyState state = strategy.initialState(RealData.BTC);
        List<Signal> out = new ArrayList<>();
        for (Bar bar : bars) {
            out.add(strategy.onBar(state, bar).orElse(null));
        }
        return out;
    }

    @ParameterizedTest(name = "oversold {0}, exit {1}")
    @CsvSource({"30, 55", "35, 50", "25, 70"})
    void signalsExactlyWhereTaLibsRsiCrossesTheLevels(double oversold, double exit) {
        RealData.Golden golden = RealData.golden1h();
        double[] rsi = golden.column("rsi_14");
        List<Signal> signals = run(Map.of("timeframe", "1h", "period", 14, "oversold", oversold, "exit", exit), golden.bars());
        int longs = 0;
        int flats = 0;
        for (int i = 1; i < rsi.length; i++) {
            double before = rsi[i - 1];
            double now = rsi[i];
            SignalDirection expected = null;
            if (!Double.isNaN(before) && !Double.isNaN(now)) {
                if (before < oversold && now >= oversold) {
                    expected = SignalDirection.LONG;
                } else if (before < exit && now >= exit) {
                    expected = SignalDirection.FLAT;
                }
            }
            Signal s = signals.get(i);
            assertEquals(expected, s == null ? null : s.direction(), "row " + i + ": TA-Lib RSI " + before + " -> " + now);
            if (s == null) {
                continue;
            }
            assertEquals(now, Double.parseDouble(s.metadata().get("rsi")), 1e-7, "RSI in the metadata at row " + i);
            assertEquals(Timeframe.H1, s.timeframe());
            assertEquals(golden.candles().get(i).openTime().plusSeconds(3600), s.time());
            if (expected == SignalDirection.LONG) {
                longs++;
                double depth = Math.min(1.0, (oversold - Math.min(before, oversold)) / oversold);
                assertEquals(0.4 + 0.5 * depth, s.confidence(), 1e-9, "deeper dips give more confidence");
            } else {
                flats++;
                assertEquals(0.5, s.confidence());
            }
        }
        assertTrue(longs >= 5 && flats >= 5, "too few signals to prove anything: " + longs + " LONG, " + flats + " FLAT");
        assertEquals(null, signals.get(0));
    }

    @Test
    void nothingBeforeTheRsiHasAPreviousValue() {
        RealData.Golden golden = RealData.golden1h();
        // TA-Lib's first RSI14 is on row 14; the first possible cross is on row 15
        List<Signal> signals = run(Map.of("timeframe", "1h"), golden.bars().subList(0, 16));
        for (int i = 0; i < 15; i++) {
            assertEquals(null, signals.get(i), "row " + i);
        }
    }

    @Test
    void reachingTheOversoldLevelExactlyCountsAsComingBackAboveIt() {
        // RSI(2) of 100, 91, 86, 89: no gains at first (RSI 0), then gain 3 against loss 7 on average: exactly 30.0
        List<Bar> bars = new ArrayList<>();
        String[] closes = {"100", "91", "86", "89"};
        for (int i = 0; i < closes.length; i++) {
            Price c = Price.of(closes[i]);
            bars.add(new Bar(RealData.BTC, Timeframe.M1, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * i), c, c, c, c, Quantity.of("1")));
        }
        List<Signal> signals = run(Map.of("period", 2, "oversold", 30, "exit", 55), bars, Timeframe.M1);
        assertEquals(Arrays.asList(null, null, null), signals.subList(0, 3));
        Signal s = signals.get(3);
        assertEquals(SignalDirection.LONG, s.direction());
        assertEquals("30.00000000", s.metadata().get("rsi"));
        assertEquals(0.9, s.confidence(), 1e-12, "from RSI 0: the deepest dip, full depth");
        assertEquals("RSI2 rose back above 30 (0.0 → 30.0)", s.reason());
    }

    @Test
    void oversoldMustBeBelowExit() {
        StrategyConfigException e = assertThrows(StrategyConfigException.class,
                () -> StrategyCatalog.create(ID, RsiReversionStrategy.TYPE, Map.of("oversold", 60, "exit", 55)));
        assertEquals("strategies.rsi.oversold (60.0) must be below exit (55.0)", e.getMessage());
    }
}

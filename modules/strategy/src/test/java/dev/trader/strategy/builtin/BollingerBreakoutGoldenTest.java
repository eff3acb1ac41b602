package dev.trader.strategy.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import dev.trader.strategy.StrategyState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bollinger breakout configured on 1h, run on 2,000 real 1h bars: its signals are exactly where
 * the close crosses TA-Lib's BBANDS(20, 2) columns <em>of the bar before</em> (the documented
 * rule: a bar is measured against bands it did not move), with the volume filter recomputed here.
 */
class BollingerBreakoutGoldenTest {
    private static final StrategyId ID = new StrategyId("bb");

    private static List<Signal> run(double volumeFactor, List<Bar> bars) {
        Strategy strategy = StrategyCatalog.create(ID, BollingerBreakoutStrategy.TYPE,
                Map.of("timeframe", "1h", "period", 20, "k", 2.0, "volume-period", 20, "volume-factor", volumeFactor));
        assertEquals(Set.of(Timeframe.H1), strategy.timeframes());
        StrategyState state = strategy.initialState(RealData.BTC);
        List<Signal> out = new ArrayList<>();
        for (Bar bar : bars) {
            out.add(strategy.onBar(state, bar).orElse(null));
        }
        return out;
    }

    /** The expected direction per row, with the bands taken {@code lag} rows back (1: the documented rule). */
    private static SignalDirection[] expected(RealData.Golden golden, double volumeFactor, int lag) {
        double[] upper = golden.column("bb_upper_20_2");
        double[] middle = golden.column("bb_middle_20_2");
        SignalDirection[] out = new SignalDirection[golden.size()];
        boolean wasAboveUpper = false;
        boolean wasAboveMiddle = false;
        for (int i = 20; i < golden.size(); i++) {
            double close = golden.candles().get(i).c();
            double volume = golden.candles().get(i).v();
            double sum = 0;
            for (int j = i - 20; j < i; j++) {
                sum += golden.candles().get(j).v();
            }
            double averageVolume = sum / 20;
            boolean aboveUpper = close > upper[i - lag];
            boolean aboveMiddle = close > middle[i - lag];
            if (aboveUpper && !wasAboveUpper && volume >= volumeFactor * averageVolume) {
                out[i] = SignalDirection.LONG;
            } else if (!aboveMiddle && wasAboveMiddle) {
                out[i] = SignalDirection.FLAT;
            }
            wasAboveUpper = aboveUpper;
            wasAboveMiddle = aboveMiddle;
        }
        return out;
    }

    @ParameterizedTest(name = "volume factor {0}")
    @ValueSource(doubles = {1.5, 1.0, 0.0})
    void signalsExactlyWhereTheCloseCrossesTheTaLibBandsOfTheBarBefore(double volumeFactor) {
        RealData.Golden golden = RealData.golden1h();
        double[] upper = golden.column("bb_upper_20_2");
        double[] middle = golden.column("bb_middle_20_2");
        List<Signal> signals = run(volumeFactor, golden.bars());
        SignalDirection[] expected = expected(golden, volumeFactor, 1);
        int longs = 0;
        int flats = 0;
        for (int i = 0; i < golden.size(); i++) {
            Signal s = signals.get(i);
            assertEquals(expected[i], s == null ? null : s.direction(), "row " + i + " at " + golden.candles().get(i).openTime());
            if (s == null) {
                continue;
            }
            assertTrue(Reference.closeRelative(middle[i - 1], Double.parseDouble(s.metadata().get("bb_middle")), 1e-9),
                    "the middle band named is the previous bar's, row " + i);
            if (s.direction() == SignalDirection.LONG) {
                longs++;
                assertTrue(Reference.closeRelative(upper[i - 1], Double.parseDouble(s.metadata().get("bb_upper")), 1e-9),
                        "the upper band named is the previous bar's, row " + i);
                assertTrue(Double.parseDouble(s.metadata().get("volume_ratio")) >= volumeFactor - 1e-8);
            } else {
                flats++;
            }
        }
        assertTrue(longs >= 5 && flats >= 5, "too few signals to prove anything: " + longs + " LONG, " + flats + " FLAT");
    }

    @ParameterizedTest(name = "volume factor {0}")
    @ValueSource(doubles = {1.5, 0.0})
    void measuringAgainstBandsThatIncludeTheBarItselfWouldGiveOtherSignals(double volumeFactor) {
        // The rule is observable on this data: a strategy using the current bar's bands would fail the test above.
        RealData.Golden golden = RealData.golden1h();
        List<Signal> signals = run(volumeFactor, golden.bars());
        SignalDirection[] actual = new SignalDirection[signals.size()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = signals.get(i) == null ? null : signals.get(i).direction();
        }
        assertTrue(Arrays.equals(expected(golden, volumeFactor, 1), actual));
        assertNotEquals(Arrays.asList(expected(golden, volumeFactor, 0)), Arrays.asList(actual));
    }
}

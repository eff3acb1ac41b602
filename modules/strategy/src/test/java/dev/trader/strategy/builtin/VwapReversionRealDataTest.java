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
import dev.trader.strategy.timeframe.MultiTimeframeStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * VWAP reversion against a session VWAP recomputed here with plain double sums over each UTC
 * day, of the bars <em>before</em> the one being judged (the documented rule), and TA-Lib's
 * ATR14: on 2,000 real 1h bars with the strategy on 1h, and on the 720 real 1m bars resampled
 * to its default 5m (across the fixture's UTC midnight).
 */
class VwapReversionRealDataTest {
    private static final StrategyId ID = new StrategyId("vwap");
    private static final long DAY = 86_400_000L;

    /** What the test expects on one bar, with the VWAP the bar is judged against. */
    private record Expected(SignalDirection direction, double vwap) {
    }

    /**
     * @param vwapLag 1: the VWAP of the bars before this one (the rule); 0: including this bar (what the rule forbids)
     */
    private static Expected[] expected(List<RealData.Candle> bars, double[] atr, double bandAtr, int minSessionBars, int vwapLag) {
        Expected[] out = new Expected[bars.size()];
        double priceVolume = 0;
        double volume = 0;
        int sessionBars = 0;
        long session = Long.MIN_VALUE;
        boolean stretched = false;
        boolean belowVwap = false;
        for (int i = 0; i < bars.size(); i++) {
            RealData.Candle b = bars.get(i);
            long day = Math.floorDiv(b.openMs(), DAY);
            boolean sameSession = day == session;
            double vwapBefore = volume > 0 ? priceVolume / volume : Double.NaN;
            int barsBefore = sessionBars;
            if (!sameSession) {
                session = day;
                priceVolume = 0;
                volume = 0;
                sessionBars = 0;
            }
            priceVolume += (b.h() + b.l() + b.c()) / 3 * b.v();
            volume += b.v();
            sessionBars++;
            double vwap = vwapLag == 1 ? vwapBefore : volume > 0 ? priceVolume / volume : Double.NaN;
            double atrBefore = i == 0 ? Double.NaN : atr[i - 1];
            if (!sameSession || barsBefore < minSessionBars || Double.isNaN(vwap) || Double.isNaN(atrBefore)) {
                stretched = false;
                belowVwap = false;
                continue;
            }
            double band = vwap - bandAtr * atrBefore;
            boolean wasStretched = stretched;
            stretched = b.c() < band;
            boolean wasBelowVwap = belowVwap;
            belowVwap = b.c() < vwap;
            if (wasStretched && b.c() >= band && b.c() < vwap) {
                out[i] = new Expected(SignalDirection.LONG, vwap);
            } else if (b.c() >= vwap && wasBelowVwap) {
                // FLAT once, on the close that comes back up to the VWAP
                out[i] = new Expected(SignalDirection.FLAT, vwap);
            }
        }
        return out;
    }

    private static Map<String, Object> parameters(String timeframe, double bandAtr, int minSessionBars) {
        Map<String, Object> p = new HashMap<>();
        p.put("timeframe", timeframe);
        p.put("atr", 14);
        p.put("band-atr", bandAtr);
        p.put("min-session-bars", minSessionBars);
        return p;
    }

    private static int[] compare(Expected[] expected, List<Signal> signals, List<RealData.Candle> bars) {
        int longs = 0;
        int flats = 0;
        for (int i = 0; i < expected.length; i++) {
            Signal s = signals.get(i);
            SignalDirection want = expected[i] == null ? null : expected[i].direction();
            assertEquals(want, s == null ? null : s.direction(), "bar " + i + " opening " + bars.get(i).openTime());
            if (s == null) {
                continue;
            }
            assertTrue(Reference.closeRelative(expected[i].vwap(), Double.parseDouble(s.metadata().get("vwap")), 1e-9),
                    "bar " + i + ": VWAP " + s.metadata().get("vwap") + ", recomputed " + expected[i].vwap());
            if (want == SignalDirection.LONG) {
                longs++;
            } else {
                flats++;
            }
        }
        return new int[] {longs, flats};
    }

    private static SignalDirection[] directions(Expected[] expected) {
        return Arrays.stream(expected).map(e -> e == null ? null : e.direction()).toArray(SignalDirection[]::new);
    }

    @ParameterizedTest(name = "band {0} ATR, at least {1} bars into the session")
    @CsvSource({"2.0, 12", "1.0, 4", "0.5, 1"})
    void onRealHourlyBarsSignalsExactlyWhereTheRecomputedSessionVwapSays(double bandAtr, int minSessionBars) {
        RealData.Golden golden = RealData.golden1h();
        Strategy strategy = StrategyCatalog.create(ID, VwapReversionStrategy.TYPE, parameters("1h", bandAtr, minSessionBars));
        StrategyState state = strategy.initialState(RealData.BTC);
        List<Signal> signals = new ArrayList<>();
        for (Bar bar : golden.bars()) {
            signals.add(strategy.onBar(state, bar).orElse(null));
        }
        Expected[] expected = expected(golden.candles(), golden.column("atr_14"), bandAtr, minSessionBars, 1);
        int[] counts = compare(expected, signals, golden.candles());
        assertTrue(counts[0] >= 3 && counts[1] >= 50, "too few signals to prove anything: " + Arrays.toString(counts));
        // the rule is observable here: judged against a VWAP that includes the bar, the signals would differ
        assertNotEquals(Arrays.asList(directions(expected)),
                Arrays.asList(directions(expected(golden.candles(), golden.column("atr_14"), bandAtr, minSessionBars, 0))));
    }

    @Test
    void theTestsOwnAtrIsTaLibsAtr() {
        RealData.Golden golden = RealData.golden1h();
        double[] mine = Reference.atr(golden.candles(), 14);
        double[] taLib = golden.column("atr_14");
        for (int i = 0; i < golden.size(); i++) {
            assertEquals(Double.isNaN(taLib[i]), Double.isNaN(mine[i]), "warm-up at row " + i);
            if (!Double.isNaN(taLib[i])) {
                assertTrue(Reference.closeRelative(taLib[i], mine[i], 1e-9), "row " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BTC, 1.0, 6", "ETH, 1.0, 6", "BTC, 0.5, 1", "ETH, 0.5, 1"})
    void onRealMinuteBarsResampledToFiveMinutesAcrossMidnight(String asset, double bandAtr, int minSessionBars) {
        List<RealData.Candle> minutes = RealData.fixture1m(asset);
        Strategy strategy = MultiTimeframeStrategy.onBase(
                StrategyCatalog.create(ID, VwapReversionStrategy.TYPE, parameters("5m", bandAtr, minSessionBars)), Timeframe.M1);
        StrategyState state = strategy.initialState(RealData.BTC);
        List<Signal> byFiveMinutes = new ArrayList<>();
        for (Bar bar : RealData.bars(minutes, RealData.BTC, Timeframe.M1)) {
            strategy.onBar(state, bar).ifPresent(byFiveMinutes::add);
        }
        List<RealData.Candle> fives = RealData.rollUp(minutes, Timeframe.M5);
        Expected[] expected = expected(fives, Reference.atr(fives, 14), bandAtr, minSessionBars, 1);
        List<Signal> aligned = new ArrayList<>();
        int next = 0;
        for (RealData.Candle five : fives) {
            Signal s = next < byFiveMinutes.size() && byFiveMinutes.get(next).time().equals(five.openTime().plus(Timeframe.M5.duration()))
                    ? byFiveMinutes.get(next++) : null;
            aligned.add(s);
        }
        assertEquals(byFiveMinutes.size(), next, "every signal is at the close of a 5m bar");
        int[] counts = compare(expected, aligned, fives);
        assertTrue(counts[0] + counts[1] >= 3, "too few signals to prove anything: " + Arrays.toString(counts));
        // the fixture runs from 22:15 to 10:14 UTC: the session restarts at midnight
        long midnight = Math.floorDiv(minutes.get(minutes.size() - 1).openMs(), DAY) * DAY;
        assertTrue(minutes.get(0).openMs() < midnight);
    }
}

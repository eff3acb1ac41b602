package dev.trader.strategy.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import dev.trader.strategy.StrategyConfigException;
import dev.trader.strategy.StrategyState;
import dev.trader.strategy.Suppressions;
import dev.trader.strategy.gate.TrendGate;
import dev.trader.strategy.timeframe.MultiTimeframeStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SMC confluence strategy on real 1m bars, wrapped so that it is fed resampled bars of its
 * timeframe and its trend timeframe, against the playbook recomputed here from scratch: swing
 * lows as fractal pivots, wick fair value gaps, RSI divergences between swing lows, sweeps of
 * swing lows, and a separate trend gate fed only the trend bars that had closed before the
 * bar being decided. Every LONG, every FLAT and every held-back entry must be where (and only
 * where) that recomputation puts it, with the same evidence and the same reason.
 */
class SmcConfluenceRealDataTest {
    private static final StrategyId ID = new StrategyId("smc");
    private static final String SHARED_BTC = "BTC_USDT-1m_20230316-20230501.json.gz";

    /** What one run of the strategy did: signals in order, and every held-back entry as "time|reason". */
    private record Run(List<Signal> signals, List<String> suppressed, StrategyState finalState) {
    }

    private static Run run(List<RealData.Candle> minutes, Map<String, Object> parameters) {
        Strategy strategy = MultiTimeframeStrategy.onBase(StrategyCatalog.create(ID, SmcConfluenceStrategy.TYPE, parameters), Timeframe.M1);
        StrategyState state = strategy.initialState(RealData.BTC);
        Suppressions counters = state.suppressions();
        assertNotNull(counters, "the wrapped state reports the strategy's held-back entries");
        List<Signal> signals = new ArrayList<>();
        List<String> suppressed = new ArrayList<>();
        for (Bar bar : RealData.bars(minutes, RealData.BTC, Timeframe.M1)) {
            long before = counters.suppressedEntries();
            strategy.onBar(state, bar).ifPresent(signals::add);
            long after = counters.suppressedEntries();
            if (after != before) {
                assertEquals(before + 1, after, "at most one entry per bar is held back");
                suppressed.add(bar.closeTime() + "|" + counters.lastSuppression());
            }
        }
        return new Run(signals, suppressed, state);
    }

    /** The playbook recomputed from the resampled bars, to the same outputs as a {@link Run}. */
    private static Run expected(List<RealData.Candle> minutes, Timeframe timeframe, Timeframe trendTimeframe, int trendEma, double adxMin,
                                int rsiPeriod, int pivot, int lookback, boolean requireSweep) {
        List<RealData.Candle> bars = RealData.rollUp(minutes, timeframe);
        List<RealData.Candle> trendBars = RealData.rollUp(minutes, trendTimeframe);
        int n = bars.size();
        double[] high = bars.stream().mapToDouble(RealData.Candle::h).toArray();
        double[] low = bars.stream().mapToDouble(RealData.Candle::l).toArray();
        double[] close = Reference.closes(bars);
        double[] rsi = Reference.rsi(close, rsiPeriod);

        boolean[] swingLow = new boolean[n];
        for (int c = pivot; c + pivot < n; c++) {
            boolean is = true;
            for (int j = c - pivot; j < c && is; j++) {
                is = low[c] < low[j];
            }
            for (int j = c + 1; j <= c + pivot && is; j++) {
                is = low[c] <= low[j];
            }
            swingLow[c] = is;
        }
        boolean[] gap = new boolean[n];
        boolean[] divergence = new boolean[n];
        boolean[] sweep = new boolean[n];
        for (int k = 2; k < n; k++) {
            gap[k] = high[k - 2] < low[k];
        }
        // divergences: between consecutive swing lows of the bars the RSI was ready on (the detector only sees those)
        int previous = -1;
        for (int c = rsiPeriod + pivot; c + pivot < n; c++) {
            if (!swingLow[c]) {
                continue;
            }
            if (previous >= 0 && ((low[c] < low[previous] && rsi[c] > rsi[previous]) || (low[c] > low[previous] && rsi[c] < rsi[previous]))) {
                divergence[c + pivot] = true;
            }
            previous = c;
        }
        // sweeps: a swing low's level is active from the bar after its confirmation; a bar trading below and closing above sweeps it
        List<Double> levels = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            List<Double> kept = new ArrayList<>();
            for (double level : levels) {
                if (low[k] < level && close[k] > level) {
                    sweep[k] = true;
                } else if (!(close[k] < level)) {
                    kept.add(level);
                }
            }
            levels = kept;
            int confirmed = k - pivot;
            if (confirmed >= 0 && swingLow[confirmed]) {
                if (levels.size() == 10) {
                    levels.remove(0);
                }
                levels.add(low[confirmed]);
            }
        }

        TrendGate gate = new TrendGate(trendTimeframe, trendEma, 14, adxMin);
        int trendFed = 0;
        double lastSwingLow = Double.NaN;
        boolean belowSwingLow = false;
        boolean armed = false;
        List<Signal> signals = new ArrayList<>();
        List<String> suppressed = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Instant closeTime = bars.get(k).openTime().plus(timeframe.duration());
            // the trend bars closing with this bar come after it (ascending timeframes): only those closed before count
            while (trendFed < trendBars.size() && trendBars.get(trendFed).openTime().plus(trendTimeframe.duration()).isBefore(closeTime)) {
                gate.onBar(trendBars.get(trendFed++).bar(RealData.BTC, trendTimeframe));
            }
            if (k - pivot >= 0 && swingLow[k - pivot]) {
                lastSwingLow = low[k - pivot];
            }
            armed |= gap[k] || divergence[k];
            Bar bar = bars.get(k).bar(RealData.BTC, timeframe);
            boolean below = !Double.isNaN(lastSwingLow) && close[k] < lastSwingLow;
            boolean wasBelow = belowSwingLow;
            belowSwingLow = below;
            if (below) {
                // FLAT once, on the close that breaks below; no entries while below
                armed = false;
                if (!wasBelow) {
                    signals.add(Signals.at(ID, bar, SignalDirection.FLAT, 0.6,
                            String.format(Locale.ROOT, "close %s broke below the last swing low %.2f", bar.close(), lastSwingLow),
                            "swing_low", lastSwingLow));
                }
                continue;
            }
            boolean recentGap = false;
            boolean recentDivergence = false;
            boolean recentSweep = false;
            for (int j = Math.max(0, k - lookback + 1); j <= k; j++) {
                recentGap |= gap[j];
                recentDivergence |= divergence[j];
                recentSweep |= sweep[j];
            }
            if (!armed || !(recentGap || recentDivergence) || (requireSweep && !recentSweep)) {
                continue;
            }
            armed = false;
            List<String> evidence = new ArrayList<>();
            if (recentGap) {
                evidence.add("bullish FVG");
            }
            if (recentDivergence) {
                evidence.add("bullish RSI divergence");
            }
            if (recentSweep) {
                evidence.add("swept low");
            }
            String blocked = gate.blocksLong();
            if (blocked != null) {
                suppressed.add(closeTime + "|LONG at " + closeTime + " on " + String.join(" + ", evidence) + " held back: " + blocked);
            } else {
                signals.add(Signals.at(ID, bar, SignalDirection.LONG, Math.min(1.0, 0.45 + 0.15 * evidence.size()),
                        trendTimeframe.label() + " uptrend with " + String.join(" + ", evidence),
                        "evidence", String.join("+", evidence), "swing_low", lastSwingLow, "rsi", rsi[k]));
            }
        }
        return new Run(signals, suppressed, null);
    }

    private static Map<String, Object> parameters(Timeframe timeframe, Timeframe trend, int trendEma, double adxMin, int lookback, boolean sweep) {
        Map<String, Object> p = new HashMap<>();
        p.put("timeframe", timeframe.label());
        p.put("trend-timeframe", trend.label());
        p.put("trend-ema", trendEma);
        p.put("adx-min", adxMin);
        p.put("rsi", 14);
        p.put("pivot", 3);
        p.put("lookback-bars", lookback);
        p.put("require-sweep", sweep);
        return p;
    }

    /** Runs and checks; returns {LONGs, FLATs, held back}. */
    private static int[] check(List<RealData.Candle> minutes, Timeframe timeframe, Timeframe trend, int trendEma, double adxMin, int lookback,
                               boolean requireSweep) {
        Run actual = run(minutes, parameters(timeframe, trend, trendEma, adxMin, lookback, requireSweep));
        Run expected = expected(minutes, timeframe, trend, trendEma, adxMin, 14, 3, lookback, requireSweep);
        int longs = 0;
        int flats = 0;
        for (int i = 0; i < Math.max(actual.signals().size(), expected.signals().size()); i++) {
            Signal want = i < expected.signals().size() ? expected.signals().get(i) : null;
            Signal got = i < actual.signals().size() ? actual.signals().get(i) : null;
            assertNotNull(want, "unexpected signal " + got);
            assertNotNull(got, "missing signal " + want);
            assertEquals(want.time(), got.time(), "signal " + i + ": expected " + want + " but got " + got);
            assertEquals(want.direction(), got.direction(), "at " + want.time());
            assertEquals(want.reason(), got.reason(), "at " + want.time());
            assertEquals(timeframe, got.timeframe());
            assertEquals(want.confidence(), got.confidence(), 1e-12);
            assertEquals(want.metadata().get("evidence"), got.metadata().get("evidence"));
            assertEquals(Double.parseDouble(want.metadata().get("swing_low")), Double.parseDouble(got.metadata().get("swing_low")), 1e-6);
            if (got.direction() == SignalDirection.LONG) {
                longs++;
                assertEquals(Double.parseDouble(want.metadata().get("rsi")), Double.parseDouble(got.metadata().get("rsi")), 1e-7);
                assertTrue(got.reason().contains("bullish FVG") || got.reason().contains("bullish RSI divergence"), got.reason());
            } else {
                flats++;
            }
        }
        assertEquals(expected.suppressed(), actual.suppressed());
        return new int[] {longs, flats, actual.suppressed().size()};
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BTC", "ETH"})
    void onFifteenMinutesWithTheHourlyGateEveryEntryIsHeldBackWhileTheHourlyTrendWarmsUp(String asset) {
        // 720 minutes are 12 hourly bars: ADX(14) of 1h cannot be ready, so every set-up is held back and counted
        List<RealData.Candle> minutes = RealData.fixture1m(asset);
        int[] counts = check(minutes, Timeframe.M15, Timeframe.H1, 50, 20, 12, false);
        assertEquals(0, counts[0]);
        assertTrue(counts[2] >= 1, "no set-up on the fixture");
        Run run = run(minutes, parameters(Timeframe.M15, Timeframe.H1, 50, 20, 12, false));
        for (String s : run.suppressed()) {
            assertTrue(s.endsWith("held back: 1h trend gate still warming up"), s);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BTC", "ETH"})
    void onFiveMinutesWithTheFifteenMinuteGateLongsComeOnlyWithEvidenceAndTheGatesConsent(String asset) {
        List<RealData.Candle> minutes = RealData.fixture1m(asset);
        int[] counts = check(minutes, Timeframe.M5, Timeframe.M15, 10, 15, 12, false);
        assertTrue(counts[1] >= 1 && counts[2] >= 1, "LONG/FLAT/held back: " + counts[0] + "/" + counts[1] + "/" + counts[2]);
        // with require-sweep the set-up waits (armed) for a sweep within the lookback
        check(minutes, Timeframe.M5, Timeframe.M15, 10, 15, 24, true);
    }

    @Test
    void onTheFixturesBothAssetsTogetherRaiseLongsAndHoldSomeBackForTheTrend() {
        int longs = 0;
        int heldBackByTheTrend = 0;
        for (String asset : List.of("BTC", "ETH")) {
            List<RealData.Candle> minutes = RealData.fixture1m(asset);
            int[] counts = check(minutes, Timeframe.M5, Timeframe.M15, 10, 15, 12, false);
            longs += counts[0];
            for (String s : run(minutes, parameters(Timeframe.M5, Timeframe.M15, 10, 15, 12, false)).suppressed()) {
                if (s.contains("slopes") || s.contains("ADX")) {
                    heldBackByTheTrend++;
                }
            }
        }
        assertTrue(longs >= 1, "no LONG at all: the evidence and gate checks were vacuous");
        assertTrue(heldBackByTheTrend >= 1, "no entry held back by the trend itself (only by warm-up)");
    }

    @Test
    void twoRunsOnTheSameBarsGiveTheSameSignalsAndEqualFinalStates() {
        List<RealData.Candle> minutes = RealData.fixture1m("BTC");
        Map<String, Object> p = parameters(Timeframe.M5, Timeframe.M15, 10, 15, 12, false);
        Run first = run(minutes, p);
        Run second = run(minutes, p);
        assertEquals(first.signals(), second.signals());
        assertEquals(first.suppressed(), second.suppressed());
        assertEquals(first.finalState(), second.finalState());
        assertTrue(!first.signals().isEmpty());
    }

    @Test
    void stateKeepsTheCountersOfItsHeldBackEntries() {
        Run run = run(RealData.fixture1m("BTC"), parameters(Timeframe.M15, Timeframe.H1, 50, 20, 12, false));
        MultiTimeframeStrategy.State wrapped = assertInstanceOf(MultiTimeframeStrategy.State.class, run.finalState());
        SmcConfluenceState inner = assertInstanceOf(SmcConfluenceState.class, wrapped.inner());
        assertEquals(run.suppressed().size(), inner.suppressedEntries());
        assertEquals(inner, wrapped.suppressions());
    }

    @Test
    void onTwoWeeksOfRealMinutesWithTheDefaultFifteenMinuteAndHourlyTimeframes() {
        assumeTrue(RealData.sharedFileExists(SHARED_BTC), "shared data set not present");
        List<RealData.Candle> minutes = RealData.sharedFreqtrade1m(SHARED_BTC, 14 * 1440);
        int[] counts = check(minutes, Timeframe.M15, Timeframe.H1, 50, 20, 12, false);
        assertTrue(counts[0] >= 3 && counts[1] >= 10 && counts[2] >= 3, "LONG/FLAT/held back: " + counts[0] + "/" + counts[1] + "/" + counts[2]);
        int[] withSweep = check(minutes, Timeframe.M15, Timeframe.H1, 50, 20, 12, true);
        assertTrue(withSweep[0] + withSweep[2] >= 1, "require-sweep never completed a set-up");
    }

    @Test
    void trendTimeframeMustBeHigherThanTheTimeframe() {
        StrategyConfigException e = assertThrows(StrategyConfigException.class,
                () -> StrategyCatalog.create(ID, SmcConfluenceStrategy.TYPE, Map.of("timeframe", "1h", "trend-timeframe", "15m")));
        assertEquals("strategies.smc.trend-timeframe (15m) must be higher than timeframe (1h)", e.getMessage());
    }
}

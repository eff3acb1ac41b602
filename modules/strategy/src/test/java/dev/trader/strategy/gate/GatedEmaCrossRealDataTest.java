package dev.trader.strategy.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import dev.trader.strategy.StrategyState;
import dev.trader.strategy.builtin.RealData;
import dev.trader.strategy.builtin.Reference;
import dev.trader.strategy.emacross.EmaCrossState;
import dev.trader.strategy.emacross.EmaCrossStrategy;
import dev.trader.strategy.timeframe.MultiTimeframeStrategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped gated EMA cross (EMA12/26 of 1m, gate EMA20/ADX14 of 15m at 20) on real 1m bars,
 * wrapped by {@link MultiTimeframeStrategy} so that it is fed 1m bars only. Between bars the
 * test reads the strategy's gate: a LONG is raised only while that gate allows it, a vetoed
 * entry is counted with the gate's reason, exits are never held back, and the gate equals a
 * separate gate fed only the 15m bars that had closed (no look-ahead).
 */
class GatedEmaCrossRealDataTest {
    private static final StrategyId ID = new StrategyId("trend");

    /** Counts over one run. */
    private static final class Tally {
        int longs;
        int flats;
        int vetoed;
        int vetoedByTrend;
        int gateAllowedAtSomeCross;
    }

    private static Map<String, Object> gated(int ema, double adxMin) {
        return Map.of("fast", 12, "slow", 26, "gate", Map.of("timeframe", "15m", "ema", ema, "adx", 14, "adx-min", adxMin));
    }

    private static Tally runAndCheck(List<RealData.Candle> minutes, int gateEma, double adxMin) {
        Tally tally = new Tally();
        Strategy strategy = MultiTimeframeStrategy.onBase(StrategyCatalog.create(ID, EmaCrossStrategy.TYPE, gated(gateEma, adxMin)), Timeframe.M1);
        StrategyState state = strategy.initialState(RealData.BTC);
        EmaCrossState inner = assertInstanceOf(EmaCrossState.class, assertInstanceOf(MultiTimeframeStrategy.State.class, state).inner());
        assertSame(inner, state.suppressions(), "the wrapper reports the strategy's own counters");

        double[] closes = Reference.closes(minutes);
        int[] crosses = Reference.crosses(Reference.ema(closes, 12), Reference.ema(closes, 26));
        List<RealData.Candle> quarters = RealData.rollUp(minutes, Timeframe.M15);
        TrendGate closedOnly = new TrendGate(Timeframe.M15, gateEma, 14, adxMin);
        int fed = 0;

        List<Bar> bars = RealData.bars(minutes, RealData.BTC, Timeframe.M1);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            String blockedBefore = inner.gate().blocksLong();
            long suppressedBefore = inner.suppressedEntries();
            Optional<Signal> signal = strategy.onBar(state, bar);

            while (fed < quarters.size() && !quarters.get(fed).openTime().plus(Timeframe.M15.duration()).isAfter(bar.closeTime())) {
                closedOnly.onBar(quarters.get(fed++).bar(RealData.BTC, Timeframe.M15));
            }
            assertEquals(closedOnly, inner.gate(), "after the 1m bar of " + bar.openTime() + " the gate has seen exactly the closed 15m bars");

            SignalDirection direction = signal.map(Signal::direction).orElse(null);
            if (direction == SignalDirection.LONG) {
                assertNull(blockedBefore, "LONG at " + bar.closeTime() + " while the gate said: " + blockedBefore);
            }
            if (crosses[i] > 0 && blockedBefore == null) {
                tally.gateAllowedAtSomeCross++;
                assertEquals(SignalDirection.LONG, direction, "cross up at " + bar.closeTime() + " with the gate open");
                assertEquals(suppressedBefore, inner.suppressedEntries());
                tally.longs++;
            } else if (crosses[i] > 0) {
                assertEquals(Optional.empty(), signal, "cross up at " + bar.closeTime() + " vetoed by: " + blockedBefore);
                assertEquals(suppressedBefore + 1, inner.suppressedEntries(), "a vetoed entry is counted");
                String reason = inner.lastSuppression();
                assertEquals("LONG at " + bar.closeTime() + " held back: " + blockedBefore, reason);
                assertTrue(reason.contains("15m"), reason);
                tally.vetoed++;
                if (reason.contains("15m EMA" + gateEma + " slopes") || reason.contains("15m ADX")) {
                    tally.vetoedByTrend++;
                }
            } else if (crosses[i] < 0) {
                assertEquals(SignalDirection.FLAT, direction, "a cross down is an exit and is never held back (" + bar.closeTime() + ")");
                assertEquals(suppressedBefore, inner.suppressedEntries());
                tally.flats++;
            } else {
                assertEquals(Optional.empty(), signal, "no cross at " + bar.closeTime());
                assertEquals(suppressedBefore, inner.suppressedEntries());
            }
            signal.ifPresent(s -> {
                assertEquals(Timeframe.M1, s.timeframe());
                assertEquals(bar.closeTime(), s.time());
            });
        }
        assertEquals(quarters.size(), fed);
        assertEquals(tally.vetoed, inner.suppressedEntries(), "every veto was counted, nothing else");
        return tally;
    }

    @Test
    void shippedGateOnRealMinutesLongsOnlyWithItsConsentVetoesCountedExitsNeverHeld() {
        // conf/strategies/ema-cross.conf: fast 12, slow 26, gate { timeframe 15m, ema 20, adx 14, adx-min 20 }
        int longs = 0;
        int flats = 0;
        int vetoed = 0;
        for (String asset : List.of("BTC", "ETH")) {
            Tally t = runAndCheck(RealData.fixture1m(asset), 20, 20);
            longs += t.longs;
            flats += t.flats;
            vetoed += t.vetoed;
        }
        assertTrue(longs >= 1, "no LONG got through the gate: the consent check was vacuous");
        assertTrue(flats >= 5, "too few exits: " + flats);
        assertTrue(vetoed >= 1, "no veto at all");
    }

    @ParameterizedTest(name = "{0}, gate EMA{1}, ADX floor {2}")
    @CsvSource({"BTC, 10, 30", "ETH, 10, 30", "BTC, 5, 25", "ETH, 5, 25", "ETH, 20, 40"})
    void fasterOrStricterGatesVetoEntriesNamingTheSlopeOrTheAdx(String asset, int gateEma, double adxMin) {
        Tally t = runAndCheck(RealData.fixture1m(asset), gateEma, adxMin);
        assertTrue(t.vetoedByTrend >= 1, "no veto named the 15m slope or ADX");
        assertTrue(t.longs >= 1 && t.flats >= 5, "LONG " + t.longs + ", FLAT " + t.flats);
    }

    @Test
    void onAWeekOfRealMinutesTheShippedGateVetoesSomeEntriesForTheTrend() {
        String file = "BTC_USDT-1m_20230316-20230501.json.gz";
        assumeTrue(RealData.sharedFileExists(file), "shared data set not present");
        Tally t = runAndCheck(RealData.sharedFreqtrade1m(file, 7 * 1440), 20, 20);
        assertTrue(t.longs >= 10 && t.vetoedByTrend >= 10, "LONG " + t.longs + ", vetoed for the trend " + t.vetoedByTrend);
    }

    @Test
    void withoutAGateTheSameBarsRaiseEveryCrossAndTheStrategyNeedsNoWrapping() {
        List<RealData.Candle> minutes = RealData.fixture1m("BTC");
        Strategy plain = StrategyCatalog.create(ID, EmaCrossStrategy.TYPE, Map.of("fast", 12, "slow", 26));
        assertSame(plain, MultiTimeframeStrategy.onBase(plain, Timeframe.M1));
        StrategyState state = plain.initialState(RealData.BTC);
        int[] crosses = Reference.crosses(Reference.ema(Reference.closes(minutes), 12), Reference.ema(Reference.closes(minutes), 26));
        List<Bar> bars = RealData.bars(minutes, RealData.BTC, Timeframe.M1);
        int signals = 0;
        for (int i = 0; i < bars.size(); i++) {
            Optional<Signal> s = plain.onBar(state, bars.get(i));
            SignalDirection expected = crosses[i] > 0 ? SignalDirection.LONG : crosses[i] < 0 ? SignalDirection.FLAT : null;
            assertEquals(expected, s.map(Signal::direction).orElse(null), "minute " + i);
            signals += s.isPresent() ? 1 : 0;
        }
        assertTrue(signals >= 10);
        EmaCrossState s = assertInstanceOf(EmaCrossState.class, state);
        assertNull(s.gate());
        assertEquals(0, s.suppressedEntries());
        assertNotNull(s.lastSuppression());
    }
}

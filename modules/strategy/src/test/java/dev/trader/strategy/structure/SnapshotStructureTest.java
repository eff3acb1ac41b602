package dev.trader.strategy.structure;

import dev.trader.strategy.indicator.Atr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.strategy.state.StateObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Detectors are state the engine snapshots: two fed the same bars are equal (equals and
 * hashCode), a field-by-field copy through the private constructor (what a snapshot restore
 * does) is equal to its original, and it goes on to report exactly the same events on the
 * remaining bars, even when cut in the middle of a confirmation window or a ring buffer wrap.
 */
class SnapshotStructureTest {

    /** One detector under test: how to make it and how to feed it one bar (the oscillator is RSI14 of the golden file). */
    record Subject(String name, Supplier<StateObject> factory) {
        List<?> step(StateObject d, Candle b) {
            if (d instanceof DivergenceDetector div) {
                return div.update(b.timeMs(), b.open(), b.high(), b.low(), b.close(), b.extra(Fixtures.GOLDEN_RSI14));
            }
            return ((StructureDetector<?>) d).update(b.timeMs(), b.open(), b.high(), b.low(), b.close());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Subject> subjects() {
        return List.of(
                new Subject("swings 3/4", () -> new SwingDetector(3, 4)),
                new Subject("market structure 2/2 close", () -> new MarketStructure(2, 2)),
                new Subject("market structure 5/3 wick", () -> new MarketStructure(5, 3, BreakTrigger.WICK)),
                new Subject("equal levels atr", () -> new EqualLevelDetector(3, 3, Tolerance.atr(0.1), 14)),
                new Subject("liquidity sweeps", () -> new LiquiditySweepDetector(2, 3, 4)),
                new Subject("fvg wick", () -> new FairValueGapDetector(GapBasis.WICK, 0, 8)),
                new Subject("fvg body", () -> new FairValueGapDetector(GapBasis.BODY, 0, 8)),
                new Subject("divergence", () -> new DivergenceDetector(3, 3, 60)),
                new Subject("candle patterns", CandlePatternDetector::withDefaults),
                new Subject("support resistance", () -> new SupportResistanceLevels(3, 3, Tolerance.atr(0.3), 6)),
                new Subject("atr", () -> new Atr(14)));
    }

    static Stream<Arguments> subjectsAndCuts() {
        List<Arguments> out = new ArrayList<>();
        for (Subject s : subjects()) {
            for (int cut : new int[] {1, 2, 5, 361, 1000, 1999}) {
                out.add(Arguments.of(s, cut));
            }
        }
        return out.stream();
    }

    private static List<List<?>> feed(Subject s, StateObject d, List<Candle> bars) {
        List<List<?>> out = new ArrayList<>();
        for (Candle b : bars) {
            if (d instanceof Atr atr) {
                atr.update(b.open(), b.high(), b.low(), b.close(), b.volume());
                out.add(List.of(atr.value()));
            } else {
                out.add(s.step(d, b));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} cut at {1}")
    @MethodSource("subjectsAndCuts")
    void aRestoredCopyEqualsItsOriginalAndReportsTheSameEventsAfterwards(Subject s, int cut) {
        List<Candle> bars = Fixtures.golden1h();
        List<Candle> prefix = bars.subList(0, cut);
        List<Candle> suffix = bars.subList(cut, bars.size());

        StateObject a = s.factory().get();
        StateObject b = s.factory().get();
        feed(s, a, prefix);
        feed(s, b, prefix);
        assertEquals(a, b, "same prefix, same state");
        assertEquals(a.hashCode(), b.hashCode());

        StateObject restored = StateCopy.of(a);
        assertEquals(a, restored);
        assertEquals(a.hashCode(), restored.hashCode());

        List<List<?>> original = feed(s, a, suffix);
        List<List<?>> afterRestore = feed(s, restored, suffix);
        assertEquals(original, afterRestore, "same events on the suffix");
        assertEquals(a, restored, "and the same state at the end");

        StateObject uninterrupted = s.factory().get();
        List<List<?>> whole = feed(s, uninterrupted, bars);
        assertEquals(whole.subList(cut, bars.size()), original, "cutting the run changes nothing");
        assertTrue(whole.stream().anyMatch(l -> !l.isEmpty()), "the detector reported something on real data");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void aCopyIsIndependentOfItsOriginalAndOneMoreBarMakesStatesDiffer(Subject s) {
        List<Candle> bars = Fixtures.golden1h();
        StateObject a = s.factory().get();
        feed(s, a, bars.subList(0, 500));
        StateObject frozen = StateCopy.of(a);
        StateObject moving = StateCopy.of(a);
        feed(s, moving, bars.subList(500, 501));
        assertEquals(frozen, a, "feeding the copy left the original alone");
        assertNotEquals(a, moving);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void differentHistoriesGiveDifferentStates(Subject s) {
        List<Candle> bars = Fixtures.golden1h();
        StateObject a = s.factory().get();
        StateObject b = s.factory().get();
        feed(s, a, bars.subList(0, 300));
        feed(s, b, bars.subList(1, 301));
        assertNotEquals(a, b);
    }
}

package dev.trader.strategy.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The detectors on real Binance candles (BTC and ETH 1m, BTC 1h, the outage slice with its flat
 * candle, the 2022 TA-Lib golden 1h bars), each checked against an independent brute-force scan
 * of the whole series ({@link BruteForce}) or against properties read off the raw bars.
 */
class RealDataStructureTest {
    private static final int[][] WINDOWS = {{1, 1}, {2, 2}, {3, 5}, {5, 3}, {10, 10}, {20, 7}};

    static Stream<Arguments> fixturesAndWindows() {
        List<Arguments> out = new ArrayList<>();
        for (Fixtures.Named f : Fixtures.allRealFixtures()) {
            for (int[] w : WINDOWS) {
                out.add(Arguments.of(f, w[0], w[1]));
            }
        }
        return out.stream();
    }

    static Stream<Fixtures.Named> fixtures() {
        return Fixtures.allRealFixtures().stream();
    }

    @ParameterizedTest(name = "{0} left {1} right {2}")
    @MethodSource("fixturesAndWindows")
    void swingsEqualABruteForceScanAndEachIsTheExtremeOfItsWindow(Fixtures.Named f, int left, int right) {
        List<Candle> bars = f.bars();
        SwingDetector d = new SwingDetector(left, right);
        List<Swing> swings = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Candle b = bars.get(i);
            for (Swing s : d.update(b.timeMs(), b.open(), b.high(), b.low(), b.close())) {
                assertEquals(i, s.confirmedIndex(), "reported by the confirming bar");
                assertEquals(s.barIndex() + right, s.confirmedIndex(), "never before its right-side bars closed");
                swings.add(s);
            }
        }
        assertEquals(BruteForce.swings(bars, left, right), swings);
        assertFalse(swings.isEmpty());
        for (Swing s : swings) {
            int c = (int) s.barIndex();
            for (int j = c - left; j <= c + right; j++) {
                Candle b = bars.get(j);
                if (s.isHigh()) {
                    assertTrue(s.price() >= b.high(), "swing high " + s + " is the highest high of its window");
                } else {
                    assertTrue(s.price() <= b.low(), "swing low " + s + " is the lowest low of its window");
                }
            }
            assertEquals(s.isHigh() ? bars.get(c).high() : bars.get(c).low(), s.price());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void labelsAndTrendAreConsistentWithTheSwingPrices(Fixtures.Named f) {
        List<Candle> bars = f.bars();
        SwingDetector d = new SwingDetector(3, 3);
        Swing lastHigh = null;
        Swing lastLow = null;
        int ups = 0;
        int downs = 0;
        for (Candle b : bars) {
            for (Swing s : d.update(b.timeMs(), b.open(), b.high(), b.low(), b.close())) {
                Swing previous = s.isHigh() ? lastHigh : lastLow;
                SwingLabel expected = previous == null ? SwingLabel.NONE
                        : s.isHigh() ? (s.price() > previous.price() ? SwingLabel.HH : SwingLabel.LH)
                        : (s.price() < previous.price() ? SwingLabel.LL : SwingLabel.HL);
                assertEquals(expected, s.label(), s.toString());
                if (s.isHigh()) {
                    lastHigh = s;
                } else {
                    lastLow = s;
                }
            }
            Trend expectedTrend = lastHigh != null && lastLow != null && lastHigh.label() == SwingLabel.HH
                    && lastLow.label() == SwingLabel.HL ? Trend.UP
                    : lastHigh != null && lastLow != null && lastHigh.label() == SwingLabel.LH
                    && lastLow.label() == SwingLabel.LL ? Trend.DOWN : Trend.NEUTRAL;
            assertEquals(expectedTrend, d.trend());
            ups += d.trend() == Trend.UP ? 1 : 0;
            downs += d.trend() == Trend.DOWN ? 1 : 0;
        }
        assertTrue(ups > 0 && downs > 0, "real data shows both trends: up " + ups + ", down " + downs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void structureBreaksEqualABruteForceReplay(Fixtures.Named f) {
        for (BreakTrigger trigger : BreakTrigger.values()) {
            for (int[] w : new int[][] {{2, 2}, {5, 5}}) {
                List<StructureBreak> breaks = Feed.all(new MarketStructure(w[0], w[1], trigger), f.bars());
                List<StructureBreak> expected = BruteForce.breaks(f.bars(), BruteForce.swings(f.bars(), w[0], w[1]), trigger);
                assertEquals(expected, breaks, trigger + " " + w[0] + "/" + w[1]);
                assertTrue(breaks.stream().anyMatch(b -> b.type() == BreakType.CHOCH));
                assertTrue(breaks.stream().anyMatch(b -> b.type() == BreakType.BOS));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fairValueGapsAndFillsEqualABruteForceScan(Fixtures.Named f) {
        List<Candle> bars = f.bars();
        for (GapBasis basis : GapBasis.values()) {
            for (double minSize : new double[] {0, medianRange(bars) / 4}) {
                List<GapEvent> events = Feed.all(new FairValueGapDetector(basis, minSize, bars.size()), bars);
                assertEquals(BruteForce.gaps(bars, basis, minSize), events, basis + " min " + minSize);
                if (minSize == 0) {
                    assertTrue(events.stream().anyMatch(e -> e instanceof FairValueGap), "gaps exist in " + f);
                    assertTrue(events.stream().anyMatch(e -> e instanceof GapFill g && g.status() == FillStatus.FILLED));
                }
                for (GapEvent e : events) {
                    if (e instanceof GapFill g) {
                        assertTrue(g.filledFraction() > 0 && g.filledFraction() <= 1, g.toString());
                        assertTrue(g.barIndex() > g.gap().confirmedIndex(), "fills only after the third bar");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void candlePatternsEqualABruteForceRecheck(Fixtures.Named f) {
        double[][] thresholds = {{2.0 / 3, 0.25, 0.1}, {0.6, 0.3, 0.05}, {0.75, 0.2, 0.2}};
        for (double[] t : thresholds) {
            List<CandlePattern> found = Feed.all(new CandlePatternDetector(t[0], t[1], t[2]), f.bars());
            assertEquals(BruteForce.patterns(f.bars(), t[0], t[1], t[2]), found);
            for (PatternType type : PatternType.values()) {
                assertTrue(found.stream().anyMatch(p -> p.type() == type) || f.bars().size() < 1000,
                        type + " appears in " + f);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void liquiditySweepsEqualABruteForceScan(Fixtures.Named f) {
        List<Candle> bars = f.bars();
        for (int[] w : new int[][] {{2, 2}, {5, 5}, {3, 8}}) {
            List<LiquiditySweep> sweeps = Feed.all(new LiquiditySweepDetector(w[0], w[1], bars.size()), bars);
            assertEquals(BruteForce.sweeps(bars, BruteForce.swings(bars, w[0], w[1])), sweeps);
            assertFalse(sweeps.isEmpty());
            for (LiquiditySweep s : sweeps) {
                Candle b = bars.get((int) s.barIndex());
                assertTrue(s.sweptKind() == SwingKind.HIGH ? b.high() > s.level() && b.close() < s.level()
                        : b.low() < s.level() && b.close() > s.level(), s.toString());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void equalLevelsEqualABruteForcePairing(Fixtures.Named f) {
        List<Candle> bars = f.bars();
        double[] atr = BruteForce.atr(bars, 14);
        for (Tolerance tol : new Tolerance[] {Tolerance.fractionOfPrice(0.0003), Tolerance.atr(0.1), new Tolerance(0.01, 0.0001, 0.05)}) {
            List<EqualLevel> found = Feed.all(new EqualLevelDetector(3, 3, tol, 14), bars);
            assertEquals(BruteForce.equalLevels(BruteForce.swings(bars, 3, 3), tol, atr), found, tol.toString());
        }
    }

    @ParameterizedTest(name = "RSI14 and MACD histogram, left {0} right {1}")
    @MethodSource("windows")
    void divergencesOnTaLibOscillatorsEqualABruteForcePairing(int left, int right) {
        List<Candle> bars = Fixtures.golden1h();
        List<Swing> swings = BruteForce.swings(bars, left, right);
        for (int column : new int[] {Fixtures.GOLDEN_RSI14, Fixtures.GOLDEN_MACD_HIST}) {
            for (int maxBetween : new int[] {Integer.MAX_VALUE, 30}) {
                List<Divergence> found = Feed.divergences(new DivergenceDetector(left, right, maxBetween), bars, column);
                assertEquals(BruteForce.divergences(bars, swings, column, maxBetween), found);
                if (maxBetween == Integer.MAX_VALUE) {
                    for (DivergenceType type : DivergenceType.values()) {
                        assertTrue(found.stream().anyMatch(d -> d.type() == type), type + " on column " + column);
                    }
                }
                for (Divergence d : found) {
                    assertEquals(d.secondBarIndex() + right, d.confirmedIndex());
                    assertFalse(Double.isNaN(d.firstOscillator()));
                }
            }
        }
    }

    static Stream<Arguments> windows() {
        return Stream.of(Arguments.of(2, 2), Arguments.of(5, 5), Arguments.of(3, 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void supportResistanceLevelsAreBoundedScoredInTheUnitIntervalAndConsistent(Fixtures.Named f) {
        List<Candle> bars = f.bars();
        SupportResistanceLevels d = new SupportResistanceLevels(3, 3, Tolerance.atr(0.5), 8);
        for (Candle b : bars) {
            for (PriceLevel l : d.update(b.timeMs(), b.open(), b.high(), b.low(), b.close())) {
                assertLevelConsistent(l);
            }
            List<PriceLevel> levels = d.levels();
            assertTrue(levels.size() <= 8);
            levels.forEach(RealDataStructureTest::assertLevelConsistent);
        }
        assertEquals(8, d.levels().size());
        assertTrue(d.levels().stream().anyMatch(l -> l.touches() > 1), "some level was touched again");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void withZeroToleranceEachLevelCountsTheSwingsAtExactlyItsPrice(Fixtures.Named f) {
        List<Candle> bars = f.bars();
        SupportResistanceLevels d = new SupportResistanceLevels(2, 2, Tolerance.price(0), bars.size(), 14, 2, 100);
        Feed.all(d, bars);
        List<Swing> used = BruteForce.swings(bars, 2, 2).stream().filter(s -> s.confirmedIndex() >= 14).toList();
        long distinct = used.stream().mapToDouble(Swing::price).distinct().count();
        assertEquals(distinct, d.levels().size());
        for (PriceLevel l : d.levels()) {
            long atPrice = used.stream().filter(s -> s.price() == l.price()).count();
            assertEquals(atPrice, l.touches(), l.toString());
            assertEquals(l.lowest(), l.highest());
        }
    }

    private static void assertLevelConsistent(PriceLevel l) {
        assertTrue(l.score() >= 0 && l.score() <= 1, l.toString());
        assertTrue(l.rejection() >= 0 && l.rejection() <= 1, l.toString());
        assertEquals(l.touches(), l.highTouches() + l.lowTouches());
        assertTrue(l.lowest() <= l.price() + 1e-9 && l.price() <= l.highest() + 1e-9, l.toString());
        assertTrue(l.firstTouchIndex() <= l.lastTouchIndex());
    }

    private static double medianRange(List<Candle> bars) {
        double[] r = bars.stream().mapToDouble(b -> b.high() - b.low()).sorted().toArray();
        return r[r.length / 2];
    }
}

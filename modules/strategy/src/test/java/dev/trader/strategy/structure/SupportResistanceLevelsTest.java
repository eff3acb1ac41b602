package dev.trader.strategy.structure;

import static dev.trader.strategy.structure.Candle.ohlc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SupportResistanceLevelsTest {

    /**
     * left = 1, right = 1, tolerance 0.5, at most 2 levels, ATR(1) (= the bar's true range),
     * full rejection at a 2-ATR retreat, half-life 10 bars:
     * <pre>
     * bar  open  high  low  close  TR
     *  0   10    10    9    9.5
     *  1   9.5   12    9.5  11            swing high 12
     *  2   11    11    8    8.5    3      confirms high 12: retreat 12 - 8 = 4, rejection min(1, 4 / (2 * 3)) = 2/3
     *                                     -&gt; new level A (12)
     *                                     swing low 8
     *  3   8.5   11.8  8.5  11.5   3.3    confirms low 8: retreat 11.8 - 8 = 3.8, rejection 3.8 / 6.6; 4 from A
     *                                     -&gt; new level B (8)
     *                                     swing high 11.8
     *  4   11.5  11.6  10   10.2   1.6    confirms high 11.8: retreat 11.8 - 10 = 1.8, rejection 1.8 / 3.2;
     *                                     0.2 from A -&gt; A: mean 11.9, 2 touches, last touch bar 3
     *  5   10.2  10.4  9.6  10            swing low 9.6
     *  6   10    10.9  9.8  10.8   1.1    confirms low 9.6: retreat 10.9 - 9.6 = 1.3, rejection 1.3 / 2.2;
     *                                     far from both -&gt; new level, but 2 are kept: drop the weaker at bar 6:
     *                                     A = 0.4 * (1 - 1/2) + 0.3 * 0.5^(3/10) + 0.3 * (2/3 + 1.8/3.2) / 2 = 0.628
     *                                     B = 0.4 * 0         + 0.3 * 0.5^(4/10) + 0.3 * (3.8/6.6)         = 0.400
     *                                     -&gt; B goes, C (9.6) comes
     * </pre>
     */
    static final List<Candle> BARS = Candle.timed(ohlc(10, 10, 9, 9.5), ohlc(9.5, 12, 9.5, 11), ohlc(11, 11, 8, 8.5),
            ohlc(8.5, 11.8, 8.5, 11.5), ohlc(11.5, 11.6, 10, 10.2), ohlc(10.2, 10.4, 9.6, 10), ohlc(10, 10.9, 9.8, 10.8));

    private static SupportResistanceLevels detector() {
        return new SupportResistanceLevels(1, 1, Tolerance.price(0.5), 2, 1, 2.0, 10.0);
    }

    private static double score(int touches, long age, double rejection) {
        return 0.4 * (1 - 1.0 / touches) + 0.3 * Math.pow(0.5, age / 10.0) + 0.3 * rejection;
    }

    @Test
    void swingsClusterIntoLevelsWithTheDocumentedScore() {
        SupportResistanceLevels d = detector();
        List<List<PriceLevel>> perBar = Feed.perBar(d, BARS);
        assertEquals(List.of(), perBar.get(1));
        PriceLevel a1 = perBar.get(2).get(0);
        assertEquals(new PriceLevel(12, 12, 12, 1, 1, 0, 1, 1, 2.0 / 3, score(1, 1, 2.0 / 3)).toString(), a1.toString());
        PriceLevel b = perBar.get(3).get(0);
        assertLevel(new PriceLevel(8, 8, 8, 1, 0, 1, 2, 2, 3.8 / 6.6, score(1, 1, 3.8 / 6.6)), b);
        double aRejection = (2.0 / 3 + 1.8 / 3.2) / 2;
        PriceLevel a2 = perBar.get(4).get(0);
        assertLevel(new PriceLevel(11.9, 11.8, 12, 2, 2, 0, 1, 3, aRejection, score(2, 1, aRejection)), a2);
        assertEquals(List.of(), perBar.get(5));
        PriceLevel c = perBar.get(6).get(0);
        assertLevel(new PriceLevel(9.6, 9.6, 9.6, 1, 0, 1, 5, 5, 1.3 / 2.2, score(1, 1, 1.3 / 2.2)), c);

        List<PriceLevel> kept = d.levels();
        assertEquals(2, kept.size(), "B (8) was dropped: " + kept);
        assertLevel(c, kept.get(0));
        assertLevel(new PriceLevel(11.9, 11.8, 12, 2, 2, 0, 1, 3, aRejection, score(2, 3, aRejection)), kept.get(1));
        assertTrue(score(2, 3, aRejection) > score(1, 4, 3.8 / 6.6), "A outscored B at bar 6");
    }

    @Test
    void scoresDecayWithAgeAndStayInTheUnitInterval() {
        SupportResistanceLevels d = detector();
        Feed.all(d, BARS);
        double before = d.levels().get(1).score();
        for (int i = 0; i < 30; i++) {
            d.update((7 + i) * Candle.MINUTE, 10.5, 10.5, 10.5, 10.5);
        }
        double after = d.levels().get(1).score();
        assertTrue(after < before, after + " < " + before);
        for (PriceLevel l : d.levels()) {
            assertTrue(l.score() >= 0 && l.score() <= 1, l.toString());
        }
    }

    @Test
    void nearestSupportAndResistanceAreStrictlyBelowAndAbove() {
        SupportResistanceLevels d = detector();
        Feed.all(d, BARS);
        assertEquals(9.6, d.nearestSupport(10.8).orElseThrow().price(), 1e-12);
        assertEquals(11.9, d.nearestResistance(10.8).orElseThrow().price(), 1e-12);
        assertTrue(d.nearestSupport(9.6).isEmpty());
        assertTrue(d.nearestResistance(11.9).isEmpty());
    }

    @Test
    void swingsConfirmedBeforeTheAtrIsReadyAreIgnored() {
        // ATR(5) is ready after 6 bars (bar 5): only the swing low confirmed at bar 6 is used
        SupportResistanceLevels d = new SupportResistanceLevels(1, 1, Tolerance.price(0.5), 2, 5, 2.0, 10.0);
        List<List<PriceLevel>> perBar = Feed.perBar(d, BARS);
        for (int bar = 0; bar < 6; bar++) {
            assertEquals(List.of(), perBar.get(bar));
        }
        assertEquals(1, d.levels().size());
        assertEquals(9.6, d.levels().get(0).price());
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SupportResistanceLevels(1, 1, null, 2));
        assertThrows(IllegalArgumentException.class, () -> new SupportResistanceLevels(1, 1, Tolerance.price(1), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new SupportResistanceLevels(1, 1, Tolerance.price(1), 2, 14, 0, 10));
        assertThrows(IllegalArgumentException.class,
                () -> new SupportResistanceLevels(1, 1, Tolerance.price(1), 2, 14, 1, -1));
    }

    private static void assertLevel(PriceLevel expected, PriceLevel actual) {
        String msg = "expected " + expected + " but was " + actual;
        assertEquals(expected.price(), actual.price(), 1e-9, msg);
        assertEquals(expected.lowest(), actual.lowest(), 1e-12, msg);
        assertEquals(expected.highest(), actual.highest(), 1e-12, msg);
        assertEquals(expected.touches(), actual.touches(), msg);
        assertEquals(expected.highTouches(), actual.highTouches(), msg);
        assertEquals(expected.lowTouches(), actual.lowTouches(), msg);
        assertEquals(expected.firstTouchIndex(), actual.firstTouchIndex(), msg);
        assertEquals(expected.lastTouchIndex(), actual.lastTouchIndex(), msg);
        assertEquals(expected.rejection(), actual.rejection(), 1e-9, msg);
        assertEquals(expected.score(), actual.score(), 1e-9, msg);
    }
}

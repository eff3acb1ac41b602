package dev.trader.strategy.structure;

import static dev.trader.strategy.structure.Candle.hl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwingDetectorTest {

    /**
     * left = 2, right = 2 (bars: high / low):
     * <pre>
     * bar  high  low
     *  0   10    9
     *  1   11    10
     *  2   15    12   high 15 &gt; 10, 11 (left) and &gt;= 12, 11 (right): swing high, known at bar 2 + 2 = 4
     *  3   12    10
     *  4   11    8    low 8 &lt; 12, 10 (left) and &lt;= 9, 11 (right): swing low, known at bar 4 + 2 = 6
     *  5   13    9
     *  6   14    11
     * </pre>
     * No other bar qualifies (bar 3's low 10 only equals bar 1's low, which is on its left).
     */
    private static final List<Candle> DELAY = Candle.timed(hl(10, 9), hl(11, 10), hl(15, 12), hl(12, 10), hl(11, 8),
            hl(13, 9), hl(14, 11));

    @Test
    void swingHighIsNotReportedBeforeItsRightBarsHaveClosed() {
        SwingDetector d = new SwingDetector(2, 2);
        List<List<Swing>> perBar = Feed.perBar(d, DELAY);
        for (int bar : new int[] {0, 1, 2, 3}) {
            assertEquals(List.of(), perBar.get(bar), "nothing is known at bar " + bar);
        }
        assertEquals(List.of(new Swing(SwingKind.HIGH, SwingLabel.NONE, 15, 2, 2 * Candle.MINUTE, 4)), perBar.get(4));
        assertEquals(List.of(), perBar.get(5), "the swing low at bar 4 still needs bar 6");
        assertEquals(List.of(new Swing(SwingKind.LOW, SwingLabel.NONE, 8, 4, 4 * Candle.MINUTE, 6)), perBar.get(6));
    }

    @Test
    void confirmedIndexIsAlwaysThePivotPlusTheRightBars() {
        SwingDetector d = new SwingDetector(2, 2);
        List<List<Swing>> perBar = Feed.perBar(d, DELAY);
        for (int bar = 0; bar < perBar.size(); bar++) {
            for (Swing s : perBar.get(bar)) {
                assertEquals(bar, s.confirmedIndex());
                assertEquals(s.barIndex() + 2, s.confirmedIndex());
            }
        }
        assertEquals(2, d.confirmationDelay());
    }

    @Test
    void theFirstLeftBarsCannotBeSwingsForLackOfALeftSide() {
        // left = 2, right = 1: bar 0 has the highest high and the lowest low of all, but no two bars on its left
        SwingDetector d = new SwingDetector(2, 1);
        assertEquals(List.of(), Feed.all(d, Candle.timed(hl(20, 1), hl(10, 5), hl(9, 6), hl(8, 7))));
    }

    @Test
    void aRunOfEqualHighsGivesOneSwingAtItsFirstBar() {
        // left = 1, right = 1; highs 5, 8, 8, 8, 6 (lows all 1: a flat low is never strictly below its left bar)
        // bar 1: 8 > 5 and 8 >= 8 -> swing high, confirmed by bar 2
        // bars 2 and 3: 8 is not strictly above the 8 on their left -> not swings
        SwingDetector d = new SwingDetector(1, 1);
        List<List<Swing>> perBar = Feed.perBar(d, Candle.timed(hl(5, 1), hl(8, 1), hl(8, 1), hl(8, 1), hl(6, 1)));
        assertEquals(List.of(List.of(), List.of(), List.of(new Swing(SwingKind.HIGH, SwingLabel.NONE, 8, 1, Candle.MINUTE, 2)),
                List.of(), List.of()), perBar);
    }

    @Test
    void aHighEqualToALeftBarIsNotASwingButOneEqualToARightBarIs() {
        // left = 2, right = 1; highs 8, 5, 8, 6: bar 2 equals bar 0 (on its left) -> no swing
        assertEquals(List.of(), Feed.all(new SwingDetector(2, 1), Candle.timed(hl(8, 1), hl(5, 1), hl(8, 1), hl(6, 1))));
        // left = 1, right = 2; highs 5, 8, 7, 8: bar 1 equals bar 3 (on its right) -> swing high at bar 1, known at bar 3
        assertEquals(List.of(new Swing(SwingKind.HIGH, SwingLabel.NONE, 8, 1, Candle.MINUTE, 3)),
                Feed.all(new SwingDetector(1, 2), Candle.timed(hl(5, 1), hl(8, 1), hl(7, 1), hl(8, 1))));
    }

    @Test
    void equalLowsFollowTheSameTieRule() {
        // left = 1, right = 1; lows 5, 2, 2, 3 (highs 10): bar 1 is the swing low (2 < 5, 2 <= 2); bar 2 is not (2 < 2 is false)
        assertEquals(List.of(new Swing(SwingKind.LOW, SwingLabel.NONE, 2, 1, Candle.MINUTE, 2)),
                Feed.all(new SwingDetector(1, 1), Candle.timed(hl(10, 5), hl(10, 2), hl(10, 2), hl(10, 3))));
    }

    /**
     * left = 1, right = 1:
     * <pre>
     * bar  high  low
     *  0   10    8
     *  1   12    9    swing high 12 (first: NONE)             known at 2
     *  2   11    7    swing low 7 (first: NONE)               known at 3
     *  3   14    8    swing high 14 &gt; 12: HH                  known at 4   trend: HH + NONE = neutral
     *  4   13    9
     *  5   12    7    swing low 7 = 7: HL (not lower)         known at 6   trend: HH + HL = UP
     *  6   14    8    swing high 14 = 14: LH (not higher)     known at 7   trend: LH + HL = neutral
     *  7   13    6    swing low 6 &lt; 7: LL                     known at 8   trend: LH + LL = DOWN
     *  8   15    9    swing high 15 &gt; 14: HH                  known at 9   trend: HH + LL = neutral
     *  9   10    9
     * </pre>
     */
    @Test
    void labelsCompareWithThePreviousSwingOfTheSameKindAndEqualPricesDoNotBreakIt() {
        SwingDetector d = new SwingDetector(1, 1);
        List<Candle> bars = Candle.timed(hl(10, 8), hl(12, 9), hl(11, 7), hl(14, 8), hl(13, 9), hl(12, 7), hl(14, 8),
                hl(13, 6), hl(15, 9), hl(10, 9));
        List<Swing> swings = new ArrayList<>();
        List<Trend> trends = new ArrayList<>();
        for (Candle b : bars) {
            swings.addAll(d.update(b.timeMs(), b.open(), b.high(), b.low(), b.close()));
            trends.add(d.trend());
        }
        long m = Candle.MINUTE;
        assertEquals(List.of(
                new Swing(SwingKind.HIGH, SwingLabel.NONE, 12, 1, m, 2),
                new Swing(SwingKind.LOW, SwingLabel.NONE, 7, 2, 2 * m, 3),
                new Swing(SwingKind.HIGH, SwingLabel.HH, 14, 3, 3 * m, 4),
                new Swing(SwingKind.LOW, SwingLabel.HL, 7, 5, 5 * m, 6),
                new Swing(SwingKind.HIGH, SwingLabel.LH, 14, 6, 6 * m, 7),
                new Swing(SwingKind.LOW, SwingLabel.LL, 6, 7, 7 * m, 8),
                new Swing(SwingKind.HIGH, SwingLabel.HH, 15, 8, 8 * m, 9)), swings);
        Trend n = Trend.NEUTRAL;
        assertEquals(List.of(n, n, n, n, n, n, Trend.UP, n, Trend.DOWN, n), trends);
        assertEquals(4, d.highCount());
        assertEquals(3, d.lowCount());
        assertEquals(15, d.lastHigh().orElseThrow().price());
        assertEquals(6, d.lastLow().orElseThrow().price());
    }

    @Test
    void anOutsideBarCanBeASwingHighAndASwingLowAtOnceHighListedFirst() {
        // left = 1, right = 1: bar 1 (12 / 3) is above and below both neighbours (10 / 5 and 11 / 4)
        SwingDetector d = new SwingDetector(1, 1);
        List<List<Swing>> perBar = Feed.perBar(d, Candle.timed(hl(10, 5), hl(12, 3), hl(11, 4)));
        List<Swing> both = List.of(new Swing(SwingKind.HIGH, SwingLabel.NONE, 12, 1, Candle.MINUTE, 2),
                new Swing(SwingKind.LOW, SwingLabel.NONE, 3, 1, Candle.MINUTE, 2));
        assertEquals(both, perBar.get(2));
        assertEquals(both, d.confirmedOnLastBar());
    }

    @Test
    void confirmedOnLastBarIsEmptyOnABarThatConfirmsNothing() {
        SwingDetector d = new SwingDetector(2, 2);
        Feed.all(d, DELAY.subList(0, 5));
        assertEquals(1, d.confirmedOnLastBar().size());
        d.update(5 * Candle.MINUTE, 9, 13, 9, 9);
        assertEquals(List.of(), d.confirmedOnLastBar());
        assertTrue(d.lastLow().isEmpty());
    }

    @Test
    void invalidParametersAndInconsistentBarsAreRejectedWithoutChangingTheState() {
        assertThrows(IllegalArgumentException.class, () -> new SwingDetector(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SwingDetector(1, 0));
        SwingDetector d = new SwingDetector(1, 1);
        d.update(0, 10, 11, 9, 10);
        SwingDetector before = StateCopy.of(d);
        assertThrows(IllegalArgumentException.class, () -> d.update(1, 10, 9, 11, 10));
        assertThrows(IllegalArgumentException.class, () -> d.update(1, 12, 11, 9, 10));
        assertThrows(IllegalArgumentException.class, () -> d.update(1, 10, Double.NaN, 9, 10));
        assertEquals(before, d);
        assertEquals(1, d.barCount());
    }
}

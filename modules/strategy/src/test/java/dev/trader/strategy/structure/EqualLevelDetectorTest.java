package dev.trader.strategy.structure;

import static dev.trader.strategy.structure.Candle.hl;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EqualLevelDetectorTest {
    private static final long M = Candle.MINUTE;

    /**
     * left = 1, right = 1 (open = close = low):
     * <pre>
     * bar  high  low
     *  0   9     8
     *  1   10    8.5   swing high 10                     known at 2
     *  2   9.5   8     swing low 8                       known at 3
     *  3   10.5  8.5   swing high 10.5: |10.5 - 10| = 0.5 known at 4
     *  4   9.5   8.25  swing low 8.25: |8.25 - 8| = 0.25  known at 5
     *  5   11.2  9     swing high 11.2: |11.2 - 10.5| = 0.7 known at 6
     *  6   10    9.5
     * </pre>
     * True ranges (close = low): bar 1 max(1.5, |10-8|, |8.5-8|) = 2, bar 2 1.5, bar 3 2.5, bar 4 1.25,
     * so ATR(3) = (2 + 1.5 + 2.5) / 3 = 2 at bar 3 and (2 * 2 + 1.25) / 3 = 1.75 at bar 4.
     */
    static final List<Candle> BARS = Candle.timed(hl(9, 8), hl(10, 8.5), hl(9.5, 8), hl(10.5, 8.5), hl(9.5, 8.25),
            hl(11.2, 9), hl(10, 9.5));

    @Test
    void priceToleranceIsInclusiveAndComparesWithThePreviousSwingOfTheSameKind() {
        // tolerance 0.5: highs 10 / 10.5 are equal (0.5 <= 0.5, known at bar 4), lows 8 / 8.25 too (known at bar 5),
        // highs 10.5 / 11.2 are not (0.7 > 0.5)
        List<List<EqualLevel>> perBar = Feed.perBar(new EqualLevelDetector(1, 1, Tolerance.price(0.5)), BARS);
        assertEquals(List.of(new EqualLevel(SwingKind.HIGH, 10, 1, 10.5, 3, 3 * M, 0.5, 4)), perBar.get(4));
        assertEquals(List.of(new EqualLevel(SwingKind.LOW, 8, 2, 8.25, 4, 4 * M, 0.5, 5)), perBar.get(5));
        assertEquals(List.of(), perBar.get(6));
        assertEquals(2, perBar.stream().mapToInt(List::size).sum());
    }

    @Test
    void anEqualPairIsNotReportedBeforeTheSecondSwingIsConfirmed() {
        List<List<EqualLevel>> perBar = Feed.perBar(new EqualLevelDetector(1, 1, Tolerance.price(0.5)), BARS.subList(0, 4));
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of()), perBar);
    }

    @Test
    void justOutsideThePriceToleranceIsNotEqual() {
        List<EqualLevel> all = Feed.all(new EqualLevelDetector(1, 1, Tolerance.price(0.24)), BARS);
        assertEquals(List.of(), all);
    }

    @Test
    void atrToleranceUsesTheAtrAtTheConfirmingBar() {
        // at bar 4 ATR(3) = 1.75: multiple 0.25 -> 0.4375 < 0.5 (not equal); multiple 0.3 -> 0.525 >= 0.5 (equal)
        // at bar 5 ATR(3) = (1.75 * 2 + TR5) / 3 with TR5 = max(2.2, |11.2 - 8.25|, |9 - 8.25|) = 2.95 -> 2.15;
        // lows differ by 0.25 <= 0.25 * 2.15
        List<EqualLevel> narrow = Feed.all(new EqualLevelDetector(1, 1, Tolerance.atr(0.25), 3), BARS);
        assertEquals(1, narrow.size());
        assertEquals(SwingKind.LOW, narrow.get(0).kind());
        assertEquals(0.25 * (1.75 * 2 + 2.95) / 3, narrow.get(0).tolerance(), 1e-12);
        List<EqualLevel> wide = Feed.all(new EqualLevelDetector(1, 1, Tolerance.atr(0.3), 3), BARS);
        assertEquals(2, wide.size());
        assertEquals(SwingKind.HIGH, wide.get(0).kind());
        assertEquals(0.3 * 1.75, wide.get(0).tolerance(), 1e-12);
    }

    @Test
    void nothingIsReportedWhileTheAtrOfAnAtrToleranceWarmsUp() {
        // ATR(10) needs 11 bars: none of these 7 can decide, however wide the multiple
        assertEquals(List.of(), Feed.all(new EqualLevelDetector(1, 1, Tolerance.atr(100), 10), BARS));
    }

    @Test
    void zeroToleranceMatchesOnlyIdenticalPricesAndThreeInARowGiveTwoPairs() {
        // left = 1, right = 1: swing highs 10 (bar 1), 10 (bar 3), 10 (bar 5) -> pairs 1-3 (known at 4) and 3-5 (known at 6)
        List<Candle> bars = Candle.timed(hl(9, 8), hl(10, 9), hl(9, 8), hl(10, 9), hl(9, 8), hl(10, 9), hl(9, 8));
        List<EqualLevel> highs = Feed.all(new EqualLevelDetector(1, 1, Tolerance.price(0)), bars).stream()
                .filter(e -> e.kind() == SwingKind.HIGH).toList();
        assertEquals(List.of(new EqualLevel(SwingKind.HIGH, 10, 1, 10, 3, 3 * M, 0, 4),
                new EqualLevel(SwingKind.HIGH, 10, 3, 10, 5, 5 * M, 0, 6)), highs);
    }
}

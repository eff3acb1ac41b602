package dev.trader.strategy.structure;

import static dev.trader.strategy.structure.Candle.ohlc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CandlePatternDetectorTest {

    private static List<PatternType> types(CandlePatternDetector d, Candle... bars) {
        List<List<CandlePattern>> perBar = Feed.perBar(d, Candle.timed(bars));
        return perBar.get(perBar.size() - 1).stream().map(CandlePattern::type).toList();
    }

    /** Ratios that are exact in binary, so the inclusive edges can be hit exactly: pin wick &gt;= 3/4, body &lt;= 1/4; doji body &lt;= 1/8. */
    private static CandlePatternDetector exact() {
        return new CandlePatternDetector(0.75, 0.25, 0.125);
    }

    @Test
    void pinBarThresholdsAreInclusive() {
        // range 8 (0..8): open 6, close 8 -> lower wick 6/8 = 0.75 (>= 0.75), body 2/8 = 0.25 (<= 0.25): bullish pin
        assertEquals(List.of(PatternType.BULLISH_PIN_BAR), types(exact(), ohlc(6, 8, 0, 8)));
        // open 5.9: lower wick 5.9/8 = 0.7375 < 0.75: no pin (body 0.2625 > 0.125: no doji either)
        assertEquals(List.of(), types(exact(), ohlc(5.9, 8, 0, 8)));
        // mirrored: open 2, close 0, high 8 -> upper wick 6/8, body 2/8: bearish pin
        assertEquals(List.of(PatternType.BEARISH_PIN_BAR), types(exact(), ohlc(2, 8, 0, 0)));
    }

    @Test
    void pinBarBodyLimitApplies() {
        // wick >= 0.6, body <= 0.25, range 10: open 7, close 10 -> wick 0.7 but body 0.3: no pin
        CandlePatternDetector d = new CandlePatternDetector(0.6, 0.25, 0.1);
        assertEquals(List.of(), types(d, ohlc(7, 10, 0, 10)));
        // open 7.5: wick 0.75, body 0.25 (inclusive): pin
        assertEquals(List.of(PatternType.BULLISH_PIN_BAR), types(new CandlePatternDetector(0.6, 0.25, 0.1), ohlc(7.5, 10, 0, 10)));
    }

    @Test
    void aBarCanBeAPinBarAndADojiAtOnce() {
        // range 8: open 7, close 8 -> lower wick 7/8, body 1/8 = 0.125 (<= 0.125, inclusive): pin and doji
        assertEquals(List.of(PatternType.BULLISH_PIN_BAR, PatternType.DOJI), types(exact(), ohlc(7, 8, 0, 8)));
    }

    @Test
    void dojiIncludesTheFlatFourPriceBarButAFlatBarIsNoPin() {
        assertEquals(List.of(PatternType.DOJI), types(exact(), ohlc(5, 5, 5, 5)));
        // range 8, body 1 = 1/8 with both wicks 3.5: doji only
        assertEquals(List.of(PatternType.DOJI), types(exact(), ohlc(3.5, 8, 0, 4.5)));
        // body 1.5 / 8 > 1/8: nothing
        assertEquals(List.of(), types(exact(), ohlc(3.5, 8, 0, 5)));
    }

    /**
     * <pre>
     * previous (open, close)   this (open, close)   result
     * 10, 9   bearish           9, 10   bullish      same body reversed: open 9 &lt;= 9 and close 10 &gt;= 10, none strict: no
     * 10, 9   bearish           8.5, 10 bullish      8.5 &lt; 9: BULLISH_ENGULFING
     * 9, 9    doji              8, 10   bullish      previous not bearish: no
     * 9, 10   bullish           10.5, 8.5 bearish    10.5 &gt; 10, 8.5 &lt; 9: BEARISH_ENGULFING
     * 9, 10 (high 20, low 0)    10, 8.9              engulfs the body, not the wicks: BEARISH_ENGULFING
     * </pre>
     */
    @Test
    void engulfingComparesBodiesOnlyAndNeedsOneStrictEdge() {
        CandlePatternDetector d = CandlePatternDetector.withDefaults();
        assertTrue(types(d, ohlc(10, 10, 9, 9), ohlc(9, 10, 9, 10)).isEmpty());
        assertEquals(List.of(PatternType.BULLISH_ENGULFING),
                types(CandlePatternDetector.withDefaults(), ohlc(10, 10, 9, 9), ohlc(8.5, 10, 8.5, 10)));
        assertEquals(List.of(),
                types(CandlePatternDetector.withDefaults(), ohlc(9, 9.5, 8.5, 9), ohlc(8, 10, 8, 10)).stream()
                        .filter(t -> t != PatternType.DOJI).toList());
        assertEquals(List.of(PatternType.BEARISH_ENGULFING),
                types(CandlePatternDetector.withDefaults(), ohlc(9, 10, 9, 10), ohlc(10.5, 10.5, 8.5, 8.5)));
        assertEquals(List.of(PatternType.BEARISH_ENGULFING),
                types(CandlePatternDetector.withDefaults(), ohlc(9, 20, 0, 10), ohlc(10, 10.2, 8.8, 8.9)));
    }

    @Test
    void theFirstBarCannotEngulfAnything() {
        assertEquals(List.of(), types(CandlePatternDetector.withDefaults(), ohlc(1, 20, 1, 20)));
    }

    @Test
    void patternsCarryTheBarIndexTimeAndDirection() {
        CandlePatternDetector d = CandlePatternDetector.withDefaults();
        List<CandlePattern> all = Feed.all(d, Candle.timed(ohlc(10, 10, 9, 9), ohlc(8.5, 10, 8.5, 10)));
        assertEquals(List.of(new CandlePattern(PatternType.BULLISH_ENGULFING, 1, Candle.MINUTE)), all);
        assertEquals(Optional.of(Direction.BULLISH), PatternType.BULLISH_ENGULFING.direction());
        assertEquals(Optional.empty(), PatternType.DOJI.direction());
        assertEquals(2, d.barCount());
    }

    @Test
    void thresholdsOutsideTheirRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CandlePatternDetector(0.5, 0.25, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new CandlePatternDetector(1.1, 0.25, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new CandlePatternDetector(0.7, -0.1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new CandlePatternDetector(0.7, 0.2, Double.NaN));
    }
}

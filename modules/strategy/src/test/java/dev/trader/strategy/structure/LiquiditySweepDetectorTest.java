package dev.trader.strategy.structure;

import static dev.trader.strategy.structure.Candle.ohlc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiquiditySweepDetectorTest {
    private static final long M = Candle.MINUTE;

    /**
     * left = 1, right = 1:
     * <pre>
     * bar  open  high  low  close
     *  0   10    11    9    10
     *  1   10    13    10   12     swing high 13, known at 2: active from 3
     *  2   12    12    8    9      swing low 8, known at 3: active from 4
     *  3   9     13    9    12     high 13 = 13: not beyond, no sweep
     *  4   12    13.5  11   12.5   high 13.5 &gt; 13, close 12.5 &lt; 13: SWEEP of the high 13 (retired)
     *  5   12.5  13    7.5  8      low 7.5 &lt; 8 but close 8 = 8: not back above, not below: 8 stays active;
     *                              swing high 13.5 (bar 4) known: active from 6
     *  6   8     9     7    8.5    low 7 &lt; 8, close 8.5 &gt; 8: SWEEP of the low 8
     *  7   8.5   14    8.5  13.8   close 13.8 &gt; 13.5: the high 13.5 is broken (retired, no event);
     *                              swing low 7 (bar 6) known: active from 8
     *  8   13.8  14.5  6.5  7.5    low 6.5 &lt; 7, close 7.5 &gt; 7: SWEEP of the low 7
     * </pre>
     */
    static final List<Candle> BARS = Candle.timed(ohlc(10, 11, 9, 10), ohlc(10, 13, 10, 12), ohlc(12, 12, 8, 9),
            ohlc(9, 13, 9, 12), ohlc(12, 13.5, 11, 12.5), ohlc(12.5, 13, 7.5, 8), ohlc(8, 9, 7, 8.5),
            ohlc(8.5, 14, 8.5, 13.8), ohlc(13.8, 14.5, 6.5, 7.5));

    @Test
    void sweepsNeedATradeStrictlyBeyondAndACloseStrictlyBackInside() {
        List<List<LiquiditySweep>> perBar = Feed.perBar(new LiquiditySweepDetector(1, 1), BARS);
        assertEquals(List.of(new LiquiditySweep(SwingKind.HIGH, 13, 1, 4, 4 * M, 13.5, 12.5)), perBar.get(4));
        assertEquals(List.of(new LiquiditySweep(SwingKind.LOW, 8, 2, 6, 6 * M, 7, 8.5)), perBar.get(6));
        assertEquals(List.of(new LiquiditySweep(SwingKind.LOW, 7, 6, 8, 8 * M, 6.5, 7.5)), perBar.get(8));
        assertEquals(3, perBar.stream().mapToInt(List::size).sum(), "bars 3 (touch), 5 (close at level), 7 (break): none");
        LiquiditySweep first = perBar.get(4).get(0);
        assertEquals(Direction.BEARISH, first.direction());
        assertEquals(0.5, first.depth(), 1e-12);
        assertEquals(Direction.BULLISH, perBar.get(6).get(0).direction());
    }

    @Test
    void aCloseBeyondTheLevelRetiresItWithoutASweep() {
        LiquiditySweepDetector d = new LiquiditySweepDetector(1, 1);
        Feed.all(d, BARS.subList(0, 7));
        assertArrayEquals(new double[] {13.5}, d.activeHighs());
        d.update(7 * M, 8.5, 14, 8.5, 13.8);
        assertArrayEquals(new double[0], d.activeHighs());
        assertArrayEquals(new double[] {7}, d.activeLows());
    }

    /**
     * left = 1, right = 1, the high side of the close-at-the-level rule:
     * <pre>
     * bar  open  high  low  close
     *  0   10    11    9    10
     *  1   10    13    10   12     swing high 13, known at 2: active from 3
     *  2   12    12.5  11   12
     *  3   12    13.5  12   13     high 13.5 &gt; 13 but close 13 = 13: neither back below nor above: stays active
     *  4   13    13.2  12   12.5   high 13.2 &gt; 13, close 12.5 &lt; 13: SWEEP of 13
     * </pre>
     */
    @Test
    void aCloseExactlyAtASwingHighKeepsItActive() {
        List<Candle> bars = Candle.timed(ohlc(10, 11, 9, 10), ohlc(10, 13, 10, 12), ohlc(12, 12.5, 11, 12),
                ohlc(12, 13.5, 12, 13), ohlc(13, 13.2, 12, 12.5));
        List<List<LiquiditySweep>> perBar = Feed.perBar(new LiquiditySweepDetector(1, 1), bars);
        assertEquals(List.of(), perBar.get(3));
        assertEquals(List.of(new LiquiditySweep(SwingKind.HIGH, 13, 1, 4, 4 * M, 13.2, 12.5)), perBar.get(4));
    }

    /**
     * left = 1, right = 1: three lower swing highs 12 (bar 1), 11 (bar 3), 10 (bar 5), all active by bar 7,
     * whose high 12.5 is above all three and close 9.5 below all three. The lows (8.2 at bars 2, 4, 6) are
     * never traded through.
     */
    static final List<Candle> THREE = Candle.timed(ohlc(9, 10, 8, 9), ohlc(9, 12, 8.5, 9), ohlc(9, 9.5, 8.2, 9),
            ohlc(9, 11, 8.5, 9), ohlc(9, 9.5, 8.2, 9), ohlc(9, 10, 8.5, 9), ohlc(9, 9.5, 8.2, 9), ohlc(9, 12.5, 8.5, 9.5));

    @Test
    void oneBarSweepingSeveralLevelsReportsEachOldestFirst() {
        List<List<LiquiditySweep>> perBar = Feed.perBar(new LiquiditySweepDetector(1, 1), THREE);
        assertEquals(List.of(new LiquiditySweep(SwingKind.HIGH, 12, 1, 7, 7 * M, 12.5, 9.5),
                new LiquiditySweep(SwingKind.HIGH, 11, 3, 7, 7 * M, 12.5, 9.5),
                new LiquiditySweep(SwingKind.HIGH, 10, 5, 7, 7 * M, 12.5, 9.5)), perBar.get(7));
        assertEquals(3, perBar.stream().mapToInt(List::size).sum());
    }

    @Test
    void onlyTheNewestMaxLevelsAreKept() {
        // with 2 levels per side, the swing high 12 is dropped when 10 is confirmed (bar 6)
        LiquiditySweepDetector d = new LiquiditySweepDetector(1, 1, 2);
        List<List<LiquiditySweep>> perBar = Feed.perBar(d, THREE);
        assertEquals(List.of(11.0, 10.0), perBar.get(7).stream().map(LiquiditySweep::level).toList());
        assertArrayEquals(new double[] {8.2, 8.2}, d.activeLows());
    }
}

package dev.trader.strategy.structure;

import static dev.trader.strategy.structure.Candle.ohlc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketStructureTest {
    private static final long M = Candle.MINUTE;

    /**
     * left = 1, right = 1, close trigger:
     * <pre>
     * bar  open  high  low   close
     *  0   10    11    9     10
     *  1   10    13    10    12     swing high 13 (known at 2, watched from 3)
     *  2   12    12    8     9      swing low 8 (known at 3, watched from 4)
     *  3   9     12.5  9     12.5   close 12.5 &lt; 13: no break
     *  4   12.5  14    12    13     high 14 &gt; 13 but close 13 = 13: no break with the close trigger
     *  5   13    15    12.5  14.5   close 14.5 &gt; 13: BULLISH BOS (no bias yet); bias up; 13 is consumed
     *  6   14.5  14.8  11    11.5   swing high 15 (HH) known: watched from 7
     *  7   11.5  12    7     7.5    close 7.5 &lt; 8: BEARISH CHOCH (bias was up); bias down
     *  8   7.5   16    7.5   15.5   close 15.5 &gt; 15: BULLISH CHOCH (bias was down); bias up;
     *                                swing low 7 (LL, bar 7) known: watched from 9
     *  9   15.5  15.6  6     6.5    close 6.5 &lt; 7: BEARISH CHOCH; swing high 16 (bar 8, HH) known
     * 10   6.5   6.8   5     5.5    nothing watched below (7 consumed): no event
     * </pre>
     */
    static final List<Candle> BARS = Candle.timed(ohlc(10, 11, 9, 10), ohlc(10, 13, 10, 12), ohlc(12, 12, 8, 9),
            ohlc(9, 12.5, 9, 12.5), ohlc(12.5, 14, 12, 13), ohlc(13, 15, 12.5, 14.5), ohlc(14.5, 14.8, 11, 11.5),
            ohlc(11.5, 12, 7, 7.5), ohlc(7.5, 16, 7.5, 15.5), ohlc(15.5, 15.6, 6, 6.5), ohlc(6.5, 6.8, 5, 5.5));

    @Test
    void closeBreaksGiveBosThenChochOnEachReversalOfTheBias() {
        MarketStructure ms = new MarketStructure(1, 1);
        List<List<StructureBreak>> perBar = Feed.perBar(ms, BARS);
        List<StructureBreak> expected = List.of(
                new StructureBreak(Direction.BULLISH, BreakType.BOS, 13, 1, 5, 5 * M, 14.5),
                new StructureBreak(Direction.BEARISH, BreakType.CHOCH, 8, 2, 7, 7 * M, 7.5),
                new StructureBreak(Direction.BULLISH, BreakType.CHOCH, 15, 5, 8, 8 * M, 15.5),
                new StructureBreak(Direction.BEARISH, BreakType.CHOCH, 7, 7, 9, 9 * M, 6.5));
        List<StructureBreak> all = new ArrayList<>();
        perBar.forEach(all::addAll);
        assertEquals(expected, all);
        assertEquals(List.of(), perBar.get(4), "a close exactly at the level does not break it");
        assertEquals(List.of(), perBar.get(10), "a broken level is not broken twice");
        assertEquals(Trend.DOWN, ms.bias());
        // swing highs 13 (NONE), 15 (HH), 16 (HH); swing lows 8 (NONE), 7 (LL): HH + LL is no trend
        assertEquals(Trend.NEUTRAL, ms.trend());
        assertEquals(16, ms.watchedHigh());
        assertTrue(Double.isNaN(ms.watchedLow()));
    }

    @Test
    void theBiasIsNeutralUntilTheFirstBreak() {
        MarketStructure ms = new MarketStructure(1, 1);
        Feed.all(ms, BARS.subList(0, 5));
        assertEquals(Trend.NEUTRAL, ms.bias());
        assertEquals(13, ms.watchedHigh());
        assertEquals(8, ms.watchedLow());
    }

    @Test
    void aSwingIsOnlyWatchedAfterItsConfirmingBar() {
        // the swing high 13 at bar 1 is known at bar 2; a bar 2 that closed above 13 is impossible (its high is
        // at most 13 by the swing definition), so the first bar that can break it is bar 3
        MarketStructure ms = new MarketStructure(1, 1);
        Feed.all(ms, BARS.subList(0, 2));
        assertTrue(Double.isNaN(ms.watchedHigh()), "not confirmed yet at bar 1");
        ms.update(2 * M, 12, 12, 8, 9);
        assertEquals(13, ms.watchedHigh());
    }

    @Test
    void wickTriggerBreaksOnTheHighEvenIfTheCloseStaysAtTheLevel() {
        // same bars: at bar 4 the high 14 is above 13, so the wick trigger breaks there (price = the high)
        MarketStructure ms = new MarketStructure(1, 1, BreakTrigger.WICK);
        List<StructureBreak> all = Feed.all(ms, BARS);
        assertEquals(new StructureBreak(Direction.BULLISH, BreakType.BOS, 13, 1, 4, 4 * M, 14), all.get(0));
    }

    @Test
    void swingsOfTheEmbeddedDetectorAreReadable() {
        MarketStructure ms = new MarketStructure(1, 1);
        Feed.all(ms, BARS.subList(0, 3));
        assertEquals(List.of(new Swing(SwingKind.HIGH, SwingLabel.NONE, 13, 1, M, 2)), ms.swings().confirmedOnLastBar());
        assertThrows(IllegalArgumentException.class, () -> new MarketStructure(1, 1, null));
    }
}

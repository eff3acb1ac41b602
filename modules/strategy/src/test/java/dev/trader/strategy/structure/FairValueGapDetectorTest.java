package dev.trader.strategy.structure;

import static dev.trader.strategy.structure.Candle.ohlc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FairValueGapDetectorTest {
    private static final long M = Candle.MINUTE;

    /**
     * <pre>
     * bar  open  high  low   close
     *  0   10    11    9     10.5
     *  1   10.5  14    10.5  13.5
     *  2   13.5  15    12    14.5   wick: high0 11 &lt; low2 12 -&gt; BULLISH gap [11, 12] dated bar 1
     *  3   14.5  15    12    14     low 12 = upper edge: a touch, not a fill
     *  4   14    14.5  11.5  12     low 11.5 &lt; 12: PARTIAL, (12 - 11.5) / (12 - 11) = 0.5
     *  5   12    12.5  11.75 12.2   low 11.75 not below 11.5: no event
     *  6   12.2  12.4  10.8  11     low 10.8 &lt;= 11: FILLED (1.0), no longer tracked
     * </pre>
     * No other wick gap: bars 1/3 (14 vs 12), 2/4 (15 vs 11.5; 12 vs 14.5), 3/5, 4/6 overlap.
     */
    static final List<Candle> BARS = Candle.timed(ohlc(10, 11, 9, 10.5), ohlc(10.5, 14, 10.5, 13.5),
            ohlc(13.5, 15, 12, 14.5), ohlc(14.5, 15, 12, 14), ohlc(14, 14.5, 11.5, 12), ohlc(12, 12.5, 11.75, 12.2),
            ohlc(12.2, 12.4, 10.8, 11));

    @Test
    void wickGapIsReportedByTheThirdBarAndFilledByLaterWicks() {
        FairValueGapDetector d = new FairValueGapDetector(GapBasis.WICK);
        List<List<GapEvent>> perBar = Feed.perBar(d, BARS);
        FairValueGap gap = new FairValueGap(Direction.BULLISH, GapBasis.WICK, 11, 12, 1, M, 2);
        assertEquals(List.of(List.of(), List.of(), List.of(gap), List.of(),
                List.of(new GapFill(gap, FillStatus.PARTIAL, 0.5, 4, 4 * M)), List.of(),
                List.of(new GapFill(gap, FillStatus.FILLED, 1.0, 6, 6 * M))), perBar);
        assertEquals(List.of(), d.trackedGaps());
    }

    @Test
    void trackedGapsShowTheFillSoFar() {
        FairValueGapDetector d = new FairValueGapDetector(GapBasis.WICK);
        Feed.all(d, BARS.subList(0, 4));
        FairValueGap gap = new FairValueGap(Direction.BULLISH, GapBasis.WICK, 11, 12, 1, M, 2);
        assertEquals(List.of(new GapStatus(gap, FillStatus.UNFILLED, 0.0)), d.trackedGaps());
        Feed.all(d, BARS.subList(4, 6));
        assertEquals(List.of(new GapStatus(gap, FillStatus.PARTIAL, 0.5)), d.trackedGaps());
    }

    /**
     * <pre>
     * bar  open  high  low  close
     *  0   20    21    19   19.5
     *  1   19.5  19.5  16   16.5
     *  2   16.5  18    15   15.5   low0 19 &gt; high2 18 -&gt; BEARISH gap [18, 19] dated bar 1
     *  3   15.5  18    15   17.5   high 18 = lower edge: a touch, not a fill
     *  4   17.5  19.5  17   19     high 19.5 &gt;= 19: FILLED in one bar
     * </pre>
     */
    @Test
    void bearishWickGapFilledInOneBarAfterATouch() {
        List<Candle> bars = Candle.timed(ohlc(20, 21, 19, 19.5), ohlc(19.5, 19.5, 16, 16.5), ohlc(16.5, 18, 15, 15.5),
                ohlc(15.5, 18, 15, 17.5), ohlc(17.5, 19.5, 17, 19));
        List<List<GapEvent>> perBar = Feed.perBar(new FairValueGapDetector(GapBasis.WICK), bars);
        FairValueGap gap = new FairValueGap(Direction.BEARISH, GapBasis.WICK, 18, 19, 1, M, 2);
        assertEquals(List.of(List.of(), List.of(), List.of(gap), List.of(),
                List.of(new GapFill(gap, FillStatus.FILLED, 1.0, 4, 4 * M))), perBar);
    }

    @Test
    void barsThatOnlyTouchLeaveNoGap() {
        // high0 11 = low2 11: zero width is no gap
        List<Candle> bars = Candle.timed(ohlc(10, 11, 9, 10), ohlc(10, 12, 10, 11.5), ohlc(11.5, 13, 11, 12.5));
        assertEquals(List.of(), Feed.all(new FairValueGapDetector(GapBasis.WICK), bars));
    }

    @Test
    void theGapMustBeWiderThanTheMinimumSize() {
        // the bullish gap [11, 12] is 1 wide
        assertEquals(List.of(), Feed.all(new FairValueGapDetector(GapBasis.WICK, 1.0, 10), BARS.subList(0, 3)));
        assertInstanceOf(FairValueGap.class, Feed.all(new FairValueGapDetector(GapBasis.WICK, 0.99, 10), BARS.subList(0, 3)).get(0));
    }

    /**
     * The same bars with body-bounded gaps (top = max(open, close), bottom = min(open, close)):
     * <pre>
     * bar  body         events
     *  2   13.5..14.5   top0 10.5 &lt; bottom2 13.5: gap A BULLISH [10.5, 13.5] dated 1
     *  3   14..14.5     low 12: A PARTIAL (13.5 - 12) / 3 = 0.5;
     *                   then top1 13.5 &lt; bottom3 14: gap B BULLISH [13.5, 14] dated 2
     *  4   12..14       low 11.5: A PARTIAL (13.5 - 11.5) / 3 = 2/3; B FILLED (11.5 &lt;= 13.5)
     *  5   12..12.2     low 11.75: A not deeper; bottom3 14 &gt; top5 12.2: gap C BEARISH [12.2, 14] dated 4
     *  6   11..12.2     low 10.8: A PARTIAL (13.5 - 10.8) / 3 = 0.9 (10.8 &gt; 10.5: not filled);
     *                   high 12.4 &gt; 12.2: C PARTIAL (12.4 - 12.2) / 1.8
     * </pre>
     * Bar 2's own low (12) is inside gap A but does not count: fills start after the third bar.
     */
    @Test
    void bodyGapsUseTheBodiesForTheGapAndLaterWicksForTheFill() {
        List<GapEvent> all = Feed.all(new FairValueGapDetector(GapBasis.BODY), BARS);
        FairValueGap a = new FairValueGap(Direction.BULLISH, GapBasis.BODY, 10.5, 13.5, 1, M, 2);
        FairValueGap b = new FairValueGap(Direction.BULLISH, GapBasis.BODY, 13.5, 14, 2, 2 * M, 3);
        FairValueGap c = new FairValueGap(Direction.BEARISH, GapBasis.BODY, 12.2, 14, 4, 4 * M, 5);
        List<GapEvent> expected = List.of(a,
                new GapFill(a, FillStatus.PARTIAL, 0.5, 3, 3 * M), b,
                new GapFill(a, FillStatus.PARTIAL, 2.0 / 3, 4, 4 * M), new GapFill(b, FillStatus.FILLED, 1.0, 4, 4 * M),
                c,
                new GapFill(a, FillStatus.PARTIAL, 0.9, 6, 6 * M), new GapFill(c, FillStatus.PARTIAL, 0.2 / 1.8, 6, 6 * M));
        assertEquals(expected.size(), all.size(), all.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertSameEvent(expected.get(i), all.get(i));
        }
    }

    @Test
    void beyondMaxTrackedTheOldestGapIsNoLongerFollowed() {
        // tracking one gap: B replaces A at bar 3, so bar 4 reports only B's fill
        List<List<GapEvent>> perBar = Feed.perBar(new FairValueGapDetector(GapBasis.BODY, 0, 1), BARS);
        assertEquals(1, perBar.get(4).size());
        assertEquals(13.5, ((GapFill) perBar.get(4).get(0)).gap().lower());
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FairValueGapDetector(null));
        assertThrows(IllegalArgumentException.class, () -> new FairValueGapDetector(GapBasis.WICK, -1, 5));
        assertThrows(IllegalArgumentException.class, () -> new FairValueGapDetector(GapBasis.WICK, 0, 0));
    }

    private static void assertSameEvent(GapEvent expected, GapEvent actual) {
        if (expected instanceof GapFill e) {
            GapFill a = assertInstanceOf(GapFill.class, actual);
            assertEquals(e.gap(), a.gap());
            assertEquals(e.status(), a.status());
            assertEquals(e.filledFraction(), a.filledFraction(), 1e-12);
            assertEquals(e.barIndex(), a.barIndex());
            assertEquals(e.timeMs(), a.timeMs());
        } else {
            assertEquals(expected, actual);
        }
    }
}

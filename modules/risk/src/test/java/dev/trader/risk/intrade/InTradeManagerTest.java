package dev.trader.risk.intrade;

import static dev.trader.risk.intrade.Fixtures.RULES;
import static dev.trader.risk.intrade.Fixtures.bar;
import static dev.trader.risk.intrade.Fixtures.d;
import static dev.trader.risk.intrade.Fixtures.p;
import static dev.trader.risk.intrade.Fixtures.q;
import static dev.trader.risk.intrade.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.position.PositionSide;
import dev.trader.risk.intrade.TradeEvent.OppositeSignalExit;
import dev.trader.risk.intrade.TradeEvent.PositionClosed;
import dev.trader.risk.intrade.TradeEvent.ScaledOut;
import dev.trader.risk.intrade.TradeEvent.StopHit;
import dev.trader.risk.intrade.TradeEvent.StopMoved;
import dev.trader.risk.intrade.TradeEvent.TargetHit;
import dev.trader.risk.intrade.TradeEvent.TimeExit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenarios and the intrabar rules, on hand-made bars with the arithmetic in comments. */
class InTradeManagerTest {
    /** Long 1 BTC at 100.00, stop 98.00: R = 2.00, so 1R = 102.00, 2R = 104.00. */
    private static ManagedTrade long1(InTradePlan plan) {
        return ManagedTrade.open(plan, PositionSide.LONG, p("100"), p("98"), q("1"));
    }

    /** Short 1 BTC at 100.00, stop 102.00: R = 2.00, so 1R = 98.00, 2R = 96.00. */
    private static ManagedTrade short1(InTradePlan plan) {
        return ManagedTrade.open(plan, PositionSide.SHORT, p("100"), p("102"), q("1"));
    }

    private static final InTradePlan HALF_AT_1R_REST_AT_2R = InTradePlan.defaults(RULES)
            .withLadder(List.of(ScaleOutRung.of("1", "0.5"))).withTargetR(d("2"));

    @Test
    void plusOneRThenPlusTwoRMovesToBreakEvenScalesHalfAndExitsTheRest() {
        List<Transition> t = run(long1(HALF_AT_1R_REST_AT_2R),
                // high 102.50 reaches 1R = 102.00: 0.5 sold at 102.00, P&L (102 - 100) x 0.5 = 1.00;
                // at the close the high has reached the break-even trigger 1R: stop 98 -> entry 100
                bar(1, "100", "102.50", "99.50", "102.00"),
                // low 101.50 stays above the stop 100; high 104.20 reaches 2R = 104.00:
                // the other 0.5 at 104.00, P&L (104 - 100) x 0.5 = 2.00; total 1.00 + 2.00 = 3.00
                bar(2, "102.00", "104.20", "101.50", "104.00"));

        assertEquals(List.of(new ScaledOut(q("0.5"), p("102"), d("1")), new StopMoved(p("98"), p("100"), StopReason.BREAK_EVEN)), t.get(0).events());
        assertEquals(List.of(new TargetHit(q("0.5"), p("104"), d("2")), new PositionClosed(d("3"))), t.get(1).events());
        ManagedTrade end = t.get(1).trade();
        assertTrue(end.isClosed());
        assertEquals(d("3"), end.realizedPnl());
        assertEquals(2, end.barsInTrade());
        assertEquals(1, end.rungsDone());
    }

    @Test
    void aLadderThatSellsEverythingExitsTheRestAtItsLastRung() {
        InTradePlan plan = InTradePlan.defaults(RULES).withLadder(List.of(ScaleOutRung.of("1", "0.5"), ScaleOutRung.of("2", "0.5")));
        List<Transition> t = run(long1(plan),
                bar(1, "100", "102.50", "99.50", "102.00"),
                bar(2, "102.00", "104.20", "101.50", "104.00"));

        assertEquals(List.of(new ScaledOut(q("0.5"), p("102"), d("1")), new StopMoved(p("98"), p("100"), StopReason.BREAK_EVEN)), t.get(0).events());
        // the last rung of a ladder summing to 1 takes what remains: 0.5 at 104.00, P&L 2.00
        assertEquals(List.of(new ScaledOut(q("0.5"), p("104"), d("2")), new PositionClosed(d("3"))), t.get(1).events());
    }

    @Test
    void shortPlusOneRThenPlusTwoRMirrorsTheLong() {
        List<Transition> t = run(short1(HALF_AT_1R_REST_AT_2R),
                // low 97.50 reaches 1R = 98.00: 0.5 bought back at 98.00, P&L (100 - 98) x 0.5 = 1.00; stop 102 -> 100
                bar(1, "100", "100.50", "97.50", "98.00"),
                // high 98.50 stays below the stop 100; low 95.80 reaches 2R = 96.00: P&L (100 - 96) x 0.5 = 2.00
                bar(2, "98.00", "98.50", "95.80", "96.00"));

        assertEquals(List.of(new ScaledOut(q("0.5"), p("98"), d("1")), new StopMoved(p("102"), p("100"), StopReason.BREAK_EVEN)), t.get(0).events());
        assertEquals(List.of(new TargetHit(q("0.5"), p("96"), d("2")), new PositionClosed(d("3"))), t.get(1).events());
    }

    @Test
    void afterBreakEvenAPullbackToTheEntryExitsTheRestAtTheEntry() {
        List<Transition> t = run(long1(HALF_AT_1R_REST_AT_2R),
                bar(1, "100", "102.50", "99.50", "102.00"),
                // low 99.90 touches the break-even stop 100.00 (not the initial 98): P&L 0 on the rest
                bar(2, "101.00", "101.20", "99.90", "100.10"));

        assertEquals(List.of(new StopHit(q("0.5"), p("100"), d("0")), new PositionClosed(d("1"))), t.get(1).events());
    }

    @Test
    void atrTrailFollowsRisingLowsAndStopsOutOnTheExpectedBar() {
        // Long 1 at 100.00, stop 97.00 (R = 3); trail 2 x ATR below the highest high since entry, no break-even.
        InTradePlan plan = InTradePlan.defaults(RULES).withoutBreakEven().withTrailing(Trailing.atr("2"));
        ManagedTrade trade = ManagedTrade.open(plan, PositionSide.LONG, p("100"), p("97"), q("1"));
        List<Transition> t = run(trade, List.of(
                        bar(1, "100.00", "101.00", "99.50", "100.80"),   // hh 101.0 - 2 x 1.0 = 99.00
                        bar(2, "100.80", "102.50", "100.20", "102.20"),  // low 100.2 > 99; hh 102.5 - 2.0 = 100.50
                        bar(3, "102.20", "103.40", "101.90", "103.00"),  // low 101.9 > 100.5; hh 103.4 - 2.0 = 101.40
                        bar(4, "103.00", "103.20", "101.60", "101.80"),  // low 101.6 > 101.4; hh 103.4 - 2 x 1.2 = 101.00 < 101.40: stays
                        bar(5, "101.80", "102.00", "101.20", "101.50")), // low 101.2 <= 101.40: stopped at 101.40, P&L 1.40
                List.of(BarInputs.ofAtr(1.0), BarInputs.ofAtr(1.0), BarInputs.ofAtr(1.0), BarInputs.ofAtr(1.2), BarInputs.ofAtr(1.2)));

        assertEquals(List.of(new StopMoved(p("97"), p("99"), StopReason.ATR_TRAIL)), t.get(0).events());
        assertEquals(List.of(new StopMoved(p("99"), p("100.5"), StopReason.ATR_TRAIL)), t.get(1).events());
        assertEquals(List.of(new StopMoved(p("100.5"), p("101.4"), StopReason.ATR_TRAIL)), t.get(2).events());
        assertEquals(List.of(), t.get(3).events(), "a wider ATR never loosens the stop");
        assertEquals(List.of(new StopHit(q("1"), p("101.4"), d("1.4")), new PositionClosed(d("1.4"))), t.get(4).events());
        assertEquals(5, t.get(4).trade().barsInTrade());
    }

    @Test
    void timeStopClosesExactlyAtNBars() {
        // max 3 bars; the bars stay between the stop 98 and any level: only the time stop can close
        InTradePlan plan = InTradePlan.defaults(RULES).withoutBreakEven().withMaxBarsInTrade(3);
        List<Transition> t = run(long1(plan),
                bar(1, "100.00", "100.80", "99.20", "100.50"),
                bar(2, "100.50", "101.00", "99.90", "100.20"),
                bar(3, "100.20", "100.90", "99.50", "100.70"));   // bar 3: out at the close 100.70, P&L 0.70

        assertEquals(List.of(), t.get(0).events());
        assertEquals(List.of(), t.get(1).events());
        assertFalse(t.get(1).trade().isClosed());
        assertEquals(2, t.get(1).trade().barsInTrade());
        assertEquals(List.of(new TimeExit(q("1"), p("100.7"), d("0.7")), new PositionClosed(d("0.7"))), t.get(2).events());
        assertEquals(3, t.get(2).trade().barsInTrade());
        ManagedTrade closed = t.get(2).trade();
        assertThrows(IllegalStateException.class, () -> InTradeManager.onBar(closed, bar(4, "100", "101", "99", "100"), BarInputs.none()));
    }

    @Test
    void timeStopOfOneBarClosesAtTheFirstBarsClose() {
        List<Transition> t = run(long1(InTradePlan.defaults(RULES).withMaxBarsInTrade(1)), bar(1, "100", "100.80", "99.20", "99.60"));
        assertEquals(List.of(new TimeExit(q("1"), p("99.6"), d("-0.4")), new PositionClosed(d("-0.4"))), t.get(0).events());
    }

    @Test
    void stopInsideTheTimeStopsLastBarComesFirst() {
        List<Transition> t = run(long1(InTradePlan.defaults(RULES).withMaxBarsInTrade(1)), bar(1, "100", "100.80", "97.50", "99.60"));
        assertEquals(List.of(new StopHit(q("1"), p("98"), d("-2")), new PositionClosed(d("-2"))), t.get(0).events());
    }

    @Test
    void gapThroughTheStopFillsAtTheOpen() {
        // opens at 97.00, below the stop 98.00: filled at 97.00, P&L (97 - 100) x 1 = -3.00
        assertEquals(List.of(new StopHit(q("1"), p("97"), d("-3")), new PositionClosed(d("-3"))),
                run(long1(InTradePlan.defaults(RULES)), bar(1, "97.00", "97.50", "96.00", "97.20")).get(0).events());
        // a short's stop 102.00, opened at 103.00: (100 - 103) x 1 = -3.00
        assertEquals(List.of(new StopHit(q("1"), p("103"), d("-3")), new PositionClosed(d("-3"))),
                run(short1(InTradePlan.defaults(RULES)), bar(1, "103.00", "104.00", "102.50", "103.50")).get(0).events());
    }

    @Test
    void stopAndRungInOneBarStopFirst() {
        // high 102.50 reaches the 1R rung and low 97.50 the stop: the path inside is unknown, so the stop wins
        List<Transition> t = run(long1(HALF_AT_1R_REST_AT_2R), bar(1, "100.00", "102.50", "97.50", "101.00"));
        assertEquals(List.of(new StopHit(q("1"), p("98"), d("-2")), new PositionClosed(d("-2"))), t.get(0).events());
        assertEquals(0, t.get(0).trade().rungsDone());
    }

    @Test
    void aRungTheOpenGappedThroughFillsAtTheOpenBeforeTheStop() {
        // the open 102.50 is past the rung 102.00: 0.5 fills at the open, (102.5 - 100) x 0.5 = 1.25;
        // then the low reaches the stop 98: (98 - 100) x 0.5 = -1.00; total 0.25
        List<Transition> t = run(long1(HALF_AT_1R_REST_AT_2R), bar(1, "102.50", "102.50", "97.50", "98.00"));
        assertEquals(List.of(new ScaledOut(q("0.5"), p("102.5"), d("1.25")), new StopHit(q("0.5"), p("98"), d("-1")),
                new PositionClosed(d("0.25"))), t.get(0).events());
    }

    @Test
    void stopMovedAtACloseAppliesOnlyFromTheNextBar() {
        List<Transition> t = run(long1(InTradePlan.defaults(RULES)),
                // the high reaches 1R and the low 99.00 is below the entry: the break-even stop is set at
                // the close, so this bar's low is checked against the old stop 98 only
                bar(1, "100.00", "102.20", "99.00", "99.50"),
                // from this bar the stop is 100.00; the bar opens below it at 99.50: (99.5 - 100) x 1 = -0.50
                bar(2, "99.50", "99.80", "99.10", "99.60"));
        assertEquals(List.of(new StopMoved(p("98"), p("100"), StopReason.BREAK_EVEN)), t.get(0).events());
        assertEquals(List.of(new StopHit(q("1"), p("99.5"), d("-0.5")), new PositionClosed(d("-0.5"))), t.get(1).events());
    }

    @Test
    void oppositeSignalExitsAtTheCloseOnlyWhenThePlanSaysSo() {
        var opposite = List.of(BarInputs.none().withOppositeSignal(true));
        var bars = List.of(bar(1, "100", "100.80", "99.20", "100.40"));
        List<Transition> on = run(long1(InTradePlan.defaults(RULES).withExitOnOppositeSignal(true)), bars, opposite);
        assertEquals(List.of(new OppositeSignalExit(q("1"), p("100.4"), d("0.4")), new PositionClosed(d("0.4"))), on.get(0).events());
        List<Transition> off = run(long1(InTradePlan.defaults(RULES)), bars, opposite);
        assertEquals(List.of(), off.get(0).events());
        // on the time stop's last bar both apply at the same close: the time stop is reported
        List<Transition> both = run(long1(InTradePlan.defaults(RULES).withExitOnOppositeSignal(true).withMaxBarsInTrade(1)), bars, opposite);
        assertEquals(List.of(new TimeExit(q("1"), p("100.4"), d("0.4")), new PositionClosed(d("0.4"))), both.get(0).events());
    }

    @Test
    void swingTrailSitsOneTickBeyondTheSwingAndNeverLoosens() {
        InTradePlan plan = InTradePlan.defaults(RULES).withoutBreakEven().withTrailing(Trailing.swing(2));
        List<Transition> t = run(long1(plan),
                List.of(bar(1, "100", "101", "99.60", "100.80"), bar(2, "100.80", "101.50", "100.20", "101.20")),
                List.of(BarInputs.none().withSwingLow(p("99.60")), BarInputs.none().withSwingLow(p("97.00"))));
        assertEquals(List.of(new StopMoved(p("98"), p("99.59"), StopReason.SWING_TRAIL)), t.get(0).events());
        assertEquals(List.of(), t.get(1).events());

        List<Transition> s = run(short1(plan), List.of(bar(1, "100", "100.40", "99", "99.20")),
                List.of(BarInputs.none().withSwingHigh(p("100.40"))));
        assertEquals(List.of(new StopMoved(p("102"), p("100.41"), StopReason.SWING_TRAIL)), s.get(0).events());
    }

    @Test
    void theTightestCandidateWinsAndTiesGoToBreakEven() {
        // break-even at 1R -> 100.00; ATR trail 102.50 - 2 x 1.25 = 100.00: a tie, reported as break-even
        InTradePlan plan = InTradePlan.defaults(RULES).withTrailing(Trailing.atr("2"));
        List<Transition> tie = run(long1(plan), List.of(bar(1, "100", "102.50", "99.80", "102")), List.of(BarInputs.ofAtr(1.25)));
        assertEquals(List.of(new StopMoved(p("98"), p("100"), StopReason.BREAK_EVEN)), tie.get(0).events());
        // with ATR 1.0 the trail 100.50 is tighter than break-even
        List<Transition> trail = run(long1(plan), List.of(bar(1, "100", "102.50", "99.80", "102")), List.of(BarInputs.ofAtr(1.0)));
        assertEquals(List.of(new StopMoved(p("98"), p("100.5"), StopReason.ATR_TRAIL)), trail.get(0).events());
        // no ATR yet (NaN): break-even alone
        List<Transition> warmup = run(long1(plan), List.of(bar(1, "100", "102.50", "99.80", "102")), List.of(BarInputs.none()));
        assertEquals(List.of(new StopMoved(p("98"), p("100"), StopReason.BREAK_EVEN)), warmup.get(0).events());
    }

    @Test
    void breakEvenWaitsForItsTrigger() {
        // trigger 1.5R = 103.00; a high of 102.99 is not enough, 103.00 is
        InTradePlan plan = InTradePlan.defaults(RULES).withBreakEven(d("1.5"), p("0.10"));
        List<Transition> t = run(long1(plan), bar(1, "100", "102.99", "99.50", "102"), bar(2, "102", "103", "101", "102.5"));
        assertEquals(List.of(), t.get(0).events());
        assertEquals(List.of(new StopMoved(p("98"), p("100.1"), StopReason.BREAK_EVEN)), t.get(1).events());
    }

    @Test
    void barsMustComeOnceInOrderAndForTheTradesInstrument() {
        ManagedTrade trade = run(long1(InTradePlan.defaults(RULES)), bar(2, "100", "100.5", "99.5", "100")).get(0).trade();
        assertThrows(IllegalArgumentException.class, () -> InTradeManager.onBar(trade, bar(2, "100", "100.5", "99.5", "100"), BarInputs.none()));
        assertThrows(IllegalArgumentException.class, () -> InTradeManager.onBar(trade, bar(1, "100", "100.5", "99.5", "100"), BarInputs.none()));
        Bar other = new Bar(InstrumentId.parse("binance:ETHUSDT"), Timeframe.M1, Instant.EPOCH.plusSeconds(600), p("100"), p("100"), p("100"), p("100"), q("1"));
        assertThrows(IllegalArgumentException.class, () -> InTradeManager.onBar(trade, other, BarInputs.none()));
    }
}

package dev.trader.risk.intrade;

import static dev.trader.risk.intrade.Fixtures.RULES;
import static dev.trader.risk.intrade.Fixtures.bar;
import static dev.trader.risk.intrade.Fixtures.d;
import static dev.trader.risk.intrade.Fixtures.p;
import static dev.trader.risk.intrade.Fixtures.q;
import static dev.trader.risk.intrade.Fixtures.rules;
import static dev.trader.risk.intrade.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.position.PositionSide;
import dev.trader.risk.intrade.TradeEvent.PositionClosed;
import dev.trader.risk.intrade.TradeEvent.ScaledOut;
import dev.trader.risk.intrade.TradeEvent.StopMoved;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stops to the tick in the protective direction, rung prices away from the entry, quantities to the lot, no dust. */
class InTradeRoundingTest {

    @Test
    void initialStopRoundsTowardTheEntryAndDefinesR() {
        ManagedTrade longTrade = ManagedTrade.open(InTradePlan.defaults(RULES), PositionSide.LONG, p("100"), p("97.995"), q("1"));
        assertEquals(p("98"), longTrade.stop());          // 97.995 up to 98.00: never more risk than asked
        assertEquals(0, d("2").compareTo(longTrade.riskPerUnit()));
        ManagedTrade shortTrade = ManagedTrade.open(InTradePlan.defaults(RULES), PositionSide.SHORT, p("100"), p("102.005"), q("1"));
        assertEquals(p("102"), shortTrade.stop());        // 102.005 down to 102.00
    }

    @Test
    void trailingStopsRoundToTheTickInTheProtectiveDirection() {
        InTradePlan plan = InTradePlan.defaults(RULES).withoutBreakEven().withTrailing(Trailing.atr("2"));
        // long: 101.00 - 2 x 0.333 = 100.334, up to 100.34
        ManagedTrade longTrade = ManagedTrade.open(plan, PositionSide.LONG, p("100"), p("97"), q("1"));
        assertEquals(List.of(new StopMoved(p("97"), p("100.34"), StopReason.ATR_TRAIL)),
                run(longTrade, List.of(bar(1, "100", "101", "99.9", "100.9")), List.of(BarInputs.ofAtr(0.333))).get(0).events());
        // short: 99.00 + 2 x 0.333 = 99.666, down to 99.66
        ManagedTrade shortTrade = ManagedTrade.open(plan, PositionSide.SHORT, p("100"), p("103"), q("1"));
        assertEquals(List.of(new StopMoved(p("103"), p("99.66"), StopReason.ATR_TRAIL)),
                run(shortTrade, List.of(bar(1, "100", "100.1", "99", "99.1")), List.of(BarInputs.ofAtr(0.333))).get(0).events());
    }

    @Test
    void breakEvenOffsetFinerThanTheTickLocksInAtLeastTheOffset() {
        InTradePlan plan = InTradePlan.defaults(RULES).withBreakEven(d("1"), p("0.005"));
        // 100 + 0.005 = 100.005, up to 100.01 for a long; 100 - 0.005 down to 99.99 for a short
        assertEquals(List.of(new StopMoved(p("98"), p("100.01"), StopReason.BREAK_EVEN)),
                run(ManagedTrade.open(plan, PositionSide.LONG, p("100"), p("98"), q("1")), bar(1, "100", "102", "99.5", "101")).get(0).events());
        assertEquals(List.of(new StopMoved(p("102"), p("99.99"), StopReason.BREAK_EVEN)),
                run(ManagedTrade.open(plan, PositionSide.SHORT, p("100"), p("102"), q("1")), bar(1, "100", "100.5", "98", "99")).get(0).events());
    }

    @Test
    void rungPricesRoundAwayFromTheEntrySoTheyNeverFillShortOfTheirRLevel() {
        // entry 100.003 (an average fill), stop 98.00: R = 2.003, 1R = 102.006, rung at 102.01
        InTradePlan plan = InTradePlan.defaults(RULES).withoutBreakEven().withLadder(List.of(ScaleOutRung.of("1", "0.5")));
        ManagedTrade trade = ManagedTrade.open(plan, PositionSide.LONG, p("100.003"), p("98"), q("1"));
        assertEquals(p("102.01"), trade.rungPrice(0));
        List<Transition> t = run(trade, bar(1, "100", "102.00", "99.5", "101"), bar(2, "101", "102.01", "100.5", "101"));
        assertEquals(List.of(), t.get(0).events());
        // (102.01 - 100.003) x 0.5 = 2.007 x 0.5 = 1.0035
        assertEquals(List.of(new ScaledOut(q("0.5"), p("102.01"), d("1.0035"))), t.get(1).events());
    }

    @Test
    void scaleOutQuantitiesRoundDownToTheLotAndTheLastRungTakesTheRest() {
        InstrumentRules coarse = rules("0.01", "0.01", "0.01");
        InTradePlan plan = InTradePlan.defaults(coarse).withLadder(List.of(ScaleOutRung.of("1", "0.3"), ScaleOutRung.of("2", "0.3"), ScaleOutRung.of("3", "0.4")));
        ManagedTrade trade = ManagedTrade.open(plan, PositionSide.LONG, p("100"), p("98"), q("0.07"));
        // rungs at 102, 104, 106; 0.3 x 0.07 = 0.021 -> 0.02 twice; the last takes the 0.03 left (its own 0.028 would be 0.02)
        // P&L 2 x 0.02 + 4 x 0.02 + 6 x 0.03 = 0.04 + 0.08 + 0.18 = 0.30
        assertEquals(List.of(new ScaledOut(q("0.02"), p("102"), d("0.04")), new ScaledOut(q("0.02"), p("104"), d("0.08")),
                        new ScaledOut(q("0.03"), p("106"), d("0.18")), new PositionClosed(d("0.3"))),
                run(trade, bar(1, "100", "107", "99.9", "106.5")).get(0).events());
    }

    @Test
    void aRungThatWouldLeaveDustTakesTheRemainder() {
        // lot 0.01, minimum 0.05: 0.6 x 0.10 = 0.06 would leave 0.04 < 0.05, so the rung sells all 0.10: P&L 2 x 0.1 = 0.2
        InTradePlan plan = InTradePlan.defaults(rules("0.01", "0.01", "0.05")).withLadder(List.of(ScaleOutRung.of("1", "0.6"))).withTargetR(d("3"));
        ManagedTrade trade = ManagedTrade.open(plan, PositionSide.LONG, p("100"), p("98"), q("0.10"));
        assertEquals(List.of(new ScaledOut(q("0.1"), p("102"), d("0.2")), new PositionClosed(d("0.2"))),
                run(trade, bar(1, "100", "102.5", "99.9", "102")).get(0).events());
    }

    @Test
    void aRungWhoseShareRoundsBelowTheMinimumIsSkipped() {
        // 0.3 x 0.10 = 0.03 < the minimum 0.05 while 0.10 would stay open: no order can be sent, the rung is done without a fill
        InTradePlan plan = InTradePlan.defaults(rules("0.01", "0.01", "0.05")).withoutBreakEven().withLadder(List.of(ScaleOutRung.of("1", "0.3")));
        Transition t = run(ManagedTrade.open(plan, PositionSide.LONG, p("100"), p("98"), q("0.10")), bar(1, "100", "102.5", "99.9", "102")).get(0);
        assertEquals(List.of(), t.events());
        assertEquals(1, t.trade().rungsDone());
        assertEquals(q("0.1"), t.trade().openQuantity());
    }
}

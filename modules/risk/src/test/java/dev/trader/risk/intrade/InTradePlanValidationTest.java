package dev.trader.risk.intrade;

import static dev.trader.risk.intrade.Fixtures.RULES;
import static dev.trader.risk.intrade.Fixtures.d;
import static dev.trader.risk.intrade.Fixtures.p;
import static dev.trader.risk.intrade.Fixtures.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.position.PositionSide;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad plans and bad entries are refused with a message that names the problem. */
class InTradePlanValidationTest {
    private static final InTradePlan PLAN = InTradePlan.defaults(RULES);

    private static void refused(String fragment, Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().contains(fragment), () -> "'" + e.getMessage() + "' should mention '" + fragment + "'");
    }

    @Test
    void defaultsAreBreakEvenAtOneRAndNothingElse() {
        assertEquals(0, d("1").compareTo(PLAN.breakEvenTriggerR()));
        assertEquals(Trailing.none(), PLAN.trailing());
        assertEquals(List.of(), PLAN.ladder());
        assertEquals(0, PLAN.maxBarsInTrade());
    }

    @Test
    void planRefusesWhatCannotWork() {
        refused("break-even trigger must be a positive", () -> PLAN.withBreakEven(d("0"), null));
        refused("break-even offset must not be negative", () -> PLAN.withBreakEven(d("1"), p("-0.01")));
        refused("strictly ascending", () -> PLAN.withLadder(List.of(ScaleOutRung.of("2", "0.5"), ScaleOutRung.of("1", "0.5"))));
        refused("strictly ascending", () -> PLAN.withLadder(List.of(ScaleOutRung.of("1", "0.5"), ScaleOutRung.of("1", "0.2"))));
        refused("sum to 1.1", () -> PLAN.withLadder(List.of(ScaleOutRung.of("1", "0.6"), ScaleOutRung.of("2", "0.5"))));
        refused("fraction must be within (0, 1]", () -> ScaleOutRung.of("1", "0"));
        refused("R level must be positive", () -> ScaleOutRung.of("-1", "0.5"));
        refused("beyond the last scale-out rung", () -> PLAN.withLadder(List.of(ScaleOutRung.of("2", "0.5"))).withTargetR(d("2")));
        refused("could never fill", () -> PLAN.withLadder(List.of(ScaleOutRung.of("1", "1"))).withTargetR(d("2")));
        refused("max bars in trade", () -> PLAN.withMaxBarsInTrade(-1));
        refused("multiple must be positive", () -> Trailing.atr("0"));
        refused("lookback must be at least 1", () -> Trailing.swing(0));
        refused("ATR must be a finite non-negative", () -> BarInputs.ofAtr(-1));
        refused("ATR must be a finite non-negative", () -> BarInputs.ofAtr(Double.POSITIVE_INFINITY));
    }

    @Test
    void openRefusesAStopOnTheWrongSideAQuantityOffTheLotAndAnOffsetBeyondTheTrigger() {
        refused("must lie below the entry", () -> ManagedTrade.open(PLAN, PositionSide.LONG, p("100"), p("100"), q("1")));
        refused("99.999 (100 on the tick) must lie below", () -> ManagedTrade.open(PLAN, PositionSide.LONG, p("100"), p("99.999"), q("1")));
        refused("must lie above the entry", () -> ManagedTrade.open(PLAN, PositionSide.SHORT, p("100"), p("99"), q("1")));
        refused("LONG or SHORT", () -> ManagedTrade.open(PLAN, PositionSide.FLAT, p("100"), p("99"), q("1")));
        refused("not a multiple of the lot size", () -> ManagedTrade.open(PLAN, PositionSide.LONG, p("100"), p("98"), q("0.0015")));
        refused("below the venue's minimum", () -> ManagedTrade.open(InTradePlan.defaults(Fixtures.rules("0.01", "0.001", "0.01")),
                PositionSide.LONG, p("100"), p("98"), q("0.005")));
        refused("quantity must be positive", () -> ManagedTrade.open(PLAN, PositionSide.LONG, p("100"), p("98"), q("0")));
        // R = 2, trigger 1R: an offset of 2 would put the break-even stop at the trigger itself
        refused("must be below the trigger distance", () -> ManagedTrade.open(PLAN.withBreakEven(d("1"), p("2")), PositionSide.LONG, p("100"), p("98"), q("1")));
    }
}

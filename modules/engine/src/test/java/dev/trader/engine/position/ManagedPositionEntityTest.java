package dev.trader.engine.position;

import static dev.trader.engine.testing.Fixtures.BTCUSDT;
import static dev.trader.engine.testing.Fixtures.BTCUSDT_RULES;
import static dev.trader.engine.testing.Fixtures.bar;
import static dev.trader.engine.testing.Fixtures.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import dev.trader.engine.position.PositionEntity.BarManaged;
import dev.trader.engine.position.PositionEntity.Command;
import dev.trader.engine.position.PositionEntity.Event;
import dev.trader.engine.position.PositionEntity.FillEvent;
import dev.trader.engine.testing.Fixtures;
import dev.trader.engine.testing.PekkoTestKit;
import dev.trader.risk.intrade.ExitKind;
import dev.trader.risk.intrade.InTradePlan;
import dev.trader.risk.intrade.ScaleOutRung;
import dev.trader.risk.intrade.Trailing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A managed long: entry 100, stop 90 (R = 10), break-even at +1R, half out at +1R, the rest at
 * +2R. The entity's exit plans are checked order by order, the venue's fills booked as the exits
 * they are, and every event survives a restart.
 */
class ManagedPositionEntityTest {
    @RegisterExtension
    static final PekkoTestKit PEKKO = new PekkoTestKit();
    private static final String POSITION = "paper:binance:BTCUSDT:1";
    private static final Instant DECIDED = minute(1);
    private static final InTradePlan PLAN = InTradePlan.defaults(BTCUSDT_RULES).withTrailing(Trailing.none())
            .withLadder(List.of(ScaleOutRung.of("1", "0.5"))).withTargetR(BigDecimal.valueOf(2));

    private EventSourcedBehaviorTestKit<Command, Event, PositionState> kit;

    @BeforeEach
    void startEntity() {
        kit = PEKKO.eventSourced(PositionEntity.create(POSITION, "USDT", id -> PLAN, Fixtures.tuning()));
    }

    private ExitPlan settle(ExitPlan plan, String... ended) {
        kit.<Done>runCommand(r -> new PositionEntity.OrdersSettled(plan.purposes(), Set.of(ended), r));
        return plan;
    }

    private ExitPlan manage(Bar bar) {
        return kit.<ExitPlan>runCommand(r -> new PositionEntity.ManageBar(bar, null, List.of(), r)).reply();
    }

    private FillEvent fill(ClientOrderId order, String tradeId, OrderSide side, String price, String quantity, Instant time) {
        Fill f = Fixtures.fill(order, tradeId, side, price, quantity, "0", time);
        var result = kit.<PositionEntity.PositionUpdated>runCommand(r -> new PositionEntity.ApplyFill(f, r));
        return assertInstanceOf(FillEvent.class, result.event());
    }

    private static OrderRequest only(ExitPlan plan, OrderType type) {
        List<OrderRequest> of = plan.place().stream().filter(r -> r.type() == type).toList();
        assertEquals(1, of.size(), "one " + type + " in " + plan);
        return of.get(0);
    }

    @Test
    void plusOneRThenPlusTwoRMovesToBreakEvenScalesHalfAndExitsTheRest() {
        // The stop goes out with the entry, before it fills: reduce-only, decided with the entry.
        ExitPlan protect = kit.<ExitPlan>runCommand(r -> new PositionEntity.Protect(Price.of("90"), Quantity.of("1"), "ema-cross", DECIDED, r))
                .reply();
        OrderRequest stop = only(protect, OrderType.STOP_MARKET);
        assertEquals(Price.of("90"), stop.limitPrice());
        assertEquals(Quantity.of("1"), stop.quantity());
        assertEquals(OrderSide.SELL, stop.side());
        assertTrue(stop.reduceOnly());
        assertEquals(DECIDED, stop.decisionTime(), "rests from the entry's own bar");
        settle(protect);

        FillEvent opened = fill(ClientOrderId.ofKey("entry"), "e1", OrderSide.BUY, "100", "1", minute(1));
        assertEquals(Price.of("100"), opened.managed().entry());
        assertEquals(Price.of("90"), opened.managed().stop());

        // Bar 1 (high 105): nothing reached; the plan keeps the stop (same id: not replaced) and adds the rung and the target.
        ExitPlan afterBar1 = settle(manage(bar(1, "100", "105", "99", "104", "1")));
        assertEquals(stop.clientOrderId(), only(afterBar1, OrderType.STOP_MARKET).clientOrderId());
        List<OrderRequest> limits = afterBar1.place().stream().filter(r -> r.type() == OrderType.LIMIT).toList();
        assertEquals(List.of(Price.of("110"), Price.of("120")), limits.stream().map(OrderRequest::limitPrice).toList());
        assertEquals(List.of(Quantity.of("0.5"), Quantity.of("0.5")), limits.stream().map(OrderRequest::quantity).toList());
        assertTrue(afterBar1.cancel().isEmpty());

        // Bar 2 reaches +1R: the venue fills the rung at 110 ...
        FillEvent scaled = fill(limits.get(0).clientOrderId(), "x1", OrderSide.SELL, "110", "0.5", minute(2));
        assertEquals(ExitKind.RUNG, scaled.exit());
        assertEquals(0, new BigDecimal("5").compareTo(scaled.exitPnl()));
        // ... and at the close the stop moves to break-even: a new stop order, the old one cancelled.
        var bar2 = kit.<ExitPlan>runCommand(r -> new PositionEntity.ManageBar(bar(2, "104", "111", "103", "108", "1"), null, List.of(), r));
        BarManaged managed = assertInstanceOf(BarManaged.class, bar2.event());
        assertEquals(Price.of("90"), managed.stopFrom());
        assertEquals(Price.of("100"), managed.stopTo());
        assertEquals("BREAK_EVEN", managed.stopReason());
        ExitPlan afterBar2 = bar2.reply();
        OrderRequest breakEven = only(afterBar2, OrderType.STOP_MARKET);
        assertEquals(Price.of("100"), breakEven.limitPrice());
        assertEquals(Quantity.of("0.5"), breakEven.quantity());
        assertEquals(Set.of(stop.clientOrderId().value(), limits.get(0).clientOrderId().value()), Set.copyOf(afterBar2.cancel()),
                "the old stop and the filled rung");
        settle(afterBar2, stop.clientOrderId().value(), limits.get(0).clientOrderId().value());

        // Bar 3 reaches +2R: the target takes the rest; realized 5 + 10 = 15, exactly the fills'.
        FillEvent target = fill(limits.get(1).clientOrderId(), "x2", OrderSide.SELL, "120", "0.5", minute(3));
        assertInstanceOf(PositionEntity.PositionClosed.class, target);
        assertEquals(ExitKind.TARGET, target.exit());
        assertEquals(0, new BigDecimal("15").compareTo(target.managed().realizedPnl()));
        assertTrue(target.managed().isClosed());

        // Closed: the next bar only cancels what still rests (the break-even stop; the target filled).
        ExitPlan afterClose = manage(bar(3, "119", "121", "118", "120", "1"));
        assertTrue(afterClose.place().isEmpty());
        assertEquals(new HashSet<>(List.of(breakEven.clientOrderId().value(), limits.get(1).clientOrderId().value())),
                new HashSet<>(afterClose.cancel()));

        kit.restart();
        PositionState recovered = kit.getState();
        assertTrue(recovered.isClosed());
        assertEquals(0, new BigDecimal("15").compareTo(recovered.managed().realizedPnl()));
        assertEquals(4, recovered.exitOrders().size(), "stop, rung, target, break-even stop");
    }

    @Test
    void anExitThatSellsMoreThanIsHeldIsBoughtBackAtMarket() {
        // A spot venue cannot cap a reduce-only order at the holding: the rung and the whole-position stop both trade in one bar.
        ExitPlan protect = kit.<ExitPlan>runCommand(r -> new PositionEntity.Protect(Price.of("90"), Quantity.of("1"), "ema-cross", DECIDED, r))
                .reply();
        OrderRequest stop = only(protect, OrderType.STOP_MARKET);
        settle(protect);
        fill(ClientOrderId.ofKey("entry"), "e1", OrderSide.BUY, "100", "1", minute(1));
        ExitPlan afterBar1 = settle(manage(bar(1, "100", "105", "99", "104", "1")));
        OrderRequest rung = afterBar1.place().stream().filter(r -> r.type() == OrderType.LIMIT).findFirst().orElseThrow();
        fill(rung.clientOrderId(), "x1", OrderSide.SELL, "110", "0.5", minute(2));
        FillEvent stopped = fill(stop.clientOrderId(), "x2", OrderSide.SELL, "90", "1", minute(2));
        assertEquals(ExitKind.STOP, stopped.exit());
        assertTrue(stopped.managed().isClosed());
        assertEquals(0, new BigDecimal("-0.5").compareTo(kit.getState().position().signedQuantity()), "sold 0.5 more than was held");

        ExitPlan next = manage(bar(2, "95", "96", "89", "91", "1"));
        OrderRequest buyBack = only(next, OrderType.MARKET);
        assertEquals(OrderSide.BUY, buyBack.side());
        assertEquals(Quantity.of("0.5"), buyBack.quantity());
        assertTrue(buyBack.reduceOnly());
        settle(next);
        FillEvent flat = fill(buyBack.clientOrderId(), "x3", OrderSide.BUY, "95", "0.5", minute(3));
        assertInstanceOf(PositionEntity.PositionClosed.class, flat);
        assertTrue(manage(bar(3, "95", "96", "94", "95", "1")).place().isEmpty(), "nothing more to buy back");
    }

    @Test
    void anExitThatFillsAfterItsTradeEndedIsClosedAtMarketBetweenBars() {
        ExitPlan protect = kit.<ExitPlan>runCommand(r -> new PositionEntity.Protect(Price.of("90"), Quantity.of("1"), "ema-cross", DECIDED, r))
                .reply();
        OrderRequest stop = only(protect, OrderType.STOP_MARKET);
        settle(protect);
        fill(ClientOrderId.ofKey("entry"), "e1", OrderSide.BUY, "100", "1", minute(1));
        ExitPlan afterBar1 = settle(manage(bar(1, "100", "105", "99", "104", "1")));
        List<OrderRequest> limits = afterBar1.place().stream().filter(r -> r.type() == OrderType.LIMIT).toList();
        fill(limits.get(0).clientOrderId(), "x1", OrderSide.SELL, "110", "0.5", minute(2));
        fill(limits.get(1).clientOrderId(), "x2", OrderSide.SELL, "120", "0.5", minute(2));
        assertTrue(kit.getState().isClosed());

        // The stop's cancel lost the race: it fills after the trade ended.
        Fill late = Fixtures.fill(stop.clientOrderId(), "x3", OrderSide.SELL, "90", "0.3", "0", minute(3));
        var result = kit.<PositionEntity.PositionUpdated>runCommand(r -> new PositionEntity.ApplyFill(late, r));
        assertTrue(result.reply().remainder(), "a remainder no trade manages");
        ExitPlan plan = kit.<ExitPlan>runCommand(r -> new PositionEntity.PlanExits(minute(3), r)).reply();
        OrderRequest close = only(plan, OrderType.MARKET);
        assertEquals(OrderSide.BUY, close.side());
        assertEquals(Quantity.of("0.3"), close.quantity());
        assertEquals(minute(3), close.decisionTime());
    }

    @Test
    void timeStopAsksForAMarketExitAtTheCloseOfBarN() {
        kit = PEKKO.eventSourced(PositionEntity.create(POSITION, "USDT", id -> PLAN.withLadder(List.of()).withTargetR(null).withMaxBarsInTrade(3),
                Fixtures.tuning()));
        settle(kit.<ExitPlan>runCommand(r -> new PositionEntity.Protect(Price.of("90"), Quantity.of("1"), "ema-cross", DECIDED, r)).reply());
        fill(ClientOrderId.ofKey("entry"), "e1", OrderSide.BUY, "100", "1", minute(1));
        for (int n = 1; n <= 2; n++) {
            ExitPlan plan = settle(manage(bar(n, "100", "101", "99", "100", "1")));
            assertTrue(plan.place().stream().noneMatch(r -> r.type() == OrderType.MARKET), "bar " + n + ": no exit yet");
        }
        ExitPlan third = manage(bar(3, "100", "101", "99", "100", "1"));
        OrderRequest exit = only(third, OrderType.MARKET);
        assertEquals(Quantity.of("1"), exit.quantity());
        assertEquals(bar(3, "100", "101", "99", "100", "1").closeTime(), exit.decisionTime(), "decided at the close of bar 3");
        settle(third);
        FillEvent closed = fill(exit.clientOrderId(), "x1", OrderSide.SELL, "100.5", "1", minute(4));
        assertEquals(ExitKind.TIME, closed.exit());
        assertNull(kit.getState().marketExit());
    }

    @Test
    void anEntryThatEndsUnfilledTakesItsStopWithIt() {
        ExitPlan protect = settle(kit.<ExitPlan>runCommand(r -> new PositionEntity.Protect(Price.of("90"), Quantity.of("1"), "ema-cross", DECIDED, r))
                .reply());
        String stop = only(protect, OrderType.STOP_MARKET).clientOrderId().value();
        ExitPlan dropped = kit.<ExitPlan>runCommand(r -> new PositionEntity.DropProtection("REJECTED: blocked", r)).reply();
        assertTrue(dropped.place().isEmpty());
        assertEquals(List.of(stop), dropped.cancel());
        settle(dropped, stop);
        assertTrue(manage(bar(2, "100", "101", "99", "100", "1")).isEmpty(), "nothing rests, nothing is wanted");
    }

    @Test
    void anEntryFilledThroughItsStopIsClosedAtMarket() {
        settle(kit.<ExitPlan>runCommand(r -> new PositionEntity.Protect(Price.of("90"), Quantity.of("1"), "ema-cross", DECIDED, r)).reply());
        FillEvent opened = fill(ClientOrderId.ofKey("entry"), "e1", OrderSide.BUY, "89", "1", minute(1));
        assertTrue(opened.stopBreached());
        ExitPlan plan = manage(bar(1, "89", "90", "85", "88", "1"));
        OrderRequest exit = only(plan, OrderType.MARKET);
        assertEquals(Quantity.of("1"), exit.quantity());
        assertTrue(exit.reduceOnly());
        assertEquals(BTCUSDT, exit.instrument());
    }
}

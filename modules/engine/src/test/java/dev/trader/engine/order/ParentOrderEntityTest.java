package dev.trader.engine.order;

import static dev.trader.engine.testing.Fixtures.BTCUSDT_RULES;
import static dev.trader.engine.testing.Fixtures.marketOrder;
import static dev.trader.engine.testing.Fixtures.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.algo.AlgoType;
import dev.trader.domain.algo.SliceSizing;
import dev.trader.domain.algo.TwapScheduler;
import dev.trader.domain.id.ChildOrderIds;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.OrderType;
import dev.trader.engine.order.ParentOrderEntity.ChildCreated;
import dev.trader.engine.order.ParentOrderEntity.ChildSeen;
import dev.trader.engine.order.ParentOrderEntity.Command;
import dev.trader.engine.order.ParentOrderEntity.Event;
import dev.trader.engine.order.ParentOrderEntity.ParentEnded;
import dev.trader.engine.order.ParentOrderEntity.ParentStarted;
import dev.trader.engine.order.ParentStep.Action;
import dev.trader.engine.testing.Fixtures;
import dev.trader.engine.testing.PekkoTestKit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A BUY of 0.04016 BTC decided at the close of the 00:04 bar, cut into children. The entity
 * decides and journals; the test carries out its answers as the pipeline does (with an Order
 * entity per child on a scripted venue where a test needs them), and feeds it the bars.
 */
class ParentOrderEntityTest {
    @RegisterExtension
    static final PekkoTestKit PEKKO = new PekkoTestKit();

    private static final ClientOrderId PARENT = ClientOrderId.derive(Fixtures.EMA_CROSS, Fixtures.BTCUSDT, minute(5), 0);
    private static final String POSITION = "paper:binance:BTCUSDT:1";
    private static final OrderRequest REQUEST = marketOrder(PARENT, OrderSide.BUY, "0.04016", minute(5));
    private static final Price CLOSE = Price.of("24985.92");
    private static final BigDecimal ONE_BPS = BigDecimal.ONE;

    private EventSourcedBehaviorTestKit<Command, Event, ParentOrderState> kit;

    @BeforeEach
    void startEntity() {
        kit = PEKKO.eventSourced(ParentOrderEntity.create(PARENT.value(), Fixtures.tuning()));
    }

    @AfterEach
    void everyJournaledEventAndTheStateSurviveSerialization() {
        PEKKO.journal().persistedInStorage("ParentOrder|" + PARENT.value()).forEach(PEKKO::verifySerialization);
        PEKKO.verifySerialization(kit.getState());
    }

    /** TWAP: 4 slices of 0.01004 over 8 bars, at bars 0, 2, 4 and 6 after the start (00:05, 00:07, 00:09, 00:11). */
    private static ParentSpec twap() {
        return new ParentSpec(REQUEST, POSITION, AlgoType.TWAP, minute(5), 60_000, BTCUSDT_RULES, CLOSE,
                TwapScheduler.plan(REQUEST.quantity(), 4, 8, new SliceSizing(BTCUSDT_RULES, CLOSE)), null, 8, ONE_BPS);
    }

    private static ParentSpec pov(String participation, int horizon) {
        return new ParentSpec(REQUEST, POSITION, AlgoType.POV, minute(5), 60_000, BTCUSDT_RULES, CLOSE, null, new BigDecimal(participation),
                horizon, ONE_BPS);
    }

    /** The close of the bar that closes at {@code closeMinute}, with {@code volume} traded and the spread (null: unknown). */
    private static ParentBar bar(int closeMinute, String volume, String spreadBps) {
        return new ParentBar(minute(closeMinute), CLOSE, Quantity.of(volume), spreadBps == null ? null : new BigDecimal(spreadBps), false);
    }

    private static ParentBar bar(int closeMinute) {
        return bar(closeMinute, "41.37", null);
    }

    private ParentStep start(ParentSpec spec, ParentBar bar) {
        return kit.<ParentStep>runCommand(r -> new ParentOrderEntity.Start(spec, bar, r)).reply();
    }

    private EventSourcedBehaviorTestKit.CommandResultWithReply<Command, Event, ParentOrderState, ParentStep> advance(ParentBar bar, ChildReport report) {
        return kit.runCommand(r -> new ParentOrderEntity.Advance(bar, report, r));
    }

    private static ChildReport filled(ChildOrder child) {
        return new ChildReport(child.clientOrderId(), OrderStatus.FILLED, child.request().quantity());
    }

    private static ClientOrderId child(int seq) {
        return ChildOrderIds.of(PARENT, seq);
    }

    @Test
    void startJournalsThePlanAndTheFirstChildBeforeAnyoneCanPlaceIt() {
        var result = kit.<ParentStep>runCommand(r -> new ParentOrderEntity.Start(twap(), bar(5), r));

        ChildOrder first = result.reply().child();
        assertEquals(Action.PLACE, result.reply().action());
        assertEquals(List.of(new ParentStarted(twap()), new ChildCreated(first, minute(5))), result.events(),
                "the child is in the journal when the caller is told to place it");
        assertEquals(PARENT.value() + "-01", first.clientOrderId());
        assertEquals(new OrderRequest(child(1), Fixtures.EMA_CROSS, Fixtures.BTCUSDT, OrderSide.BUY, OrderType.MARKET, Quantity.of("0.01004"), null,
                minute(5)), first.request());
        assertEquals("no measured spread: at market", first.reason());
        assertEquals(ParentStatus.WORKING, result.state().status());
    }

    @Test
    void eachSliceIsAChildOfItsOwnWithAnIdFromTheParentAndItsSequenceUntilTheParentIsFilled() {
        ChildOrder c1 = start(twap(), bar(5)).child();

        var quiet = advance(bar(6), filled(c1));
        assertEquals(Action.WAIT, quiet.reply().action(), "slice 1 is due at 00:07");
        assertEquals(List.of(new ChildSeen(1, OrderStatus.FILLED, Quantity.of("0.01004"))), quiet.events());

        ChildOrder c2 = advance(bar(7), null).reply().child();
        ChildOrder c3 = advance(bar(9), filled(c2)).reply().child();
        ChildOrder c4 = advance(bar(11), filled(c3)).reply().child();
        var done = advance(bar(12), filled(c4));

        assertEquals(List.of(child(2), child(3), child(4)), List.of(c2.request().clientOrderId(), c3.request().clientOrderId(), c4.request().clientOrderId()));
        assertEquals(List.of(1, 2, 3), List.of(c2.slice(), c3.slice(), c4.slice()));
        assertTrue(c4.last(), "the last slice completes the order");
        assertEquals(Action.DONE, done.reply().action());
        assertEquals(new ParentEnded(ParentStatus.DONE, "filled 0.04016 in 4 child order(s)", minute(12)), done.events().get(1));
        assertEquals(Quantity.of("0.04016"), kit.getState().filled());
        assertEquals(Quantity.ZERO, kit.getState().remaining());
    }

    @Test
    void aLimitChildNotFilledByTheEndOfItsSliceIsCancelledAndItsRestGoesWithTheNextTheLastAtMarket() {
        // A spread of 2 bps is wider than the 1 bps threshold: children rest at the bid.
        ChildOrder c1 = start(twap(), bar(5, "41.37", "2")).child();
        assertEquals(OrderType.LIMIT, c1.request().type());
        assertEquals(Price.of("24983.42"), c1.request().limitPrice(), "24,985.92 less 1 bps, down to the tick");

        var sliceEnded = advance(bar(7, "41.37", "2"), new ChildReport(c1.clientOrderId(), OrderStatus.PARTIALLY_FILLED, Quantity.of("0.004")));
        assertEquals(Action.CANCEL, sliceEnded.reply().action());
        assertEquals(c1.clientOrderId(), sliceEnded.reply().child().clientOrderId());

        ChildOrder c2 = advance(bar(7, "41.37", "2"), new ChildReport(c1.clientOrderId(), OrderStatus.CANCELLED, Quantity.of("0.004"))).reply().child();
        assertEquals(Quantity.of("0.01608"), c2.request().quantity(), "slice 1 plus what child 1 left: 0.02008 - 0.004");
        assertEquals(OrderType.LIMIT, c2.request().type());

        ChildOrder c3 = advance(bar(9, "41.37", "2"), new ChildReport(c2.clientOrderId(), OrderStatus.FILLED, Quantity.of("0.01608"))).reply().child();
        assertEquals(advance(bar(11, "41.37", "2"), new ChildReport(c3.clientOrderId(), OrderStatus.ACCEPTED, Quantity.ZERO)).reply().action(), Action.CANCEL);
        ChildOrder c4 = advance(bar(11, "41.37", "2"), new ChildReport(c3.clientOrderId(), OrderStatus.CANCELLED, Quantity.ZERO)).reply().child();

        assertEquals(Quantity.of("0.02008"), c4.request().quantity(), "the last slice takes everything left");
        assertEquals(OrderType.MARKET, c4.request().type());
        assertNull(c4.request().limitPrice());
        assertEquals("the last child completes the order at market", c4.reason());
    }

    @Test
    void aRestartMidPlanResumesWithoutCreatingAChildTwiceOrSkippingOne() {
        ChildOrder c1 = start(twap(), bar(5)).child();
        ChildOrder c2 = advance(bar(7), filled(c1)).reply().child();
        ParentOrderState before = kit.getState();

        kit.restart();
        assertEquals(before, kit.getState(), "recovered from the journal exactly");

        var replayedDecision = kit.<ParentStep>runCommand(r -> new ParentOrderEntity.Start(twap(), bar(5), r));
        assertTrue(replayedDecision.hasNoEvents(), "started once");
        assertEquals(Action.PLACE, replayedDecision.reply().action(), "the working child is placed again (idempotent by its id)");
        assertEquals(c2, replayedDecision.reply().child());
        for (int m : new int[] {5, 6, 7}) {
            var replayedBar = advance(bar(m), null);
            assertTrue(replayedBar.hasNoEvents(), "bar closing at minute " + m + " was seen");
            assertEquals(Action.WAIT, replayedBar.reply().action());
        }

        ChildOrder c3 = advance(bar(9), filled(c2)).reply().child();
        assertEquals(child(3), c3.request().clientOrderId(), "the next child is the next number");
        assertEquals(List.of(1, 2, 3), kit.getState().children().stream().map(ChildOrder::seq).toList());
    }

    @Test
    void aPovChildIsAShareOfTheLastBarsVolumeOneABarAndTheRestGoesAtMarketAtTheHorizon() {
        ParentStep first = start(pov("0.0002", 3), bar(5, "41.37", null));
        assertEquals(Quantity.of("0.00827"), first.child().request().quantity(), "0.0002 x 41.37, down to the lot");
        assertEquals(Action.WAIT, advance(bar(5), null).reply().action(), "one child per bar");

        ChildOrder c2 = advance(bar(6, "12.5", null), filled(first.child())).reply().child();
        assertEquals(Quantity.of("0.0025"), c2.request().quantity());
        // Bar 7 traded little: the share (0.00001 BTC, 0.25 USDT) is below the venue's minimum, so nothing goes.
        assertEquals(Action.WAIT, advance(bar(7, "0.05", null), filled(c2)).reply().action());

        ChildOrder last = advance(bar(8, "41.37", null), null).reply().child();
        assertTrue(last.last());
        assertEquals(OrderType.MARKET, last.request().type());
        assertEquals(Quantity.of("0.02939"), last.request().quantity(), "0.04016 - 0.00827 - 0.0025 after 3 bars");
    }

    @Test
    void aPovChildThatDidNotFillInItsBarIsCancelledAndTheNextSizedFromTheNewBar() {
        ParentStep first = start(pov("0.0002", 10), bar(5, "41.37", "3"));
        assertEquals(OrderType.LIMIT, first.child().request().type());

        assertEquals(Action.CANCEL, advance(bar(6, "20", "3"), new ChildReport(first.child().clientOrderId(), OrderStatus.ACCEPTED, Quantity.ZERO))
                .reply().action());
        ChildOrder c2 = advance(bar(6, "20", "3"), new ChildReport(first.child().clientOrderId(), OrderStatus.CANCELLED, Quantity.ZERO)).reply().child();

        assertEquals(Quantity.of("0.004"), c2.request().quantity(), "0.0002 x 20");
        assertEquals(minute(6), c2.request().decisionTime());
    }

    @Test
    void aCancelledParentCancelsItsWorkingChildSendsNothingMoreAndEnds() {
        ChildOrder c1 = start(twap(), bar(5)).child();
        ParentOrderState cancelling = kit.<ParentOrderState>runCommand(r -> new ParentOrderEntity.Cancel("flatten after a floor", r)).reply();
        assertEquals(ParentStatus.CANCELLING, cancelling.status());

        var step = advance(bar(5), new ChildReport(c1.clientOrderId(), OrderStatus.ACCEPTED, Quantity.ZERO));
        assertEquals(Action.CANCEL, step.reply().action(), "even at the bar it was created in");
        var ended = advance(bar(5), new ChildReport(c1.clientOrderId(), OrderStatus.CANCELLED, Quantity.ZERO));

        assertEquals(Action.DONE, ended.reply().action());
        assertEquals(ParentStatus.CANCELLED, kit.getState().status());
        assertEquals("flatten after a floor", kit.getState().note());
        assertEquals(Action.DONE, advance(bar(7), null).reply().action(), "an ended parent creates nothing");
        assertEquals(1, kit.getState().children().size());
    }

    @Test
    void whileTheKillSwitchHoldsOrdersNoChildGoesOut() {
        ChildOrder c1 = start(twap(), bar(5)).child();
        ParentBar held = new ParentBar(minute(7), CLOSE, Quantity.of("41.37"), null, true);

        var step = advance(held, filled(c1));

        assertEquals(Action.WAIT, step.reply().action());
        assertEquals(1, kit.getState().children().size());
        ChildOrder c2 = advance(bar(8), null).reply().child();
        assertEquals(Quantity.of("0.01004"), c2.request().quantity(), "slice 1, late");
    }

    @Test
    void theLastChildEndingShortEndsTheParentWithWhatWasLeft() {
        ChildOrder c1 = start(twap(), bar(5)).child();
        ChildOrder c2 = advance(bar(7), filled(c1)).reply().child();
        ChildOrder c3 = advance(bar(9), filled(c2)).reply().child();
        ChildOrder c4 = advance(bar(11), filled(c3)).reply().child();

        var ended = advance(bar(12), new ChildReport(c4.clientOrderId(), OrderStatus.REJECTED, Quantity.ZERO));

        assertEquals(Action.DONE, ended.reply().action());
        assertEquals("the last child ended REJECTED with 0.01004 unfilled", kit.getState().note());
        assertEquals(Quantity.of("0.01004"), kit.getState().remaining());
    }

    /** Each child is an Order entity of its own: placed through OrderEntity, journaled under its own id, sent to the venue under it. */
    @Test
    void everyChildIsPlacedAsItsOwnOrderEntity() {
        FakeExecutionClient venue = new FakeExecutionClient(id -> PEKKO.journal().persistedInStorage("Order|" + id.value()));
        ChildOrder c1 = start(twap(), bar(5)).child();
        OrderState o1 = placeChild(c1, venue);
        assertEquals(OrderStatus.ACCEPTED, o1.status());
        // The venue here never trades: the child's fill is reported as the fill router would have booked it.
        ChildOrder c2 = advance(bar(7), filled(c1)).reply().child();
        OrderState o2 = placeChild(c2, venue);

        assertEquals(List.of(c1.request(), c2.request()), venue.submissions().stream().map(FakeExecutionClient.Submission::request).toList());
        for (FakeExecutionClient.Submission s : venue.submissions()) {
            // The request and its position; the wall-clock decision instant it also journals is a measurement, not compared.
            assertEquals(1, s.journalAtCall().size(), "each child's own journal held its request when the venue was called");
            OrderEntity.OrderRequested requested = (OrderEntity.OrderRequested) s.journalAtCall().get(0);
            assertEquals(s.request(), requested.request());
            assertEquals(POSITION, requested.positionId());
        }
        assertEquals(OrderStatus.ACCEPTED, o2.status());
        assertEquals(POSITION, o2.positionId(), "every child fills the parent's position");
        Instant created = kit.getState().children().get(1).request().decisionTime();
        assertEquals(minute(7), created, "decided at the close of its slice's first bar");
    }

    private static OrderState placeChild(ChildOrder child, FakeExecutionClient venue) {
        var order = PEKKO.testKit().spawn(OrderEntity.create(child.clientOrderId(), venue, Fixtures.tuning()));
        var probe = PEKKO.testKit().<OrderState>createTestProbe();
        order.tell(new OrderEntity.Place(child.request(), POSITION, probe.ref()));
        return probe.receiveMessage();
    }
}

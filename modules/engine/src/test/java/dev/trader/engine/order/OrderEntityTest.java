package dev.trader.engine.order;

import static dev.trader.engine.testing.Fixtures.fill;
import static dev.trader.engine.testing.Fixtures.marketOrder;
import static dev.trader.engine.testing.Fixtures.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderStatus;
import dev.trader.engine.order.FakeExecutionClient.Answer;
import dev.trader.engine.order.OrderEntity.ApplyFill;
import dev.trader.engine.order.OrderEntity.Command;
import dev.trader.engine.order.OrderEntity.Event;
import dev.trader.engine.order.OrderEntity.FillApplied;
import dev.trader.engine.order.OrderEntity.OrderAccepted;
import dev.trader.engine.order.OrderEntity.OrderFilled;
import dev.trader.engine.order.OrderEntity.OrderRejected;
import dev.trader.engine.order.OrderEntity.OrderRequested;
import dev.trader.engine.order.OrderEntity.OrderStatusUnknown;
import dev.trader.engine.order.OrderEntity.OrderSubmitted;
import dev.trader.engine.order.OrderEntity.Place;
import dev.trader.engine.order.OrderEntity.Reconcile;
import dev.trader.engine.testing.Fixtures;
import dev.trader.engine.testing.PekkoTestKit;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One BUY of 0.04016 BTC. Place and Reconcile reply only once the venue answered, so those
 * replies go to a probe and the kit's own view (the state at the time the command was handled)
 * is checked separately from the journal.
 */
class OrderEntityTest {
    @RegisterExtension
    static final PekkoTestKit PEKKO = new PekkoTestKit();

    private static final ClientOrderId ID = ClientOrderId.derive(Fixtures.EMA_CROSS, Fixtures.BTCUSDT, minute(6), 0);
    private static final String PERSISTENCE_ID = "Order|" + ID.value();
    private static final String POSITION = "paper:binance:BTCUSDT:1";
    private static final OrderRequest REQUEST = marketOrder(ID, OrderSide.BUY, "0.04016", minute(6));
    /** The wall clock the order stamps its latency measurements with: fixed, so the journal is predictable. */
    private static final Instant NOW = Instant.parse("2026-11-21T09:30:00.123456Z");

    private FakeExecutionClient venue;
    private EventSourcedBehaviorTestKit<Command, Event, OrderState> kit;

    @BeforeEach
    void startEntity() {
        venue = new FakeExecutionClient(id -> PEKKO.journal().persistedInStorage("Order|" + id.value()));
        kit = PEKKO.eventSourced(OrderEntity.create(ID.value(), venue, Fixtures.tuning(), InstantSource.fixed(NOW)));
    }

    /**
     * The venue's answers are journaled from a message the entity sends itself, which the behavior
     * testkit never sees: check that every event of the order, and the final state, survive serialization.
     */
    @AfterEach
    void everyJournaledEventAndTheStateSurviveSerialization() {
        journal().forEach(PEKKO::verifySerialization);
        PEKKO.verifySerialization(kit.getState());
    }

    private List<Object> journal() {
        return PEKKO.journal().persistedInStorage(PERSISTENCE_ID);
    }

    /** The request as Place journals it: a market order without a decision price, stamped now. */
    private static OrderRequested requested() {
        return new OrderRequested(REQUEST, POSITION, null, NOW);
    }

    private static OrderAccepted accepted(String venueOrderId) {
        return new OrderAccepted(venueOrderId, null, NOW);
    }

    private static OrderFilled filled(Fill fill, OrderStatus after) {
        return new OrderFilled(fill, after, NOW);
    }

    /** Sends Place and returns the state the order replied with once the venue answered. */
    private OrderState place() {
        TestProbe<OrderState> probe = PEKKO.testKit().createTestProbe();
        var handled = kit.runCommand(new Place(REQUEST, POSITION, probe.ref()));
        assertEquals(requested(), handled.events().get(0), "Place journals the request first");
        return probe.receiveMessage();
    }

    private CommandResultWithReply<Command, Event, OrderState, FillApplied> applyFill(Fill fill) {
        return kit.<FillApplied>runCommand(replyTo -> new ApplyFill(fill, replyTo));
    }

    private static Fill buyFill(String tradeId, String price, String quantity, String fee) {
        return fill(ID, tradeId, OrderSide.BUY, price, quantity, fee, minute(7));
    }

    @Test
    void placeJournalsTheRequestBeforeCallingTheVenueThenRecordsSubmittedAndAccepted() {
        OrderState replied = place();

        assertEquals(1, venue.submissions().size());
        FakeExecutionClient.Submission call = venue.submissions().get(0);
        assertEquals(REQUEST, call.request());
        assertEquals(List.of(requested()), call.journalAtCall(),
                "when the venue was called, the request was journaled and nothing else");

        assertEquals(List.of(requested(), new OrderSubmitted(ID.value()), accepted("8401123")), journal());
        assertEquals(OrderStatus.ACCEPTED, replied.status());
        assertEquals("8401123", replied.venueOrderId());
        assertEquals(REQUEST, replied.request());
        assertEquals(POSITION, replied.positionId());
        assertEquals(replied, kit.getState());
    }

    @Test
    void aSecondPlaceWithTheSameIdAnswersFromStateWithoutCallingTheVenueAgain() {
        place();

        var again = kit.<OrderState>runCommand(replyTo -> new Place(REQUEST, POSITION, replyTo));

        assertEquals(OrderStatus.ACCEPTED, again.reply().status());
        assertTrue(again.hasNoEvents());
        assertEquals(1, venue.submissions().size());
    }

    @Test
    void anUnknownAnswerMakesTheOrderUnknownNotRejected() {
        venue.thenAnswer(Answer.UNKNOWN);

        OrderState replied = place();

        assertEquals(OrderStatus.UNKNOWN, replied.status());
        assertFalse(replied.status().isTerminal());
        assertEquals("-1007 Timeout waiting for response from backend server.", replied.lastReason());
        assertEquals(List.of(requested(), new OrderSubmitted(ID.value()),
                new OrderStatusUnknown("-1007 Timeout waiting for response from backend server.")), journal());
    }

    @Test
    void anUnknownOrderIsAskedAboutUntilTheVenueSaysItHasIt() {
        venue.thenAnswer(Answer.UNKNOWN).denialsToConclude(3)
                .answerQueriesInTurn(List.of(Optional.empty(), Optional.empty(), Optional.of(OrderStatus.FILLED)));
        assertEquals(OrderStatus.UNKNOWN, place().status());

        awaitStatus(OrderStatus.ACCEPTED, Duration.ofSeconds(10));
        assertEquals(3, venue.queries().size(), "asked until it answered; two denials proved nothing");
        assertEquals(1, venue.submissions().size(), "never sent a second time");
        assertEquals(accepted(""), journal().get(journal().size() - 1), "adopted; its fills arrive on their own");
    }

    @Test
    void onlyAsManyDenialsAsProveItSendTheOrderAgainUnderTheSameId() {
        venue.thenAnswer(Answer.UNKNOWN, Answer.ACCEPT).denialsToConclude(3).answerQueriesWith(Optional.empty());
        assertEquals(OrderStatus.UNKNOWN, place().status());

        awaitStatus(OrderStatus.ACCEPTED, Duration.ofSeconds(10));
        assertEquals(3, venue.queries().size());
        List<FakeExecutionClient.Submission> calls = venue.submissions();
        assertEquals(2, calls.size(), "sent again once, after the third denial");
        assertEquals(calls.get(0).request(), calls.get(1).request());
    }

    private void awaitStatus(OrderStatus status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (kit.getState().status() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("order still " + kit.getState().status() + ", not " + status + ", after " + within);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aFailedSubmissionMakesTheOrderUnknownNotRejected() {
        venue.thenAnswer(Answer.FAIL);

        OrderState replied = place();

        assertEquals(OrderStatus.UNKNOWN, replied.status());
        assertEquals("Connection reset by peer", replied.lastReason());
        assertEquals(List.of(requested(), new OrderSubmitted(ID.value()),
                new OrderStatusUnknown("Connection reset by peer")), journal());
    }

    @Test
    void aRejectedAnswerMakesTheOrderRejected() {
        venue.thenAnswer(Answer.REJECT);

        OrderState replied = place();

        assertEquals(OrderStatus.REJECTED, replied.status());
        assertTrue(replied.status().isTerminal());
        assertEquals(List.of(requested(), new OrderSubmitted(ID.value()),
                new OrderRejected("-2010 Account has insufficient balance for requested action.")), journal());
        // a terminal order is not sent again
        var again = kit.<OrderState>runCommand(replyTo -> new Place(REQUEST, POSITION, replyTo));
        assertEquals(OrderStatus.REJECTED, again.reply().status());
        assertEquals(1, venue.submissions().size());
    }

    @Test
    void anOrderTheVenueTookForLessIsCompleteAtThatQuantity() {
        venue.acceptFor(Quantity.of("0.03"));
        OrderState accepted = place();
        assertEquals(Quantity.of("0.03"), accepted.request().quantity(), "as the venue took it");
        assertEquals(new OrderAccepted("8401123", Quantity.of("0.03"), NOW), journal().get(journal().size() - 1));

        var applied = kit.<FillApplied>runCommand(r -> new ApplyFill(buyFill("t1", "25000", "0.03", "0.75"), r)).reply();
        assertEquals(OrderStatus.FILLED, applied.order().status(), "filled at what the venue took, not left partially filled");
        kit.restart();
        assertEquals(OrderStatus.FILLED, kit.getState().status());
        assertEquals(Quantity.of("0.03"), kit.getState().request().quantity());
    }

    @Test
    void aFillIsAppliedOncePerTradeId() {
        place();
        Fill all = buyFill("3069712240", "24901.37", "0.04016", "1.00003902");

        var first = applyFill(all);
        assertTrue(first.reply().known());
        assertTrue(first.reply().applied());
        assertEquals(List.of(filled(all, OrderStatus.FILLED)), first.events());
        assertEquals(OrderStatus.FILLED, first.reply().order().status());

        var second = applyFill(all);
        assertTrue(second.reply().known());
        assertFalse(second.reply().applied());
        assertTrue(second.hasNoEvents());
        assertEquals(first.state(), second.state());
        assertEquals(List.of(all), second.state().fills());
    }

    @Test
    void aPartialThenTheRemainingFillMovesThroughPartiallyFilledToFilled() {
        place();
        Fill part = buyFill("3069712240", "24901.37", "0.01", "0.24901370");
        Fill rest = buyFill("3069712241", "24901.40", "0.03016", "0.75102622");

        var afterPart = applyFill(part);
        assertEquals(OrderStatus.PARTIALLY_FILLED, afterPart.reply().order().status());
        assertEquals(Quantity.of("0.01"), afterPart.state().filledQuantity());
        assertEquals(List.of(filled(part, OrderStatus.PARTIALLY_FILLED)), afterPart.events());

        var afterRest = applyFill(rest);
        assertEquals(OrderStatus.FILLED, afterRest.reply().order().status());
        assertEquals(Quantity.of("0.04016"), afterRest.state().filledQuantity());
        assertEquals(List.of(part, rest), afterRest.state().fills());
        assertEquals(List.of(filled(rest, OrderStatus.FILLED)), afterRest.events());
    }

    @Test
    void aFillForAnOrderNeverPlacedHereIsNotKnown() {
        var result = applyFill(buyFill("3069712240", "24901.37", "0.04016", "1.00003902"));

        assertFalse(result.reply().known());
        assertFalse(result.reply().applied());
        assertTrue(result.hasNoEvents());
        assertFalse(result.state().exists());
        assertEquals(List.of(), venue.submissions());
    }

    @Test
    void aFillArrivingBeforeTheVenuesAnswerProvesTheSubmission() {
        // the request is journaled but the answer never was (a crash in between)
        kit.initialize(new OrderRequested(REQUEST, POSITION));
        Fill all = buyFill("3069712240", "24901.37", "0.04016", "1.00003902");

        var result = applyFill(all);

        assertTrue(result.reply().applied());
        assertEquals(List.of(new OrderSubmitted(ID.value()), filled(all, OrderStatus.FILLED)), result.events());
        assertEquals(OrderStatus.FILLED, result.state().status());
    }

    @Test
    void placeAfterACrashBetweenJournalAndAnswerSendsAgainUnderTheSameId() {
        kit.initialize(new OrderRequested(REQUEST, POSITION));
        assertEquals(OrderStatus.NEW, kit.getState().status());

        TestProbe<OrderState> probe = PEKKO.testKit().createTestProbe();
        var handled = kit.runCommand(new Place(REQUEST, POSITION, probe.ref()));
        OrderState replied = probe.receiveMessage();

        assertTrue(handled.events().stream().noneMatch(OrderRequested.class::isInstance), "the request is not journaled twice");
        assertEquals(OrderStatus.ACCEPTED, replied.status());
        assertEquals(1, venue.submissions().size());
        assertEquals(ID, venue.submissions().get(0).request().clientOrderId());
        assertEquals(List.of(new OrderRequested(REQUEST, POSITION), new OrderSubmitted(ID.value()), accepted("8401123")), journal(),
                "the request as journaled before the crash (by an older build: no decision instant), then the answer");
    }

    @Test
    void reconcileResendsAnOpenOrderTheVenueDoesNotKnowUnderTheSameClientOrderId() {
        venue.thenAnswer(Answer.UNKNOWN, Answer.ACCEPT).answerQueriesWith(Optional.empty());
        assertEquals(OrderStatus.UNKNOWN, place().status());

        TestProbe<OrderState> probe = PEKKO.testKit().createTestProbe();
        kit.runCommand(new Reconcile(probe.ref()));
        OrderState replied = probe.receiveMessage();

        assertEquals(List.of(ID), venue.queries());
        List<FakeExecutionClient.Submission> calls = venue.submissions();
        assertEquals(2, calls.size());
        assertEquals(calls.get(0).request(), calls.get(1).request(), "the same request, under the same client order id");
        assertEquals(ID, calls.get(1).request().clientOrderId());
        assertEquals(OrderStatus.ACCEPTED, replied.status());
        assertEquals("8401123", replied.venueOrderId());
        assertEquals(List.of(requested(), new OrderSubmitted(ID.value()),
                new OrderStatusUnknown("-1007 Timeout waiting for response from backend server."),
                new OrderSubmitted(ID.value()), accepted("8401123")), journal());
    }

    @Test
    void reconcileLeavesAnOrderTheVenueKnowsAlone() {
        place();
        venue.answerQueriesWith(Optional.of(OrderStatus.ACCEPTED));

        TestProbe<OrderState> probe = PEKKO.testKit().createTestProbe();
        var handled = kit.runCommand(new Reconcile(probe.ref()));
        OrderState replied = probe.receiveMessage();

        assertTrue(handled.hasNoEvents());
        assertEquals(OrderStatus.ACCEPTED, replied.status());
        assertEquals(1, venue.submissions().size());
        assertEquals(List.of(ID), venue.queries());
    }

    @Test
    void cancelAsksTheVenueAndJournalsTheCancellationItConfirms() {
        place();
        TestProbe<OrderState> probe = PEKKO.testKit().createTestProbe();

        kit.runCommand(new OrderEntity.Cancel("flatten after a floor", probe.ref()));

        OrderState cancelled = probe.receiveMessage();
        assertEquals(OrderStatus.CANCELLED, cancelled.status());
        assertEquals("flatten after a floor", cancelled.lastReason());
        assertEquals(List.of(ID), venue.cancels());
        assertEquals(new OrderEntity.OrderCancelled("flatten after a floor"), journal().get(journal().size() - 1));

        var again = kit.<OrderState>runCommand(replyTo -> new OrderEntity.Cancel("again", replyTo));
        assertTrue(again.hasNoEvents(), "a cancelled order is done");
        assertEquals(1, venue.cancels().size(), "and the venue is not asked again");
    }

    @Test
    void aFillThatArrivesAfterTheCancelIsBookedNotLost() {
        place();
        TestProbe<OrderState> probe = PEKKO.testKit().createTestProbe();
        kit.runCommand(new OrderEntity.Cancel("flatten after a floor", probe.ref()));
        assertEquals(OrderStatus.CANCELLED, probe.receiveMessage().status());

        var late = applyFill(buyFill("3069712240", "24901.37", "0.04016", "1.00003902"));

        assertTrue(late.reply().known());
        assertTrue(late.reply().applied(), "the trade happened: it goes on to the position and the account");
        assertEquals(OrderStatus.CANCELLED, late.state().status());
        assertEquals(1, late.state().fills().size());
        assertFalse(applyFill(buyFill("3069712240", "24901.37", "0.04016", "1.00003902")).reply().applied(), "still once per trade id");
    }

    @Test
    void aCancelTheVenueRefusesLeavesTheOrderAsItWas() {
        place();
        // The venue still has it: a refused cancel's query must not end it.
        venue.refuseCancels().answerQueriesWith(Optional.of(OrderStatus.ACCEPTED));
        TestProbe<OrderState> probe = PEKKO.testKit().createTestProbe();

        kit.runCommand(new OrderEntity.Cancel("flatten after a floor", probe.ref()));

        assertEquals(OrderStatus.ACCEPTED, probe.receiveMessage().status(), "it may have filled: its fill arrives on its own");
        assertEquals(3, journal().size());
    }

    @Test
    void stateAfterRestartEqualsStateBefore() {
        place();
        applyFill(buyFill("3069712240", "24901.37", "0.01", "0.24901370"));
        OrderState before = kit.getState();

        assertEquals(before, kit.restart().state());
        assertFalse(applyFill(buyFill("3069712240", "24901.37", "0.01", "0.24901370")).reply().applied());
    }
}

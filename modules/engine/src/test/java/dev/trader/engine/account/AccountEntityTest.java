package dev.trader.engine.account;

import static dev.trader.engine.testing.Fixtures.BTCUSDT;
import static dev.trader.engine.testing.Fixtures.BTCUSDT_RULES;
import static dev.trader.engine.testing.Fixtures.EMA_CROSS;
import static dev.trader.engine.testing.Fixtures.fill;
import static dev.trader.engine.testing.Fixtures.minute;
import static dev.trader.engine.testing.Fixtures.signal;
import static dev.trader.engine.testing.Fixtures.usdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.engine.account.AccountEntity.BookFill;
import dev.trader.engine.account.AccountEntity.CloseOrder;
import dev.trader.engine.account.AccountEntity.Command;
import dev.trader.engine.account.AccountEntity.EvaluateSignal;
import dev.trader.engine.account.AccountEntity.Event;
import dev.trader.engine.account.AccountEntity.FillBooked;
import dev.trader.engine.account.AccountEntity.FillBookedEvent;
import dev.trader.engine.account.AccountEntity.IntentApproved;
import dev.trader.engine.account.AccountEntity.IntentRejected;
import dev.trader.engine.account.AccountEntity.KillSwitchSet;
import dev.trader.engine.account.AccountEntity.OrderReleased;
import dev.trader.engine.account.AccountEntity.SetKillSwitch;
import dev.trader.engine.testing.Fixtures;
import dev.trader.engine.testing.PekkoTestKit;
import dev.trader.risk.FlatRiskCheck;
import dev.trader.risk.RiskLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account "paper" with 10 000 USDT, entries of 1 000 USDT, a cap of 2 500 per instrument and a 0.1% fee reserve. */
class AccountEntityTest {
    @RegisterExtension
    static final PekkoTestKit PEKKO = new PekkoTestKit();

    private static final RiskLimits LIMITS = new RiskLimits(usdt("1000"), usdt("2500"), new BigDecimal("0.001"));
    private static final Instant LONG_AT = minute(6);
    private static final Instant FLAT_AT = minute(7);
    /** floor(1000 / 24899.18) to the lot of 0.00001: 0.04016 × 24899.18 = 999.95106880, one lot more would be 1000.20006060. */
    private static final Quantity ENTRY_QUANTITY = Quantity.of("0.04016");

    private EventSourcedBehaviorTestKit<Command, Event, AccountState> kit;

    @BeforeEach
    void startEntity() {
        kit = PEKKO.eventSourced(AccountEntity.create("paper", usdt("10000"), new FlatRiskCheck(LIMITS),
                Map.of(BTCUSDT.value(), BTCUSDT_RULES), Fixtures.tuning()));
    }

    private CommandResultWithReply<Command, Event, AccountState, IntentDecision> evaluate(Signal signal) {
        return kit.<IntentDecision>runCommand(replyTo -> new EvaluateSignal(signal, replyTo));
    }

    private CommandResultWithReply<Command, Event, AccountState, FillBooked> book(Fill fill, String heldAfter, boolean orderDone) {
        return kit.<FillBooked>runCommand(replyTo -> new BookFill(fill, Quantity.of(heldAfter), orderDone, replyTo));
    }

    private static ClientOrderId entryId(Instant signalTime) {
        return ClientOrderId.derive(EMA_CROSS, BTCUSDT, signalTime, 0);
    }

    private static Money cash(String amount) {
        return usdt(amount);
    }

    /** Approves the LONG at 24899.18 and books its single fill at 24901.37 with a 0.1% fee. */
    private void holdEntry() {
        evaluate(signal(SignalDirection.LONG, LONG_AT, "24899.18"));
        book(fill(entryId(LONG_AT), "3069712240", OrderSide.BUY, "24901.37", "0.04016", "1.00003902", minute(7)), "0.04016", true);
    }

    @Test
    void aLongSignalWhileFlatIsApprovedAsALotSizedBuyForTheFirstPosition() {
        var result = evaluate(signal(SignalDirection.LONG, LONG_AT, "24899.18"));

        IntentDecision d = result.reply();
        assertEquals(IntentDecision.Outcome.APPROVED, d.outcome());
        ClientOrderId id = entryId(LONG_AT);
        assertEquals(new OrderRequest(id, EMA_CROSS, BTCUSDT, OrderSide.BUY, OrderType.MARKET, ENTRY_QUANTITY, null, LONG_AT), d.request());
        assertEquals("paper:binance:BTCUSDT:1", d.positionId());
        assertEquals(id.value(), d.clientOrderId());
        assertEquals("binance:BTCUSDT", d.instrument());
        assertEquals("10000 USDT", d.inputs().get("cash"));
        assertEquals("0.04016", d.inputs().get("quantity"));
        assertEquals(List.of(new IntentApproved(d, true, 1)), result.events());

        AccountState state = result.state();
        assertEquals(1, state.approvedCount());
        assertEquals(Map.of(id.value(), new OpenOrder(id.value(), "binance:BTCUSDT", OrderSide.BUY, true, ENTRY_QUANTITY,
                "paper:binance:BTCUSDT:1")), state.openOrders());
        assertEquals(new InstrumentBook("binance:BTCUSDT", Quantity.ZERO, 1, "ema-cross"), state.books().get("binance:BTCUSDT"),
                "the entry's strategy owns the position from its approval");
        assertEquals(cash("10000"), state.cash(), "approval reserves nothing in cash; fills move it");
    }

    @Test
    void theSameSignalAgainGetsTheSameDecisionAndPersistsNothing() {
        Signal longSignal = signal(SignalDirection.LONG, LONG_AT, "24899.18");
        IntentDecision first = evaluate(longSignal).reply();
        AccountState before = kit.getState();

        var again = evaluate(longSignal);

        assertEquals(first, again.reply());
        assertTrue(again.hasNoEvents());
        assertEquals(before, again.state());
        assertEquals(1, again.state().approvedCount());
    }

    @Test
    void aSignalReplayedAfterItsOrderFilledStillGetsItsOriginalDecision() {
        Signal longSignal = signal(SignalDirection.LONG, LONG_AT, "24899.18");
        IntentDecision first = evaluate(longSignal).reply();
        book(fill(entryId(LONG_AT), "3069712240", OrderSide.BUY, "24901.37", "0.04016", "1.00003902", minute(7)), "0.04016", true);

        // held now, so deciding anew would say "no action"; a replay after a crash must see the approval it got
        var replayed = evaluate(longSignal);

        assertEquals(first, replayed.reply());
        assertTrue(replayed.hasNoEvents());
    }

    @Test
    void aSecondLongWhileTheEntryIsPendingNeedsNoOrder() {
        evaluate(signal(SignalDirection.LONG, LONG_AT, "24899.18"));
        // a different signal time: a different intent, not a replay; the account is no longer flat (pending entry)
        var second = evaluate(signal(SignalDirection.LONG, minute(30), "24950.00"));
        // LONG while not flat needs no order at all
        assertEquals(IntentDecision.Outcome.NO_ACTION, second.reply().outcome());
        assertEquals(List.of(new AccountEntity.IntentIgnored(second.reply())), second.events(), "journaled, so a replay gets the same answer");
        assertEquals(0, second.state().openOrders().values().stream().filter(o -> o.clientOrderId().equals(second.reply().clientOrderId())).count());
    }

    @Test
    void aSignalThatNeededNoOrderPlacesNoneWhenSeenAgainOnAFlatBook() {
        holdEntry();
        Signal late = signal(SignalDirection.LONG, minute(30), "24950.00");
        assertEquals(IntentDecision.Outcome.NO_ACTION, evaluate(late).reply().outcome());
        // the position is closed; then the old LONG is replayed (a restart re-reading its file)
        evaluate(signal(SignalDirection.FLAT, FLAT_AT, "24850.00"));
        book(fill(entryId(FLAT_AT), "3069712377", OrderSide.SELL, "24848.52", "0.04016", "0.99791656", minute(8)), "0", true);

        var again = evaluate(late);

        assertEquals(IntentDecision.Outcome.NO_ACTION, again.reply().outcome(), "the first answer, not a fresh entry");
        assertTrue(again.hasNoEvents());
    }

    @Test
    void withTheKillSwitchOnASignalIsRejectedByRuleKillSwitch() {
        var on = kit.<AccountState>runCommand(replyTo -> new SetKillSwitch(true, replyTo));
        assertEquals(List.of(new KillSwitchSet(true)), on.events());
        assertTrue(on.reply().killSwitch());

        var result = evaluate(signal(SignalDirection.LONG, LONG_AT, "24899.18"));

        IntentDecision d = result.reply();
        assertEquals(IntentDecision.Outcome.REJECTED, d.outcome());
        assertEquals("kill_switch", d.rule());
        assertNull(d.request());
        assertNull(d.positionId());
        assertEquals(entryId(LONG_AT).value(), d.clientOrderId());
        assertEquals(List.of(new IntentRejected(d)), result.events());
        assertEquals(1, result.state().rejectedCount());
        assertEquals(0, result.state().approvedCount());
        assertEquals(List.of(d), result.state().recentRejections());
        assertEquals(Map.of(), result.state().openOrders());
    }

    @Test
    void aReconciliationHoldRejectsEntriesOnItsInstrumentButNeverAnExit() {
        holdEntry();
        var held = kit.<AccountState>runCommand(replyTo -> new AccountEntity.SetReconciliationHolds(
                Map.of(BTCUSDT.value(), "1 unexplained: FOREIGN_OPEN_ORDER 42"), replyTo));
        assertEquals(List.of(new AccountEntity.ReconciliationHoldsSet(Map.of(BTCUSDT.value(), "1 unexplained: FOREIGN_OPEN_ORDER 42"))), held.events());

        var exit = evaluate(signal(SignalDirection.FLAT, FLAT_AT, "24850.00"));
        assertEquals(IntentDecision.Outcome.APPROVED, exit.reply().outcome(), "a hold must never keep a position open");
        book(fill(entryId(FLAT_AT), "3069712999", OrderSide.SELL, "24850.00", "0.04016", "0.99797600", minute(8)), "0", true);

        var entry = evaluate(signal(SignalDirection.LONG, minute(9), "24860.00"));
        assertEquals(IntentDecision.Outcome.REJECTED, entry.reply().outcome());
        assertEquals(AccountEntity.RECONCILIATION_HOLD, entry.reply().rule());
        assertTrue(entry.reply().reason().contains("FOREIGN_OPEN_ORDER 42"), entry.reply().reason());

        // the same holds again journal nothing; an empty set releases the instrument
        assertEquals(List.of(), kit.<AccountState>runCommand(r -> new AccountEntity.SetReconciliationHolds(
                Map.of(BTCUSDT.value(), "1 unexplained: FOREIGN_OPEN_ORDER 42"), r)).events());
        var released = kit.<AccountState>runCommand(r -> new AccountEntity.SetReconciliationHolds(Map.of(), r));
        assertEquals(Map.of(), released.reply().reconciliationHolds());
        assertEquals(IntentDecision.Outcome.APPROVED, evaluate(signal(SignalDirection.LONG, minute(10), "24860.00")).reply().outcome());
        kit.restart();
        assertEquals(Map.of(), kit.getState().reconciliationHolds());
    }

    @Test
    void aHoldSetAfterTheDecisionStillStopsTheEntryBeforeItIsSent() {
        IntentDecision approved = evaluate(signal(SignalDirection.LONG, LONG_AT, "24899.18")).reply();
        assertEquals(IntentDecision.Outcome.APPROVED, approved.outcome());
        kit.<AccountState>runCommand(r -> new AccountEntity.SetReconciliationHolds(Map.of(BTCUSDT.value(), "1 unexplained: BALANCE_MISMATCH BTC"), r));

        var recheck = kit.<AccountEntity.Rechecked>runCommand(r -> new AccountEntity.RecheckOrder(approved.request(), r));

        assertFalse(recheck.reply().send());
        assertEquals(AccountEntity.RECONCILIATION_HOLD, recheck.reply().rule());
        assertEquals(Map.of(), recheck.state().openOrders(), "the entry's reservation is released");
    }

    @Test
    void bookFillMovesCashByNotionalPlusFeeExactlyAndOnlyOncePerTradeId() {
        evaluate(signal(SignalDirection.LONG, LONG_AT, "24899.18"));
        Fill buy = fill(entryId(LONG_AT), "3069712240", OrderSide.BUY, "24901.37", "0.04016", "1.00003902", minute(7));

        var booked = book(buy, "0.04016", true);

        // 24901.37 × 0.04016 = 1000.0390192; 10000 − 1000.0390192 − 1.00003902 = 8998.96094178
        BigDecimal expected = new BigDecimal("10000").subtract(new BigDecimal("24901.37").multiply(new BigDecimal("0.04016")))
                .subtract(new BigDecimal("1.00003902"));
        assertEquals(0, expected.compareTo(new BigDecimal("8998.96094178")));
        assertEquals(Money.of(expected, "USDT"), booked.reply().cashAfter());
        assertEquals(cash("8998.96094178"), booked.reply().cashAfter());
        assertTrue(booked.reply().booked());
        assertEquals(List.of(new FillBookedEvent(buy, ENTRY_QUANTITY, true)), booked.events());
        AccountState state = booked.state();
        assertEquals(cash("8998.96094178"), state.cash());
        assertEquals(new InstrumentBook("binance:BTCUSDT", ENTRY_QUANTITY, 1, "ema-cross"), state.books().get("binance:BTCUSDT"));
        assertEquals(Map.of(), state.openOrders(), "the filled entry is no longer pending");
        assertEquals(Set.of("3069712240"), state.bookedTradeIds());

        var again = book(buy, "0.04016", true);
        assertFalse(again.reply().booked());
        assertEquals(cash("8998.96094178"), again.reply().cashAfter());
        assertTrue(again.hasNoEvents());
        assertEquals(state, again.state());
    }

    @Test
    void aPartialFillKeepsTheRestOfTheEntryPending() {
        evaluate(signal(SignalDirection.LONG, LONG_AT, "24899.18"));
        ClientOrderId id = entryId(LONG_AT);

        var partial = book(fill(id, "3069712240", OrderSide.BUY, "24901.37", "0.01", "0.24901370", minute(7)), "0.01", false);

        // 10000 − 249.0137 − 0.2490137 = 9750.7372863
        assertEquals(cash("9750.7372863"), partial.state().cash());
        assertEquals(Quantity.of("0.03016"), partial.state().openOrders().get(id.value()).remaining());

        var rest = book(fill(id, "3069712241", OrderSide.BUY, "24901.40", "0.03016", "0.75102622", minute(7)), "0.04016", true);
        // 24901.40 × 0.03016 = 751.026224; 9750.7372863 − 751.026224 − 0.75102622 = 8998.96003608
        assertEquals(cash("8998.96003608"), rest.state().cash());
        assertEquals(Map.of(), rest.state().openOrders());
    }

    @Test
    void aFlatSignalWhileHoldingSellsExactlyTheHeldQuantityReduceOnly() {
        holdEntry();

        var result = evaluate(signal(SignalDirection.FLAT, FLAT_AT, "24850.00"));

        IntentDecision d = result.reply();
        assertEquals(IntentDecision.Outcome.APPROVED, d.outcome());
        ClientOrderId exitId = entryId(FLAT_AT);
        assertEquals(new OrderRequest(exitId, EMA_CROSS, BTCUSDT, OrderSide.SELL, OrderType.MARKET, ENTRY_QUANTITY, null, FLAT_AT, true),
                d.request());
        assertEquals("paper:binance:BTCUSDT:1", d.positionId(), "an exit closes the position it belongs to");
        // entry=false: the order reduces what is held and is not sized by risk
        assertEquals(List.of(new IntentApproved(d, false, 1)), result.events());
        OpenOrder exit = result.state().openOrders().get(exitId.value());
        assertFalse(exit.entry());
        assertEquals(ENTRY_QUANTITY, exit.remaining());

        // a second FLAT (another bar) while the exit is pending has nothing left to sell
        var second = evaluate(signal(SignalDirection.FLAT, minute(8), "24840.00"));
        assertEquals(IntentDecision.Outcome.REJECTED, second.reply().outcome());
        assertEquals("nothing_to_reduce", second.reply().rule());
    }

    @Test
    void anotherStrategysExitLeavesThePositionAlone() {
        holdEntry();
        Signal other = new Signal(new dev.trader.domain.id.StrategyId("rsi-reversion"), BTCUSDT, dev.trader.domain.market.Timeframe.M1,
                FLAT_AT, SignalDirection.FLAT, 0.5, dev.trader.domain.money.Price.of("24850.00"), "RSI reached the exit level", Map.of());

        var result = evaluate(other);

        assertEquals(IntentDecision.Outcome.NO_ACTION, result.reply().outcome());
        assertTrue(result.reply().reason().contains("ema-cross"), result.reply().reason());
        assertEquals(List.of(new AccountEntity.IntentIgnored(result.reply())), result.events());
        assertEquals(ENTRY_QUANTITY, result.state().books().get("binance:BTCUSDT").filled());
    }

    @Test
    void aSellFillAddsTheNotionalLessTheFeeAndFlattensTheBook() {
        holdEntry();
        evaluate(signal(SignalDirection.FLAT, FLAT_AT, "24850.00"));
        Fill sell = fill(entryId(FLAT_AT), "3069712377", OrderSide.SELL, "24848.52", "0.04016", "0.99791656", minute(8));

        var booked = book(sell, "0", true);

        // 24848.52 × 0.04016 = 997.9165632; 8998.96094178 + 997.9165632 − 0.99791656 = 9995.87958842
        assertEquals(cash("9995.87958842"), booked.state().cash());
        assertEquals(new InstrumentBook("binance:BTCUSDT", Quantity.ZERO, 1, null), booked.state().books().get("binance:BTCUSDT"),
                "flat again: no owner");
        assertEquals(Map.of(), booked.state().openOrders());

        // flat again: the next LONG opens position 2
        var next = evaluate(signal(SignalDirection.LONG, minute(40), "24899.18"));
        assertEquals("paper:binance:BTCUSDT:2", next.reply().positionId());
    }

    @Test
    void closeOrderReleasesThePendingEntrySoTheNextSignalOpensANewPosition() {
        ClientOrderId id = entryId(LONG_AT);
        evaluate(signal(SignalDirection.LONG, LONG_AT, "24899.18"));
        assertEquals(IntentDecision.Outcome.NO_ACTION, evaluate(signal(SignalDirection.LONG, minute(30), "24950.00")).reply().outcome());

        var closed = kit.<AccountState>runCommand(replyTo -> new CloseOrder(id.value(), "REJECTED: -2010 insufficient balance", replyTo));

        assertEquals(List.of(new OrderReleased(id.value(), "REJECTED: -2010 insufficient balance")), closed.events());
        assertEquals(Map.of(), closed.reply().openOrders());
        assertEquals(closed.reply(), closed.state());

        var again = kit.<AccountState>runCommand(replyTo -> new CloseOrder(id.value(), "REJECTED: again", replyTo));
        assertTrue(again.hasNoEvents(), "closing an order that is not open changes nothing");

        var next = evaluate(signal(SignalDirection.LONG, minute(31), "24950.00"));
        assertEquals(IntentDecision.Outcome.APPROVED, next.reply().outcome());
        assertEquals("paper:binance:BTCUSDT:2", next.reply().positionId());
        // floor(1000 / 24950.00) to the lot: 0.04008 (1000.0 would need 0.0400801...)
        assertEquals(Quantity.of("0.04008"), next.reply().request().quantity());
    }

    @Test
    void aSignalForAnInstrumentWithoutRulesIsRejected() {
        Signal eth = new Signal(EMA_CROSS, InstrumentId.parse("binance:ETHUSDT"), Timeframe.M1, LONG_AT,
                SignalDirection.LONG, 0.5, Price.of("1650.12"), "EMA2 crossed above EMA4 at close 1650.12", Map.of());
        var result = evaluate(eth);
        assertEquals(IntentDecision.Outcome.REJECTED, result.reply().outcome());
        assertEquals("unknown_instrument", result.reply().rule());
        assertEquals(List.of(new IntentRejected(result.reply())), result.events());
    }

    @Test
    void stateAfterRestartEqualsStateBefore() {
        holdEntry();
        evaluate(signal(SignalDirection.FLAT, FLAT_AT, "24850.00"));
        kit.<AccountState>runCommand(replyTo -> new SetKillSwitch(true, replyTo));
        AccountState before = kit.getState();

        assertEquals(before, kit.restart().state());
    }
}

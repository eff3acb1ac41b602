package dev.trader.engine.account;

import static dev.trader.engine.testing.Fixtures.BTCUSDT;
import static dev.trader.engine.testing.Fixtures.BTCUSDT_RULES;
import static dev.trader.engine.testing.Fixtures.EMA_CROSS;
import static dev.trader.engine.testing.Fixtures.fill;
import static dev.trader.engine.testing.Fixtures.minute;
import static dev.trader.engine.testing.Fixtures.usdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.market.InstrumentRules;
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
import dev.trader.engine.account.AccountEntity.BarObserved;
import dev.trader.engine.account.AccountEntity.BookFill;
import dev.trader.engine.account.AccountEntity.Command;
import dev.trader.engine.account.AccountEntity.EvaluateSignal;
import dev.trader.engine.account.AccountEntity.Event;
import dev.trader.engine.account.AccountEntity.FillBooked;
import dev.trader.engine.account.AccountEntity.IntentApproved;
import dev.trader.engine.account.AccountEntity.IntentRejected;
import dev.trader.engine.account.AccountEntity.ObserveBar;
import dev.trader.engine.account.AccountEntity.RiskRecorded;
import dev.trader.engine.account.AccountEntity.SetKillSwitch;
import dev.trader.engine.testing.Fixtures;
import dev.trader.engine.testing.PekkoTestKit;
import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.RiskEvent;
import dev.trader.risk.rules.PreTradeRisk;
import dev.trader.risk.rules.RiskConfig;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account under the prop-firm model: 10 000 USDT, FTMO limits (daily floor 5% of the initial
 * capital below the Prague-midnight balance, overall floor at 90%), 0.5% risk per trade at the
 * stop, 0.1% fees. Every command, event and state goes through the journal's serializer and must
 * come back equal (the risk book included).
 */
class PropFirmAccountEntityTest {
    @RegisterExtension
    static final PekkoTestKit PEKKO = new PekkoTestKit();

    static final InstrumentId ETHUSDT = InstrumentId.parse("binance:ETHUSDT");
    static final InstrumentRules ETHUSDT_RULES = new InstrumentRules(ETHUSDT, "ETH", "USDT", Price.of("0.01"), Quantity.of("0.0001"),
            Quantity.of("0.0001"), Money.of("5", "USDT"));
    static final StrategyId RSI = new StrategyId("rsi-reversion");
    static final BigDecimal FEE = new BigDecimal("0.001");
    /** 50 USDT at risk over a loss of 148.87918 per BTC at the stop (99.18 + both fees): 0.33584 on the lot grid. */
    static final Quantity ENTRY = Quantity.of("0.33584");
    static final Instant LONG_AT = minute(6);

    private EventSourcedBehaviorTestKit<Command, Event, AccountState> kit;

    @BeforeEach
    void startEntity() {
        kit = PEKKO.eventSourced(account(Fixtures.tuning()));
    }

    static org.apache.pekko.actor.typed.Behavior<Command> account(dev.trader.engine.settings.PersistenceTuning tuning) {
        List<InstrumentRules> rules = List.of(BTCUSDT_RULES, ETHUSDT_RULES);
        PreTradeRisk risk = new PreTradeRisk(RiskConfig.defaults(usdt("10000"), FEE), rules);
        return AccountEntity.createPropFirm("paper", usdt("10000"), risk, NewsCalendar.NONE,
                Map.of(BTCUSDT.value(), BTCUSDT_RULES, ETHUSDT.value(), ETHUSDT_RULES), tuning);
    }

    static Signal longWithStop(StrategyId strategy, InstrumentId instrument, Instant time, String price, String stop) {
        return new Signal(strategy, instrument, Timeframe.M1, time, SignalDirection.LONG, 0.5, Price.of(price), "test entry",
                Map.of("stop_price", stop));
    }

    static Signal flat(StrategyId strategy, Instant time, String price) {
        return new Signal(strategy, BTCUSDT, Timeframe.M1, time, SignalDirection.FLAT, 0.5, Price.of(price), "test exit", Map.of());
    }

    static Fill fillOf(ClientOrderId id, String trade, OrderSide side, String price, Quantity q, Instant time) {
        Money fee = Money.of(new BigDecimal(price).multiply(q.toBigDecimal()).multiply(FEE), "USDT");
        return new Fill(id, new TradeId(trade), BTCUSDT, side, Price.of(price), q, fee, time);
    }

    private CommandResultWithReply<Command, Event, AccountState, IntentDecision> evaluate(Signal signal, String atr) {
        return kit.runCommand(replyTo -> new EvaluateSignal(signal, atr == null ? null : Price.of(atr), replyTo));
    }

    private CommandResultWithReply<Command, Event, AccountState, FillBooked> book(Fill fill, Quantity heldAfter) {
        return kit.runCommand(replyTo -> new BookFill(fill, heldAfter, true, replyTo));
    }

    private CommandResultWithReply<Command, Event, AccountState, Observation> observe(InstrumentId instrument, String close, Instant time) {
        return kit.runCommand(replyTo -> new ObserveBar(instrument, Price.of(close), time, replyTo));
    }

    private CommandResultWithReply<Command, Event, AccountState, AccountState> kill(boolean on, String strategy) {
        return kit.runCommand(r -> new SetKillSwitch(on, strategy, "test", r));
    }

    private RiskStatus status() {
        return kit.<RiskStatus>runCommand(AccountEntity.GetRiskStatus::new).reply();
    }

    private static ClientOrderId id(StrategyId s, InstrumentId i, Instant t, int leg) {
        return ClientOrderId.derive(s, i, t, leg);
    }

    /** The entry approved and filled at 24901.37. */
    private void holdEntry() {
        evaluate(longWithStop(EMA_CROSS, BTCUSDT, LONG_AT, "24899.18", "24800"), null);
        book(fillOf(id(EMA_CROSS, BTCUSDT, LONG_AT, 0), "t-entry", OrderSide.BUY, "24901.37", ENTRY, minute(7)), ENTRY);
    }

    @Test
    void anEntryIsSizedByRiskAtTheSignalsStopAndItsRiskEventsAreJournaledBeforeTheDecision() {
        var result = evaluate(longWithStop(EMA_CROSS, BTCUSDT, LONG_AT, "24899.18", "24800"), "20");

        IntentDecision d = result.reply();
        assertEquals(IntentDecision.Outcome.APPROVED, d.outcome(), d.reason() + " " + d.inputs());
        ClientOrderId orderId = id(EMA_CROSS, BTCUSDT, LONG_AT, 0);
        assertEquals(new OrderRequest(orderId, EMA_CROSS, BTCUSDT, OrderSide.BUY, OrderType.MARKET, ENTRY, null, LONG_AT), d.request());
        assertEquals("24800", d.inputs().get("stop"), "the signal's stop_price is the stop, with no ATR buffer");
        assertEquals("risk_size", d.inputs().get("binding_cap"));
        assertEquals("0.005", d.inputs().get("risk_fraction_base"));
        assertTrue(d.inputs().get("stop_source").startsWith("signal stop_price"), d.inputs().toString());
        // First the risk module's events (the first decision rolls the day from "before trading" to 16 March), then the decision.
        assertEquals(2, result.events().size());
        RiskRecorded risk = assertInstanceOf(RiskRecorded.class, result.events().get(0));
        assertEquals(new RiskEvent.DayRolled(Instant.parse("2023-03-15T23:00:00Z"), LocalDate.parse("2023-03-16")), risk.events().get(0));
        RiskEvent.IntentDecided decided = assertInstanceOf(RiskEvent.IntentDecided.class, risk.events().get(1));
        assertTrue(decided.approved());
        assertEquals(ENTRY, decided.quantity());
        assertEquals(new IntentApproved(d, true, 1), result.events().get(1));
        assertEquals(Price.of("24800"), result.state().risk().risk().pending().get(orderId).stop(), "the approval reserves its risk");
    }

    @Test
    void withoutAStopPriceTheStopIsTwoAtrsOfTheBarsAndWithoutAnAtrTheEntryIsRejected() {
        Signal noStop = new Signal(EMA_CROSS, BTCUSDT, Timeframe.M1, LONG_AT, SignalDirection.LONG, 0.5, Price.of("24899.18"), "x", Map.of());
        IntentDecision withAtr = evaluate(noStop, "20").reply();
        assertEquals(IntentDecision.Outcome.APPROVED, withAtr.outcome());
        assertEquals("24859.18", withAtr.inputs().get("stop"), "entry − 2 × ATR 20");

        Signal later = new Signal(EMA_CROSS, ETHUSDT, Timeframe.M1, minute(8), SignalDirection.LONG, 0.5, Price.of("1650.12"), "x", Map.of());
        IntentDecision withoutAtr = evaluate(later, null).reply();
        assertEquals("invalid_stop", withoutAtr.rule());
    }

    @Test
    void theSameSignalAgainGetsItsFirstDecisionAndJournalsNothingEvenAfterItFilled() {
        Signal entry = longWithStop(EMA_CROSS, BTCUSDT, LONG_AT, "24899.18", "24800");
        IntentDecision first = evaluate(entry, null).reply();
        book(fillOf(id(EMA_CROSS, BTCUSDT, LONG_AT, 0), "t-entry", OrderSide.BUY, "24901.37", ENTRY, minute(7)), ENTRY);
        AccountState before = kit.getState();

        var again = evaluate(entry, null);

        assertEquals(first, again.reply());
        assertTrue(again.hasNoEvents());
        assertEquals(before, again.state());
    }

    @Test
    void aFillIsBookedInTheRiskBookWithTheApprovedStopOncePerTradeId() {
        holdEntry();
        var state = kit.getState().risk().risk();
        var p = state.position(BTCUSDT).orElseThrow();
        assertEquals(ENTRY, p.quantity());
        assertEquals(Price.of("24800"), p.stop());
        assertTrue(state.pending().isEmpty(), "the filled entry no longer reserves anything");
        Money fee = usdt("8.3628761");
        assertEquals(usdt("10000").minus(fee), state.balance(), "balance: closed P&L and fees");

        var again = book(fillOf(id(EMA_CROSS, BTCUSDT, LONG_AT, 0), "t-entry", OrderSide.BUY, "24901.37", ENTRY, minute(7)), ENTRY);
        assertTrue(again.hasNoEvents());
    }

    @Test
    void aBarCloseMarksOnlyAHeldInstrumentAndARepeatedBarChangesNothing() {
        holdEntry();
        var eth = observe(ETHUSDT, "1650.12", minute(8));
        assertTrue(eth.hasNoEvents(), "nothing held in ETH, same trading day: nothing to journal");

        var btc = observe(BTCUSDT, "24950", minute(8));
        assertEquals(List.of(new BarObserved("binance:BTCUSDT", minute(8), List.of(new RiskEvent.Marked(minute(8), BTCUSDT, Price.of("24950"))))),
                btc.events());
        // (24950 − 24901.37) × 0.33584 = 16.3318992 of floating profit
        assertEquals(usdt("10000").minus(usdt("8.3628761")).plus(usdt("16.3318992")), btc.state().risk().risk().equity());

        assertTrue(observe(BTCUSDT, "24000", minute(8)).hasNoEvents(), "a bar at or before the last observed one is a replay");
        assertTrue(observe(BTCUSDT, "24950", minute(9)).hasNoEvents(), "the same close marks nothing new");
    }

    @Test
    void equityAtTheDailyFloorHaltsEntriesAndFlattensWithADeterministicReduceOnlyExit() {
        holdEntry();

        var crash = observe(BTCUSDT, "23300", minute(8));

        BarObserved observed = assertInstanceOf(BarObserved.class, crash.events().get(0));
        List<Class<?>> kinds = observed.events().stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(RiskEvent.Marked.class, RiskEvent.Halted.class, RiskEvent.FlattenRequested.class, RiskEvent.LockEngaged.class), kinds);
        RiskEvent.Halted halted = (RiskEvent.Halted) observed.events().get(1);
        assertEquals("prop_daily_floor", halted.rule());
        assertTrue(halted.untilNextDay());
        assertEquals("9500 USDT", halted.inputs().get("daily_floor"));
        // the flatten: a reduce-only market sell of the whole position, id derived from (owner, instrument, bar time, leg 1)
        IntentApproved exit = assertInstanceOf(IntentApproved.class, crash.events().get(1));
        ClientOrderId exitId = id(EMA_CROSS, BTCUSDT, minute(8), PropFirmDesk.FLATTEN_LEG);
        assertEquals(new OrderRequest(exitId, EMA_CROSS, BTCUSDT, OrderSide.SELL, OrderType.MARKET, ENTRY, null, minute(8), true),
                exit.decision().request());
        assertEquals("flatten", exit.decision().rule());
        assertFalse(exit.entry());
        assertEquals(new Observation(List.of(exit.decision()), List.of(), "paper:binance:BTCUSDT:1", false), crash.reply());

        RiskStatus s = status();
        assertEquals("prop_daily_floor", s.halt().rule());
        assertEquals(usdt("9500"), s.dailyFloor());
        assertEquals(usdt("9000"), s.overallFloor());
        assertEquals(usdt("9453.8330231"), s.equity(), "10000 − 8.3628761 fee − 0.33584 × 1601.37");
        assertTrue(s.flattening());

        // the next entry is blocked, whatever the instrument
        IntentDecision blocked = evaluate(longWithStop(EMA_CROSS, ETHUSDT, minute(9), "1650.12", "1640"), null).reply();
        assertEquals("halted", blocked.rule());
        assertTrue(blocked.reason().contains("prop_daily_floor"), blocked.reason());
        assertEquals(blocked, status().lastRejections().get(0));

        // a repeated bar re-drives the flatten still open; once the exit filled there is nothing left to do
        assertEquals(new Observation(List.of(exit.decision()), List.of(), "paper:binance:BTCUSDT:1", false), observe(BTCUSDT, "23300", minute(8)).reply());
        book(fillOf(exitId, "t-exit", OrderSide.SELL, "23290", ENTRY, minute(9)), Quantity.ZERO);
        assertEquals(new Observation(List.of(), List.of(), "paper:binance:BTCUSDT:1", false), observe(BTCUSDT, "23400", minute(10)).reply(),
                "nothing left to do but the last position's own orders");
        assertTrue(kit.getState().risk().risk().positions().isEmpty());
    }

    @Test
    void equityAtTheOverallFloorHaltsUntilCleared() {
        holdEntry();
        var crash = observe(BTCUSDT, "21800", minute(8));
        RiskEvent.Halted halted = (RiskEvent.Halted) ((BarObserved) crash.events().get(0)).events().get(1);
        assertEquals("prop_overall_floor", halted.rule());
        assertFalse(halted.untilNextDay(), "the overall floor is not lifted by the next day");
    }

    @Test
    void aFlattenCancelsTheEntriesStillOpen() {
        holdEntry();
        IntentDecision eth = evaluate(longWithStop(RSI, ETHUSDT, minute(7), "1650.12", "1640"), null).reply();
        assertTrue(eth.approved(), eth.reason());

        Observation o = observe(BTCUSDT, "23300", minute(8)).reply();

        assertEquals(List.of(eth.clientOrderId()), o.cancel());
        var released = kit.<AccountState>runCommand(r -> new AccountEntity.CloseOrder(eth.clientOrderId(), "CANCELLED: flatten", r));
        RiskRecorded closed = assertInstanceOf(RiskRecorded.class, released.events().get(1));
        assertInstanceOf(RiskEvent.OrderClosed.class, closed.events().get(0));
        assertTrue(released.state().risk().risk().pending().isEmpty());
        assertEquals(List.of(), observe(BTCUSDT, "23300", minute(9)).reply().cancel());
    }

    @Test
    void theKillSwitchOfOneStrategyBlocksOnlyItsOrdersAndEveryBlockedAttemptIsCounted() {
        var on = kit.<AccountState>runCommand(r -> new SetKillSwitch(true, "ema-cross", "test", r));
        RiskEvent.KillSwitchSet set = (RiskEvent.KillSwitchSet) ((RiskRecorded) on.events().get(0)).events().get(0);
        assertEquals(EMA_CROSS, set.strategy());
        assertTrue(set.on());
        assertTrue(kit.<AccountState>runCommand(r -> new SetKillSwitch(true, "ema-cross", "again", r)).hasNoEvents(), "already on");

        IntentDecision blocked = evaluate(longWithStop(EMA_CROSS, BTCUSDT, LONG_AT, "24899.18", "24800"), null).reply();
        IntentDecision other = evaluate(longWithStop(RSI, ETHUSDT, LONG_AT, "1650.12", "1640"), null).reply();
        IntentDecision again = evaluate(longWithStop(EMA_CROSS, BTCUSDT, minute(9), "24899.18", "24800"), null).reply();

        assertEquals("kill_switch", blocked.rule());
        assertEquals("1", blocked.inputs().get("blocked_attempts"));
        assertTrue(other.approved(), "another strategy trades on: " + other.reason());
        assertEquals("2", again.inputs().get("blocked_attempts"));
        RiskStatus s = status();
        assertEquals(Map.of("ema-cross", 2L), s.blockedAttempts());
        assertEquals(java.util.Set.of("ema-cross"), s.killedStrategies());
        assertFalse(s.globalKillSwitch());

        kill(true, null);
        IntentDecision global = evaluate(longWithStop(RSI, BTCUSDT, minute(10), "24899.18", "24800"), null).reply();
        assertEquals("kill_switch", global.rule());
        assertEquals(Map.of("ema-cross", 2L, "global", 1L), status().blockedAttempts());
        assertTrue(kit.getState().killSwitch(), "the account's global switch mirrors the risk book's");

        kill(false, null);
        kill(false, "ema-cross");
        assertTrue(evaluate(longWithStop(EMA_CROSS, BTCUSDT, minute(11), "24899.18", "24800"), null).reply().approved());
    }

    @Test
    void theSecondClampBlocksAnApprovedEntryWhenTheKillSwitchWentOnBeforeItWasSentAndReleasesIt() {
        IntentDecision approved = evaluate(longWithStop(EMA_CROSS, BTCUSDT, LONG_AT, "24899.18", "24800"), null).reply();
        assertTrue(approved.approved());
        var ok = kit.<AccountEntity.Rechecked>runCommand(r -> new AccountEntity.RecheckOrder(approved.request(), r));
        assertTrue(ok.reply().send(), "nothing changed since the approval: " + ok.reply());

        kill(true, null);
        var blocked = kit.<AccountEntity.Rechecked>runCommand(r -> new AccountEntity.RecheckOrder(approved.request(), r));
        assertFalse(blocked.reply().send());
        assertEquals("kill_switch", blocked.reply().rule());
        assertFalse(kit.getState().openOrders().containsKey(approved.clientOrderId()), "the blocked order is released");
        assertTrue(kit.getState().risk().risk().pending().isEmpty(), "and its reservation with it");
        assertEquals(1, status().blockedAttemptsTotal(), "the attempt is counted");

        var again = kit.<AccountEntity.Rechecked>runCommand(r -> new AccountEntity.RecheckOrder(approved.request(), r));
        assertFalse(again.reply().send());
        assertEquals("not_open", again.reply().rule(), "asked again (a replay), it is still not sent");
        assertTrue(again.events().isEmpty());
    }

    @Test
    void anExitIsStoppedOnlyByTheKillSwitch() {
        holdEntry();
        observe(BTCUSDT, "23300", minute(8));
        kill(true, null);
        // halted, and the flatten's exit is already pending: a strategy's FLAT finds nothing left to sell
        IntentDecision exit = evaluate(flat(EMA_CROSS, minute(9), "23300"), null).reply();
        assertEquals("kill_switch", exit.rule());
    }

    @Test
    void theDailyFloorResetsExactlyAtPragueMidnightAlsoOnTheDaySummerTimeBegins() {
        // 30 March 2024, CET (UTC+1): a losing round trip before midnight
        Instant entryAt = Instant.parse("2024-03-30T22:00:00Z");
        evaluate(longWithStop(EMA_CROSS, BTCUSDT, entryAt, "24899.18", "24800"), null);
        book(fillOf(id(EMA_CROSS, BTCUSDT, entryAt, 0), "t1", OrderSide.BUY, "24900", ENTRY, entryAt.plusSeconds(60)), ENTRY);
        Instant exitAt = Instant.parse("2024-03-30T22:30:00Z");
        evaluate(flat(EMA_CROSS, exitAt, "24800"), null);
        book(fillOf(id(EMA_CROSS, BTCUSDT, exitAt, 0), "t2", OrderSide.SELL, "24800", ENTRY, exitAt.plusSeconds(60)), Quantity.ZERO);
        Money balance = kit.getState().risk().risk().balance();
        assertTrue(balance.compareTo(usdt("9950")) < 0, "a loss of about 50 with fees: " + balance);

        observe(BTCUSDT, "24800", Instant.parse("2024-03-30T22:59:00Z"));
        assertEquals(LocalDate.parse("2024-03-30"), status().tradingDay());
        assertEquals(usdt("9500"), status().dailyFloor(), "the day started at 10000");

        var midnight = observe(BTCUSDT, "24800", Instant.parse("2024-03-30T23:00:00Z"));
        assertEquals(List.of(new RiskEvent.DayRolled(Instant.parse("2024-03-30T23:00:00Z"), LocalDate.parse("2024-03-31"))),
                ((BarObserved) midnight.events().get(0)).events());
        assertEquals(balance.minus(usdt("500")), status().dailyFloor(), "the balance at Prague midnight less 5% of the initial capital");

        // 31 March: clocks go forward at 02:00, so the day is 23 hours and ends at 22:00 UTC
        assertTrue(observe(BTCUSDT, "24800", Instant.parse("2024-03-31T21:59:00Z")).hasNoEvents());
        var dst = observe(BTCUSDT, "24800", Instant.parse("2024-03-31T22:00:00Z"));
        assertEquals(List.of(new RiskEvent.DayRolled(Instant.parse("2024-03-31T22:00:00Z"), LocalDate.parse("2024-04-01"))),
                ((BarObserved) dst.events().get(0)).events());
        assertTrue(observe(BTCUSDT, "24800", Instant.parse("2024-03-31T23:00:00Z")).hasNoEvents(), "no second roll at CET midnight");
    }

    @Test
    void stateAfterRestartEqualsStateBefore() {
        holdEntry();
        evaluate(longWithStop(RSI, ETHUSDT, minute(7), "1650.12", "1640"), null);
        kill(true, "rsi-reversion");
        evaluate(longWithStop(RSI, ETHUSDT, minute(9), "1650.12", "1640"), null);
        observe(BTCUSDT, "23300", minute(8));
        AccountState before = kit.getState();

        AccountState after = kit.restart().state();

        assertEquals(before, after);
        assertEquals(before.risk().book().snapshot(), after.risk().book().snapshot());
    }

    @Test
    void aSnapshotHoldsTheRiskBookExactly() {
        var snapshotting = PEKKO.<Command, Event, AccountState>eventSourced(account(Fixtures.tuning(2)));
        kit = snapshotting;
        holdEntry();
        evaluate(longWithStop(RSI, ETHUSDT, minute(7), "1650.12", "1640"), null);
        observe(BTCUSDT, "23300", minute(8));
        kit.<AccountState>runCommand(r -> new AccountEntity.CloseOrder(id(RSI, ETHUSDT, minute(7), 0).value(), "CANCELLED: flatten", r));
        kill(true, "rsi-reversion");
        AccountState before = kit.getState();

        AccountState after = kit.restart().state();

        assertEquals(before, after);
        // the restored book keeps deciding like the original
        IntentDecision next = evaluate(longWithStop(EMA_CROSS, ETHUSDT, minute(12), "1650.12", "1640"), null).reply();
        assertEquals("halted", next.rule());
        assertNull(next.request());
    }

    @Test
    void everyPartOfTheRiskBooksSnapshotSurvivesTheJournalsSerializer() {
        Instant t = minute(1);
        ClientOrderId reserved = id(RSI, ETHUSDT, t, 0);
        AccountRisk risk = AccountRisk.start(usdt("10000"), LocalDate.parse("2023-03-16")).applyAll(List.of(
                new RiskEvent.IntentDecided(t, EMA_CROSS, "default", id(EMA_CROSS, BTCUSDT, t, 0), BTCUSDT, OrderSide.BUY, true,
                        Quantity.of("0.2"), Price.of("25000"), Price.of("24900"), null),
                RiskEvent.Filled.of(fillOf(id(EMA_CROSS, BTCUSDT, t, 0), "t1", OrderSide.BUY, "25000", Quantity.of("0.1"), t), EMA_CROSS,
                        Price.of("24900")),
                RiskEvent.Filled.of(fillOf(id(EMA_CROSS, BTCUSDT, t, 1), "t2", OrderSide.SELL, "24950.5", Quantity.of("0.1"), minute(2)), EMA_CROSS,
                        null),
                RiskEvent.Filled.of(fillOf(id(EMA_CROSS, BTCUSDT, t, 2), "t3", OrderSide.SELL, "24950", Quantity.of("0.1"), minute(3)), EMA_CROSS,
                        null),
                RiskEvent.Filled.of(fillOf(id(EMA_CROSS, BTCUSDT, t, 3), "t4", OrderSide.BUY, "24900", Quantity.of("0.1"), minute(4)), EMA_CROSS,
                        null),
                RiskEvent.Filled.of(fillOf(id(EMA_CROSS, BTCUSDT, t, 4), "t5", OrderSide.BUY, "24910.25", Quantity.of("0.05"), minute(5)), EMA_CROSS,
                        Price.of("24800")),
                new RiskEvent.Marked(minute(5), BTCUSDT, Price.of("24920.12")),
                new RiskEvent.IntentDecided(minute(6), RSI, "default", reserved, ETHUSDT, OrderSide.SELL, true, Quantity.of("1.5"),
                        Price.of("1650.12"), Price.of("1660"), null),
                new RiskEvent.IntentDecided(minute(6), RSI, "default", id(RSI, ETHUSDT, minute(6), 1), ETHUSDT, OrderSide.SELL, false, null, null,
                        null, "news_blackout"),
                new RiskEvent.KillSwitchSet(minute(7), RSI, true, "operator"),
                new RiskEvent.KillSwitchSet(minute(7), null, true, "operator"),
                new RiskEvent.AttemptBlocked(minute(7), "global"),
                new RiskEvent.AttemptBlocked(minute(7), RSI.value()),
                new RiskEvent.SelfReported(minute(8), 3),
                new RiskEvent.LockEngaged(minute(8), "drawdown_lock", minute(128), Map.of("equity", "9990")),
                new RiskEvent.Halted(minute(9), "prop_daily_floor", true, Map.of("equity", "9499.5", "floor", "9500"))));
        AccountRisk.Snapshot snapshot = risk.snapshot();
        assertFalse(snapshot.positions().isEmpty() || snapshot.pending().isEmpty() || snapshot.strategyKills().isEmpty()
                || snapshot.blocked().isEmpty() || snapshot.lossesToday().isEmpty() || snapshot.signals().isEmpty() || snapshot.orders().isEmpty());
        assertTrue(snapshot.closed().stream().anyMatch(c -> c.r() == null) && snapshot.closed().stream().anyMatch(c -> c.r() != null),
                "closed trades with and without R");
        assertTrue(snapshot.globalKill() && snapshot.halt() != null && snapshot.lockUntil() != null && snapshot.lockDay() != null
                && snapshot.selfState() != null && snapshot.selfAt() != null && snapshot.lastFillDay() != null);

        AccountState state = AccountState.initial("paper", usdt("10000"), RiskLedger.propFirm(risk));
        AccountState back = PEKKO.verifySerialization(state);

        assertEquals(snapshot, back.risk().book().snapshot());
        assertEquals(risk.pending().keySet().stream().toList(), back.risk().book().risk().pending().keySet().stream().toList(),
                "reservations keep their order");
    }

    @Test
    void aHighImpactUsdEventBlocksEntriesAroundItAndTheCalendarFileIsReReadWhenItChanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("calendar.csv");
        Files.writeString(file, "datetime_utc,currency,impact,event\n2023-03-16T00:10:00+00:00,USD,High Impact Expected,Retail Sales m/m\n");
        PreTradeRisk risk = new PreTradeRisk(RiskConfig.defaults(usdt("10000"), FEE), List.of(BTCUSDT_RULES, ETHUSDT_RULES));
        kit = PEKKO.eventSourced(AccountEntity.createPropFirm("paper", usdt("10000"), risk, NewsCalendar.of(file),
                Map.of(BTCUSDT.value(), BTCUSDT_RULES, ETHUSDT.value(), ETHUSDT_RULES), Fixtures.tuning()));

        IntentDecision blocked = evaluate(longWithStop(EMA_CROSS, BTCUSDT, LONG_AT, "24899.18", "24800"), null).reply();
        assertEquals("news_blackout", blocked.rule(), "00:06 is within 15 minutes of the 00:10 release");
        assertEquals("Retail Sales m/m", blocked.inputs().get("news_event"));

        // the event moves to the afternoon: the next bar's check re-reads the file
        Files.writeString(file, "datetime_utc,currency,impact,event\n2023-03-16T14:30:00+00:00,USD,High Impact Expected,Retail Sales m/m (moved)\n");
        observe(BTCUSDT, "24899.18", minute(7));
        assertTrue(evaluate(longWithStop(EMA_CROSS, BTCUSDT, minute(8), "24899.18", "24800"), null).reply().approved());
    }

    @Test
    void statusOfAFreshAccountShowsTheFloorsOfTheInitialCapital() {
        RiskStatus s = status();
        assertEquals("prop-firm", s.model());
        assertEquals(usdt("9500"), s.dailyFloor());
        assertEquals(usdt("9000"), s.overallFloor());
        assertEquals(usdt("10000"), s.equity());
        assertNull(s.halt());
        assertEquals(0, s.blockedAttemptsTotal());
        assertEquals(new java.math.BigDecimal("1.0"), s.governorMultiplier());

        var rejected = evaluate(longWithStop(EMA_CROSS, BTCUSDT, LONG_AT, "24899.18", "24999"), null);
        assertEquals("invalid_stop", rejected.reply().rule(), "a stop above a long's entry is refused (and no ATR to fall back on)");
        assertEquals(new IntentRejected(rejected.reply()), rejected.events().get(rejected.events().size() - 1));
        RiskStatus after = status();
        assertEquals(List.of(rejected.reply()), after.lastRejections());
        assertEquals(after, PEKKO.verifySerialization(after), "the status crosses the cluster as it is");
    }
}

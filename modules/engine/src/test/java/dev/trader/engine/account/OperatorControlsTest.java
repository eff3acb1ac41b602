package dev.trader.engine.account;

import static dev.trader.engine.testing.Fixtures.BTCUSDT;
import static dev.trader.engine.testing.Fixtures.EMA_CROSS;
import static dev.trader.engine.testing.Fixtures.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderSide;
import dev.trader.engine.account.AccountEntity.BarObserved;
import dev.trader.engine.account.AccountEntity.BookFill;
import dev.trader.engine.account.AccountEntity.ClearHalt;
import dev.trader.engine.account.AccountEntity.Command;
import dev.trader.engine.account.AccountEntity.EvaluateSignal;
import dev.trader.engine.account.AccountEntity.Event;
import dev.trader.engine.account.AccountEntity.ObserveBar;
import dev.trader.engine.account.AccountEntity.OperatorReply;
import dev.trader.engine.account.AccountEntity.RiskRecorded;
import dev.trader.engine.account.AccountEntity.SelfReport;
import dev.trader.engine.testing.Fixtures;
import dev.trader.engine.testing.PekkoTestKit;
import dev.trader.risk.account.RiskEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator controls of the prop-firm account: the trader's self-reported state for the mental
 * governor and clearing a halt. Both are journaled as the risk module's events (SelfReported,
 * HaltCleared) in a {@link RiskRecorded}, survive a restart, and go through the journal's
 * serializer (commands, replies, events and state must come back equal).
 */
class OperatorControlsTest {
    @RegisterExtension
    static final PekkoTestKit PEKKO = new PekkoTestKit();

    private EventSourcedBehaviorTestKit<Command, Event, AccountState> kit;

    @BeforeEach
    void startEntity() {
        kit = PEKKO.eventSourced(PropFirmAccountEntityTest.account(Fixtures.tuning()));
    }

    private CommandResultWithReply<Command, Event, AccountState, OperatorReply> selfReport(int state) {
        return kit.runCommand(r -> new SelfReport(state, r));
    }

    private CommandResultWithReply<Command, Event, AccountState, OperatorReply> clearHalt(String reason) {
        return kit.runCommand(r -> new ClearHalt(reason, r));
    }

    private CommandResultWithReply<Command, Event, AccountState, Observation> observe(String close, Instant time) {
        return kit.runCommand(r -> new ObserveBar(BTCUSDT, Price.of(close), time, r));
    }

    private RiskStatus status() {
        return kit.<RiskStatus>runCommand(AccountEntity.GetRiskStatus::new).reply();
    }

    private static RiskEvent only(Event e) {
        RiskRecorded recorded = assertInstanceOf(RiskRecorded.class, e);
        assertEquals(1, recorded.events().size(), recorded.toString());
        return recorded.events().get(0);
    }

    @Test
    void aSelfReportBeforeAnyBarIsRefusedAndJournalsNothing() {
        var result = selfReport(2);

        assertFalse(result.reply().accepted());
        assertTrue(result.reply().refusal().contains("no bar has been observed yet"), result.reply().refusal());
        assertTrue(result.hasNoEvents());
        assertNull(status().selfReportedState());
    }

    @Test
    void aSelfReportOutsideOneToFiveIsRefused() {
        observe("25000", minute(5));
        for (int bad : new int[] {0, 6, -1}) {
            var result = selfReport(bad);
            assertFalse(result.reply().accepted(), "state " + bad);
            assertTrue(result.hasNoEvents());
        }
    }

    @Test
    void aSelfReportIsStampedWithTheLastBarTimeJournaledAndFeedsTheGovernorAcrossARestart() {
        observe("25000", minute(5)); // the first bar rolls the day: journaled
        assertTrue(observe("25010", minute(6)).hasNoEvents(), "a quiet bar journals nothing, but it is the last bar observed");

        var result = selfReport(1);

        assertTrue(result.reply().accepted(), String.valueOf(result.reply().refusal()));
        assertEquals(1, result.events().size());
        assertEquals(new RiskEvent.SelfReported(minute(6), 1), only(result.events().get(0)));
        RiskStatus s = status();
        assertEquals(1, s.selfReportedState());
        assertEquals(minute(6), s.selfReportedAt());
        assertEquals(0, s.governorMultiplier().compareTo(BigDecimal.ZERO), "state 1: the governor stops entries");
        assertEquals("governor.self_reported", s.governorRule());
        assertEquals(minute(6).plus(Duration.ofHours(2)), s.governorCooldownUntil());
        // the governor blocks the next entry
        IntentDecision blocked = kit.<IntentDecision>runCommand(r -> new EvaluateSignal(
                PropFirmAccountEntityTest.longWithStop(EMA_CROSS, BTCUSDT, minute(7), "24899.18", "24800"), null, r)).reply();
        assertTrue(blocked.rule().startsWith("governor."), blocked.rule() + ": " + blocked.reason());

        assertTrue(selfReport(1).hasNoEvents(), "the same report at the same bar time changes nothing");
        var better = selfReport(4);
        assertEquals(new RiskEvent.SelfReported(minute(6), 4), only(better.events().get(0)));
        AccountState before = kit.getState();

        AccountState after = kit.restart().state();

        assertEquals(before, after);
        assertEquals(4, after.risk().risk().selfReportedState().orElseThrow());
        assertEquals(4, status().selfReportedState());
        // after the restart a report is stamped with the close time of the latest bar
        observe("25020", minute(9));
        assertEquals(new RiskEvent.SelfReported(minute(9), 3), only(selfReport(3).events().get(0)));
        assertEquals(3, status().selfReportedState());
    }

    @Test
    void clearingAHaltWhenNotHaltedIsRefused() {
        observe("25000", minute(5));

        var result = clearHalt("nothing to clear");

        assertFalse(result.reply().accepted());
        assertEquals("not halted", result.reply().refusal());
        assertTrue(result.hasNoEvents());
    }

    @Test
    void aHaltIsClearedByAJournaledHaltClearedThatSurvivesARestart() {
        ClientOrderId entryId = ClientOrderId.derive(EMA_CROSS, BTCUSDT, PropFirmAccountEntityTest.LONG_AT, 0);
        kit.<IntentDecision>runCommand(r -> new EvaluateSignal(
                PropFirmAccountEntityTest.longWithStop(EMA_CROSS, BTCUSDT, PropFirmAccountEntityTest.LONG_AT, "24899.18", "24800"), null, r));
        kit.<AccountEntity.FillBooked>runCommand(r -> new BookFill(PropFirmAccountEntityTest.fillOf(entryId, "t-entry", OrderSide.BUY, "24901.37",
                PropFirmAccountEntityTest.ENTRY, minute(7)), PropFirmAccountEntityTest.ENTRY, true, r));
        var crash = observe("21800", minute(8));
        RiskEvent.Halted halted = (RiskEvent.Halted) ((BarObserved) crash.events().get(0)).events().get(1);
        assertEquals("prop_overall_floor", halted.rule());
        assertTrue(status().halt() != null && status().flattening());

        var result = clearHalt("reviewed with the desk");

        assertTrue(result.reply().accepted(), String.valueOf(result.reply().refusal()));
        assertEquals(List.of(new RiskEvent.HaltCleared(minute(8), "reviewed with the desk")),
                assertInstanceOf(RiskRecorded.class, result.events().get(0)).events());
        RiskStatus s = status();
        assertNull(s.halt());
        assertFalse(s.flattening(), "no halt, no flatten");
        AccountState before = kit.getState();

        AccountState after = kit.restart().state();

        assertEquals(before, after);
        assertTrue(after.risk().risk().halt().isEmpty());
        assertNull(status().halt());
        var again = clearHalt("twice");
        assertEquals("not halted", again.reply().refusal());
        assertTrue(again.hasNoEvents());
    }
}

package dev.trader.engine.strategy;

import static dev.trader.engine.testing.Fixtures.BTCUSDT;
import static dev.trader.engine.testing.Fixtures.EMA_CROSS;
import static dev.trader.engine.testing.Fixtures.bar;
import static dev.trader.engine.testing.Fixtures.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.engine.strategy.StrategyEntity.BarEvaluated;
import dev.trader.engine.strategy.StrategyEntity.BarObserved;
import dev.trader.engine.strategy.StrategyEntity.Command;
import dev.trader.engine.strategy.StrategyEntity.Disabled;
import dev.trader.engine.strategy.StrategyEntity.Enabled;
import dev.trader.engine.strategy.StrategyEntity.EvaluateBar;
import dev.trader.engine.strategy.StrategyEntity.Event;
import dev.trader.engine.strategy.StrategyEntity.SetEnabled;
import dev.trader.engine.strategy.StrategyEntity.SignalEmitted;
import dev.trader.engine.testing.Fixtures;
import dev.trader.engine.testing.PekkoTestKit;
import dev.trader.strategy.StrategyState;
import dev.trader.strategy.emacross.EmaCrossState;
import dev.trader.strategy.emacross.EmaCrossStrategy;
import java.util.List;
import java.util.Map;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real EMA cross strategy, EMA2 over EMA4, on seven BTCUSDT minutes that fall, turn up
 * (LONG at the close of minute 5) and fall back (FLAT at the close of minute 6). The expected
 * averages are worked out by hand in the comments.
 */
class StrategyEntityTest {
    @RegisterExtension
    static final PekkoTestKit PEKKO = new PekkoTestKit();

    private static final StrategyEntityId ID = new StrategyEntityId(EMA_CROSS, BTCUSDT);
    private static final EmaCrossStrategy STRATEGY = new EmaCrossStrategy(EMA_CROSS, 2, 4);

    private static final List<Bar> BARS = List.of(
            bar(0, "24962.55", "24950.00"),
            bar(1, "24950.00", "24920.00"),
            bar(2, "24920.00", "24890.00"),
            // both ready: fast 24875, slow 24905, fast below: the sign is set, no cross yet
            bar(3, "24890.00", "24860.00"),
            // fast 24891.12 < slow 24902.672: still below
            bar(4, "24860.00", "24899.18"),
            // fast 24957.04 > slow 24937.6032: crossed above → LONG
            bar(5, "24899.18", "24990.00"),
            // fast 24885.68 < slow 24902.56192: crossed below → FLAT
            bar(6, "24990.00", "24850.00"));
    private static final int LONG_BAR = 5;
    private static final int FLAT_BAR = 6;

    private static final Signal EXPECTED_LONG = new Signal(EMA_CROSS, BTCUSDT, Timeframe.M1, minute(6), SignalDirection.LONG, 0.5,
            Price.of("24990.00"), "EMA2 crossed above EMA4 at close 24990",
            Map.of("ema_fast", "24957.04000000", "ema_slow", "24937.60320000"));
    private static final Signal EXPECTED_FLAT = new Signal(EMA_CROSS, BTCUSDT, Timeframe.M1, minute(7), SignalDirection.FLAT, 0.5,
            Price.of("24850.00"), "EMA2 crossed below EMA4 at close 24850",
            Map.of("ema_fast", "24885.68000000", "ema_slow", "24902.56192000"));

    private EventSourcedBehaviorTestKit<Command, Event, StrategyEntityState> start(int snapshotEvery) {
        return PEKKO.eventSourced(StrategyEntity.create(ID, STRATEGY, StrategyStateCopier.of(PEKKO.system()), Fixtures.tuning(snapshotEvery)));
    }

    private static CommandResultWithReply<Command, Event, StrategyEntityState, BarEvaluated> evaluate(
            EventSourcedBehaviorTestKit<Command, Event, StrategyEntityState> kit, Bar bar) {
        return kit.<BarEvaluated>runCommand(replyTo -> new EvaluateBar(bar, replyTo));
    }

    private static void feedAll(EventSourcedBehaviorTestKit<Command, Event, StrategyEntityState> kit) {
        BARS.forEach(b -> evaluate(kit, b));
    }

    /** The strategy's state after {@code bars}, computed without the entity. */
    private static StrategyState pureStateAfter(List<Bar> bars) {
        StrategyState s = STRATEGY.initialState(BTCUSDT);
        for (Bar b : bars) {
            STRATEGY.onBar(s, b);
        }
        return s;
    }

    @Test
    void eachNewBarIsObservedAndASignalIsEmittedExactlyOnTheCross() {
        var kit = start(1_000);
        for (int i = 0; i < BARS.size(); i++) {
            Bar bar = BARS.get(i);
            var result = evaluate(kit, bar);
            assertFalse(result.reply().replayed(), "bar " + i);
            if (i == LONG_BAR) {
                assertEquals(EXPECTED_LONG, result.reply().signal());
                assertEquals(List.of(new BarObserved(bar), new SignalEmitted(EXPECTED_LONG)), result.events());
            } else if (i == FLAT_BAR) {
                assertEquals(EXPECTED_FLAT, result.reply().signal());
                assertEquals(List.of(new BarObserved(bar), new SignalEmitted(EXPECTED_FLAT)), result.events());
            } else {
                assertNull(result.reply().signal(), "bar " + i);
                assertEquals(List.of(new BarObserved(bar)), result.events(), "bar " + i);
            }
        }

        StrategyEntityState state = kit.getState();
        assertEquals(BARS.size(), state.barsSeen());
        assertEquals(2, state.signalCount());
        assertEquals(List.of(EXPECTED_LONG, EXPECTED_FLAT), state.recentSignals());
        assertEquals(minute(6), state.watermark());
        assertEquals(pureStateAfter(BARS), state.strategyState());
        EmaCrossState ema = assertInstanceOf(EmaCrossState.class, state.strategyState());
        assertEquals(-1, ema.lastSign());
    }

    @Test
    void aReplayedBarReturnsTheSignalItRaisedTheFirstTimeAndPersistsNothing() {
        var kit = start(1_000);
        feedAll(kit);
        StrategyEntityState before = kit.getState();

        var replayedLong = evaluate(kit, BARS.get(LONG_BAR));
        assertTrue(replayedLong.reply().replayed());
        assertEquals(EXPECTED_LONG, replayedLong.reply().signal());
        assertTrue(replayedLong.hasNoEvents());

        var replayedQuiet = evaluate(kit, BARS.get(4));
        assertTrue(replayedQuiet.reply().replayed());
        assertNull(replayedQuiet.reply().signal());
        assertTrue(replayedQuiet.hasNoEvents());

        var replayedLast = evaluate(kit, BARS.get(FLAT_BAR));
        assertTrue(replayedLast.reply().replayed());
        assertEquals(EXPECTED_FLAT, replayedLast.reply().signal());
        assertTrue(replayedLast.hasNoEvents());

        // nothing moved: the strategy did not see any of the replayed bars a second time
        assertEquals(before, kit.getState());
    }

    @Test
    void stateAfterRestartFromTheJournalEqualsStateBefore() {
        var kit = start(1_000);
        feedAll(kit);
        StrategyEntityState before = kit.getState();

        assertEquals(before, kit.restart().state());
        // and the restarted entity still recognises a replayed bar and its signal
        var replayed = evaluate(kit, BARS.get(LONG_BAR));
        assertTrue(replayed.reply().replayed());
        assertEquals(EXPECTED_LONG, replayed.reply().signal());
    }

    @Test
    void stateAfterRestartFromASnapshotEqualsStateBefore() {
        // 9 events for 7 bars: snapshots at 3, 6 and 9, so recovery starts from the snapshot, not from bar one
        var kit = start(3);
        feedAll(kit);
        StrategyEntityState before = kit.getState();
        assertTrue(kit.snapshotTestKit().isPresent());

        assertEquals(before, kit.restart().state());
        // the restored indicators decide the next bar exactly as the uninterrupted strategy does
        Bar next = bar(7, "24850.00", "24960.00");
        var result = evaluate(kit, next);
        assertEquals(STRATEGY.onBar(pureStateAfter(BARS), next).orElse(null), result.reply().signal());
        assertNotNull(result.reply().signal());
    }

    @Test
    void aDisabledStrategyRaisesNothingButKeepsItsIndicatorsWarm() {
        var kit = start(1_000);
        var disabled = kit.<StrategyEntityState>runCommand(replyTo -> new SetEnabled(false, replyTo));
        assertEquals(List.of(new Disabled()), disabled.events());
        assertFalse(disabled.reply().enabled());
        assertTrue(kit.<StrategyEntityState>runCommand(replyTo -> new SetEnabled(false, replyTo)).hasNoEvents());

        for (Bar bar : BARS) {
            var result = evaluate(kit, bar);
            assertNull(result.reply().signal());
            assertEquals(List.of(new BarObserved(bar)), result.events());
        }
        StrategyEntityState state = kit.getState();
        assertEquals(BARS.size(), state.barsSeen());
        assertEquals(0, state.signalCount());
        assertEquals(List.of(), state.recentSignals());
        assertEquals(pureStateAfter(BARS), state.strategyState());

        var enabled = kit.<StrategyEntityState>runCommand(replyTo -> new SetEnabled(true, replyTo));
        assertEquals(List.of(new Enabled()), enabled.events());
        // fast 24935.2267 > slow 24925.537152 on the very next bar: no warm-up needed after enabling
        Bar next = bar(7, "24850.00", "24960.00");
        var result = evaluate(kit, next);
        assertNotNull(result.reply().signal());
        assertEquals(SignalDirection.LONG, result.reply().signal().direction());
        assertEquals(minute(8), result.reply().signal().time());
    }

    /** EMA3/EMA6 as configured; an operator's parameters rebuild it through the catalog, warmed on the bars the entity observed. */
    private static final EmaCrossStrategy CONFIGURED_SLOWER = new EmaCrossStrategy(EMA_CROSS, 3, 6);

    /** The rebuilds of one strategy for one unit test: the warm-up is the bars this test says the journal holds. */
    private static StrategyRebuilds rebuilds(List<Bar> journalBars) {
        return new StrategyRebuilds() {
            @Override
            public dev.trader.strategy.Strategy strategy(Map<String, Object> parameters) {
                return dev.trader.strategy.StrategyCatalog.create(EMA_CROSS, "ema-cross", parameters);
            }

            @Override
            public java.util.concurrent.CompletionStage<List<Bar>> warmUp(String persistenceId, long throughSequenceNr) {
                return java.util.concurrent.CompletableFuture.completedFuture(journalBars);
            }
        };
    }

    private EventSourcedBehaviorTestKit<Command, Event, StrategyEntityState> startConfiguredSlower(List<Bar> journalBars) {
        return PEKKO.eventSourced(StrategyEntity.create(ID, CONFIGURED_SLOWER, rebuilds(journalBars), StrategyStateCopier.of(PEKKO.system()),
                Fixtures.tuning(1_000)));
    }

    @Test
    void newParametersRebuildTheStrategyWarmedOnTheObservedBarsSoItSignalsAtOnceAsIfItHadAlwaysRunWithThem() {
        List<Bar> beforeCross = BARS.subList(0, LONG_BAR);
        var kit = startConfiguredSlower(beforeCross);
        beforeCross.forEach(b -> evaluate(kit, b));

        var changed = kit.<org.apache.pekko.pattern.StatusReply<StrategyEntityState>>runCommand(
                replyTo -> new StrategyEntity.SetParameters(Map.of("fast", 2, "slow", 4), replyTo));
        assertTrue(changed.reply().isSuccess(), String.valueOf(changed.reply()));
        assertEquals(List.of(new StrategyEntity.ParametersSet(Map.of("fast", 2, "slow", 4), beforeCross)), changed.events());
        StrategyEntityState state = kit.getState();
        assertEquals(Map.of("fast", 2, "slow", 4), state.parameters());
        assertEquals(pureStateAfter(beforeCross), state.strategyState(), "EMA2/EMA4 over the same five bars");
        assertEquals(LONG_BAR, state.barsSeen(), "warming is not observing: the count of bars seen stays");

        // EMA3/EMA6 would not cross here; EMA2/EMA4 does, on the next bar.
        assertEquals(EXPECTED_LONG, evaluate(kit, BARS.get(LONG_BAR)).reply().signal());
        // and a restart rebuilds the same strategy from the journal (the warm-up travels in the event)
        StrategyEntityState before = kit.getState();
        assertEquals(before, kit.restart().state());
        assertEquals(EXPECTED_FLAT, evaluate(kit, BARS.get(FLAT_BAR)).reply().signal());
    }

    @Test
    void theSameParametersAgainChangeNothing() {
        var kit = startConfiguredSlower(List.of());
        var first = kit.<org.apache.pekko.pattern.StatusReply<StrategyEntityState>>runCommand(
                replyTo -> new StrategyEntity.SetParameters(Map.of("fast", 2, "slow", 4), replyTo));
        assertEquals(1, first.events().size());
        var again = kit.<org.apache.pekko.pattern.StatusReply<StrategyEntityState>>runCommand(
                replyTo -> new StrategyEntity.SetParameters(Map.of("fast", 2, "slow", 4), replyTo));
        assertTrue(again.hasNoEvents());
        assertTrue(again.reply().isSuccess());
    }

    @Test
    void aWarmUpThatMissesTheNewestBarIsReadAgainAndThenRefused() {
        // The journal (as this test has it) never catches up with the bar the entity observed last.
        var kit = startConfiguredSlower(BARS.subList(0, 2));
        BARS.subList(0, 3).forEach(b -> evaluate(kit, b));
        var refused = kit.<org.apache.pekko.pattern.StatusReply<StrategyEntityState>>runCommand(
                replyTo -> new StrategyEntity.SetParameters(Map.of("fast", 2, "slow", 4), replyTo));
        assertTrue(refused.reply().isError());
        assertTrue(refused.reply().getError().getMessage().contains("bars kept arriving"), refused.reply().getError().getMessage());
        assertTrue(refused.hasNoEvents());
        assertNull(kit.getState().parameters(), "still as configured");
    }

    @Test
    void parametersThisVersionNoLongerBuildsLeaveTheStrategyRunningAsConfiguredInsteadOfUnrecoverable() {
        List<Bar> beforeCross = BARS.subList(0, LONG_BAR);
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        StrategyRebuilds accepting = rebuilds(beforeCross);
        // After the "upgrade" the catalog refuses what it took before (a renamed parameter, say).
        StrategyRebuilds upgraded = new StrategyRebuilds() {
            @Override
            public dev.trader.strategy.Strategy strategy(Map<String, Object> parameters) {
                if (released.get()) {
                    throw new IllegalArgumentException("strategies.ema-cross has unknown key(s) [fast]");
                }
                return accepting.strategy(parameters);
            }

            @Override
            public java.util.concurrent.CompletionStage<List<Bar>> warmUp(String persistenceId, long throughSequenceNr) {
                return accepting.warmUp(persistenceId, throughSequenceNr);
            }
        };
        EventSourcedBehaviorTestKit<Command, Event, StrategyEntityState> kit = PEKKO.eventSourced(
                StrategyEntity.create(ID, CONFIGURED_SLOWER, upgraded, StrategyStateCopier.of(PEKKO.system()), Fixtures.tuning(1_000)));
        beforeCross.forEach(b -> evaluate(kit, b));
        assertTrue(kit.<org.apache.pekko.pattern.StatusReply<StrategyEntityState>>runCommand(
                replyTo -> new StrategyEntity.SetParameters(Map.of("fast", 2, "slow", 4), replyTo)).reply().isSuccess());
        released.set(true);
        StrategyEntityState recovered = kit.restart().state();
        assertNull(recovered.parameters(), "runs as configured");
        StrategyState configuredAfter = CONFIGURED_SLOWER.initialState(BTCUSDT);
        beforeCross.forEach(b -> CONFIGURED_SLOWER.onBar(configuredAfter, b));
        assertEquals(configuredAfter, recovered.strategyState(), "the configured strategy, warmed on the same bars");
        assertNull(evaluate(kit, BARS.get(LONG_BAR)).reply().signal(), "EMA3/EMA6 does not cross where EMA2/EMA4 did");
    }
}

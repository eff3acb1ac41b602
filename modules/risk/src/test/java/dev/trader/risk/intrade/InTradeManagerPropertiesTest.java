package dev.trader.risk.intrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.position.Position;
import dev.trader.domain.position.PositionSide;
import dev.trader.risk.intrade.TradeEvent.ExitFill;
import dev.trader.risk.intrade.TradeEvent.OppositeSignalExit;
import dev.trader.risk.intrade.TradeEvent.PositionClosed;
import dev.trader.risk.intrade.TradeEvent.StopMoved;
import dev.trader.risk.intrade.TradeEvent.TimeExit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random bar paths and plans, long and short: the invariants that hold on every path. Prices
 * are on a tick of 1 to 0.001, the entry may carry one more decimal (an average fill), and
 * quantities have at most 4 decimals, so that the domain {@link Position}'s Money (8 decimals)
 * books the same fills exactly and can serve as the independent reference for P&L.
 */
class InTradeManagerPropertiesTest {
    private static final String[] BREAK_EVEN_R = {"0.5", "1", "1.5", "2"};
    private static final String[] ATR_MULTIPLES = {"0.5", "1", "2", "3"};
    private static final String[] FRACTIONS = {"0.1", "0.25", "0.3", "0.5", "0.6", "0.75"};

    // ---- properties -------------------------------------------------------------------------

    @Property(tries = 1000)
    void stopNeverMovesAgainstThePositionAndStaysOnTheTick(@ForAll("scenarios") Scenario s) {
        BigDecimal tick = s.rules().tickSize().toBigDecimal();
        for (Step step : s.run()) {
            Price before = step.before().stop();
            Price after = step.after().trade().stop();
            assertTrue(s.isLong() ? after.compareTo(before) >= 0 : after.compareTo(before) <= 0, () -> "stop moved back: " + before + " -> " + after);
            assertEquals(0, after.toBigDecimal().remainder(tick).signum(), () -> "stop " + after + " is off the tick " + tick);
            List<StopMoved> moves = step.after().events().stream().filter(StopMoved.class::isInstance).map(StopMoved.class::cast).toList();
            assertTrue(moves.size() <= 1, "at most one stop move per bar");
            for (StopMoved m : moves) {
                assertEquals(before, m.from());
                assertEquals(after, m.to());
                assertTrue(s.isLong() ? m.to().compareTo(m.from()) > 0 : m.to().compareTo(m.from()) < 0, () -> "a move that does not tighten: " + m);
                assertFalse(step.after().trade().isClosed(), "a closed trade's stop does not move");
            }
            if (moves.isEmpty()) {
                assertEquals(before, after);
            }
        }
    }

    @Property(tries = 1000)
    void quantityNeverNegativeOnTheLotAndNeverDust(@ForAll("scenarios") Scenario s) {
        InstrumentRules rules = s.rules();
        BigDecimal lot = rules.lotSize().toBigDecimal();
        BigDecimal minimum = lot.max(rules.minQuantity().toBigDecimal());
        for (Step step : s.run()) {
            ManagedTrade after = step.after().trade();
            BigDecimal open = after.openQuantity().toBigDecimal();
            BigDecimal sold = step.after().fills().stream().map(f -> f.quantity().toBigDecimal()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, step.before().openQuantity().toBigDecimal().subtract(sold).compareTo(open), "open = before - sold");
            assertTrue(open.signum() >= 0 && open.compareTo(after.originalQuantity().toBigDecimal()) <= 0);
            assertTrue(open.signum() == 0 || open.compareTo(minimum) >= 0, () -> "dust left open: " + open);
            assertEquals(0, open.remainder(lot).signum(), () -> "open " + open + " off the lot " + lot);
            for (ExitFill f : step.after().fills()) {
                assertTrue(f.quantity().toBigDecimal().compareTo(minimum) >= 0, () -> "an exit below the minimum: " + f);
                assertEquals(0, f.quantity().toBigDecimal().remainder(lot).signum(), () -> "an exit off the lot: " + f);
            }
            List<TradeEvent> events = step.after().events();
            long closes = events.stream().filter(PositionClosed.class::isInstance).count();
            assertEquals(after.isClosed() ? 1 : 0, closes, "PositionClosed exactly when the last quantity leaves");
            if (after.isClosed()) {
                assertTrue(events.get(events.size() - 1) instanceof PositionClosed, "PositionClosed comes last");
            }
        }
    }

    @Property(tries = 1000)
    void realizedPnlEqualsTheSumOverFillsExactlyAndWhatThePositionBooks(@ForAll("scenarios") Scenario s) {
        ManagedTrade start = s.open();
        String currency = s.rules().quoteAsset();
        Position position = Position.flat(s.rules().instrument(), currency)
                .apply(fill(s, s.isLong() ? OrderSide.BUY : OrderSide.SELL, start.entry(), start.originalQuantity(), 0));
        BigDecimal fromFills = BigDecimal.ZERO;
        BigDecimal fromEvents = BigDecimal.ZERO;
        int n = 1;
        List<Step> steps = s.run();
        for (Step step : steps) {
            for (ExitFill f : step.after().fills()) {
                BigDecimal perUnit = f.price().toBigDecimal().subtract(start.entry().toBigDecimal());
                fromFills = fromFills.add((s.isLong() ? perUnit : perUnit.negate()).multiply(f.quantity().toBigDecimal()));
                fromEvents = fromEvents.add(f.realizedPnl());
                position = position.apply(fill(s, start.exitSide(), f.price(), f.quantity(), n++));
            }
            assertEquals(0, step.after().trade().realizedPnl().subtract(step.before().realizedPnl()).compareTo(step.after().realizedPnlDelta()),
                    "the bar's delta is the change in realized P&L");
            for (TradeEvent e : step.after().events()) {
                if (e instanceof PositionClosed c) {
                    assertEquals(0, c.totalRealizedPnl().compareTo(fromFills), "PositionClosed total");
                }
            }
        }
        ManagedTrade end = steps.isEmpty() ? start : steps.get(steps.size() - 1).after().trade();
        assertEquals(0, fromFills.compareTo(fromEvents), "the events' P&L is the fills' P&L");
        assertEquals(Decimals.canonical(fromFills), end.realizedPnl(), "the trade's realized P&L is the fills' P&L, exactly");
        assertEquals(position.realizedPnl(), Money.of(end.realizedPnl(), currency), "the domain Position books the same P&L");
        assertEquals(end.openQuantity(), position.quantity());
        assertEquals(end.isClosed(), position.isFlat());
        Statistics.label("exit").collect(steps.isEmpty() ? "none" : steps.get(steps.size() - 1).after().events().stream()
                .filter(ExitFill.class::isInstance).reduce((a, b) -> b).map(e -> e.getClass().getSimpleName()).orElse("open"));
        Statistics.label("side").collect(s.isLong() ? "long" : "short");
        List<TradeEvent> all = steps.stream().flatMap(st -> st.after().events().stream()).toList();
        Statistics.label("scaled out").collect(all.stream().anyMatch(TradeEvent.ScaledOut.class::isInstance));
        Statistics.label("stop moved").collect(all.stream().filter(StopMoved.class::isInstance).map(e -> ((StopMoved) e).reason()).distinct().sorted().toList().toString());
    }

    @Property(tries = 1000)
    void theTradeIsClosedByTheTimeStopAtTheLatestAndExactlyAtBarN(@ForAll("scenarios") Scenario s) {
        int n = s.plan().maxBarsInTrade();
        List<Step> steps = s.run();
        for (Step step : steps) {
            int bar = step.after().trade().barsInTrade();
            assertTrue(n == 0 || bar <= n, "no bar beyond the time stop");
            boolean timeExit = step.after().events().stream().anyMatch(TimeExit.class::isInstance);
            // what the stop, rungs and target took inside the bar, before the close
            BigDecimal takenBeforeTheClose = step.after().fills().stream().filter(f -> !(f instanceof TimeExit))
                    .map(f -> f.quantity().toBigDecimal()).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean openAtTheClose = takenBeforeTheClose.compareTo(step.before().openQuantity().toBigDecimal()) < 0;
            assertEquals(n > 0 && bar == n && openAtTheClose, timeExit,
                    () -> "a time exit happens at the close of bar " + n + " exactly, if anything is still open; bar " + bar);
            if (n > 0 && bar == n) {
                assertTrue(step.after().trade().isClosed(), "closed at bar " + n);
            }
            for (ExitFill f : step.after().fills()) {
                Bar b = step.bar();
                assertTrue(f.price().compareTo(b.low()) >= 0 && f.price().compareTo(b.high()) <= 0, () -> f + " outside its bar " + b);
                if (f instanceof TimeExit || f instanceof OppositeSignalExit) {
                    assertEquals(b.close(), f.price(), "time and signal exits fill at the close");
                }
            }
        }
        if (n > 0 && s.bars().size() >= n) {
            assertTrue(steps.get(steps.size() - 1).after().trade().isClosed(), "closed once " + n + " bars have passed");
        }
        Statistics.label("time stop").collect(n == 0 ? "off" : s.bars().size() >= n ? "reached" : "not reached");
    }

    @Property(tries = 500)
    void replayingTheSameBarsFromTheSameStateGivesTheSameTransitions(@ForAll("scenarios") Scenario s) {
        List<Step> first = s.run();
        List<Step> second = s.run();
        assertEquals(first, second);
        // from any intermediate state (a recovered snapshot), the rest replays identically
        for (int k = 0; k < first.size(); k++) {
            ManagedTrade state = first.get(k).before();
            ManagedTrade copy = new ManagedTrade(state.plan(), state.side(), state.entry(), state.initialStop(), state.originalQuantity(),
                    state.openQuantity(), state.stop(), state.barsInTrade(), state.rungsDone(), state.realizedPnl(), state.highestHigh(),
                    state.lowestLow(), state.lastBarOpen());
            assertEquals(state, copy);
            assertEquals(first.get(k).after(), InTradeManager.onBar(copy, first.get(k).bar(), first.get(k).inputs()));
        }
    }

    // ---- the scenario -----------------------------------------------------------------------

    record Market(int tickDecimals, int lotDecimals, int minLots, boolean isLong, int entryTicks, int entryExtraDigit, int stopTicks, int lots) {
    }

    record PlanSpec(int breakEven, int offsetTicks, int trailing, int multiple, List<Integer> ladderCodes, boolean ladderToOne, int target, int maxBars) {
    }

    record BarSpec(int gapPct, int bodyPct, int upPct, int downPct, int atrPct, int swingPct, boolean opposite) {
    }

    record Step(ManagedTrade before, Bar bar, BarInputs inputs, Transition after) {
    }

    record Scenario(Market market, PlanSpec spec, boolean exitOnOpposite, List<BarSpec> barSpecs) {
        InstrumentRules rules() {
            BigDecimal lot = BigDecimal.ONE.movePointLeft(market.lotDecimals());
            return new InstrumentRules(Fixtures.X, "BTC", "USDT", Price.of(BigDecimal.ONE.movePointLeft(market.tickDecimals())),
                    Quantity.of(lot), Quantity.of(lot.multiply(BigDecimal.valueOf(market.minLots()))), Money.of("5", "USDT"));
        }

        boolean isLong() {
            return market.isLong();
        }

        BigDecimal tick() {
            return BigDecimal.ONE.movePointLeft(market.tickDecimals());
        }

        InTradePlan plan() {
            InTradePlan plan = InTradePlan.defaults(rules()).withExitOnOppositeSignal(exitOnOpposite).withMaxBarsInTrade(spec.maxBars());
            plan = spec.breakEven() == 0 ? plan.withoutBreakEven()
                    : plan.withBreakEven(new BigDecimal(BREAK_EVEN_R[spec.breakEven() - 1]), Price.of(tick().multiply(BigDecimal.valueOf(spec.offsetTicks()))));
            plan = plan.withTrailing(switch (spec.trailing()) {
                case 0 -> Trailing.none();
                case 1 -> Trailing.atr(ATR_MULTIPLES[spec.multiple()]);
                default -> Trailing.swing(1 + spec.multiple());
            });
            List<ScaleOutRung> ladder = new ArrayList<>();
            BigDecimal r = BigDecimal.ZERO;
            BigDecimal sum = BigDecimal.ZERO;
            for (int code : spec.ladderCodes()) {
                BigDecimal fraction = new BigDecimal(FRACTIONS[code / 2]);
                if (sum.add(fraction).compareTo(BigDecimal.ONE) > 0) {
                    break;
                }
                r = r.add(new BigDecimal(code % 2 == 0 ? "0.5" : "1"));
                sum = sum.add(fraction);
                ladder.add(new ScaleOutRung(r, fraction));
            }
            if (spec.ladderToOne() && !ladder.isEmpty() && sum.compareTo(BigDecimal.ONE) < 0) {
                r = r.add(BigDecimal.ONE);
                ladder.add(new ScaleOutRung(r, BigDecimal.ONE.subtract(sum)));
                sum = BigDecimal.ONE;
            }
            plan = plan.withLadder(ladder);
            if (spec.target() > 0 && sum.compareTo(BigDecimal.ONE) < 0) {
                plan = plan.withTargetR(r.add(new BigDecimal(spec.target() == 1 ? "0.5" : "1.5")));
            }
            return plan;
        }

        ManagedTrade open() {
            BigDecimal tick = tick();
            BigDecimal grid = tick.multiply(BigDecimal.valueOf(market.entryTicks()));
            BigDecimal entry = grid.add(tick.multiply(BigDecimal.valueOf(market.entryExtraDigit())).movePointLeft(1));
            BigDecimal stopDistance = tick.multiply(BigDecimal.valueOf(market.stopTicks()));
            BigDecimal stop = isLong() ? grid.subtract(stopDistance) : grid.add(stopDistance);
            BigDecimal lot = BigDecimal.ONE.movePointLeft(market.lotDecimals());
            Quantity quantity = Quantity.of(lot.multiply(BigDecimal.valueOf(Math.max(market.lots(), market.minLots()))));
            return ManagedTrade.open(plan(), isLong() ? PositionSide.LONG : PositionSide.SHORT, Price.of(entry), Price.of(stop), quantity);
        }

        /** Bars as a walk in ticks from the entry, scaled to the stop distance; never below one tick. */
        List<Bar> bars() {
            List<Bar> bars = new ArrayList<>();
            long close = market.entryTicks();
            long r = market.stopTicks();
            for (int i = 0; i < barSpecs.size(); i++) {
                BarSpec b = barSpecs.get(i);
                long open = Math.max(1, close + b.gapPct() * r / 100);
                close = Math.max(1, open + b.bodyPct() * r / 100);
                long high = Math.max(open, close) + b.upPct() * r / 100;
                long low = Math.max(1, Math.min(open, close) - b.downPct() * r / 100);
                bars.add(new Bar(Fixtures.X, Timeframe.M1, Instant.EPOCH.plus(Duration.ofMinutes(i + 1)),
                        ticks(open), ticks(high), ticks(low), ticks(close), Quantity.of("1")));
            }
            return bars;
        }

        List<BarInputs> inputs() {
            List<BarInputs> inputs = new ArrayList<>();
            List<Bar> bars = bars();
            long r = market.stopTicks();
            for (int i = 0; i < barSpecs.size(); i++) {
                BarSpec b = barSpecs.get(i);
                double atr = b.atrPct() < 0 ? Double.NaN : b.atrPct() * r * tick().doubleValue() / 100.0;
                BarInputs in = new BarInputs(atr, null, null, b.opposite());
                if (b.swingPct() > -100) {
                    long closeTicks = bars.get(i).close().toBigDecimal().divide(tick()).longValueExact();
                    long offset = b.swingPct() * r / 100;
                    in = in.withSwingLow(ticks(Math.max(1, closeTicks - offset))).withSwingHigh(ticks(closeTicks + offset));
                }
                inputs.add(in);
            }
            return inputs;
        }

        private Price ticks(long n) {
            return Price.of(tick().multiply(BigDecimal.valueOf(n)));
        }

        /** Feeds the bars until the trade closes or the bars run out. */
        List<Step> run() {
            List<Step> steps = new ArrayList<>();
            ManagedTrade trade = open();
            List<Bar> bars = bars();
            List<BarInputs> inputs = inputs();
            for (int i = 0; i < bars.size() && !trade.isClosed(); i++) {
                Transition t = InTradeManager.onBar(trade, bars.get(i), inputs.get(i));
                steps.add(new Step(trade, bars.get(i), inputs.get(i), t));
                trade = t.trade();
            }
            return steps;
        }
    }

    private static Fill fill(Scenario s, OrderSide side, Price price, Quantity quantity, int n) {
        return new Fill(new ClientOrderId("c" + n), new TradeId("t" + n), s.rules().instrument(), side, price, quantity,
                Money.zero(s.rules().quoteAsset()), Instant.EPOCH);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Market> market = Combinators.combine(
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 3),
                Arbitraries.of(true, false), Arbitraries.integers().between(1000, 50_000), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(10, 400),
                // few lots half of the time: that is where rounding to the lot and the no-dust rule bite
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(1, 12)), Tuple.of(1, Arbitraries.integers().between(1, 1000))))
                .as(Market::new);
        Arbitrary<PlanSpec> spec = Combinators.combine(
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 11).list().ofMaxSize(3).withSizeDistribution(RandomDistribution.uniform()), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 2), Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.just(0)), Tuple.of(2, Arbitraries.integers().between(1, 30))))
                .as(PlanSpec::new);
        Arbitrary<Integer> gap = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(-5, 5)), Tuple.of(1, Arbitraries.integers().between(-150, 150)));
        // bars move up to ~1/3 R per bar, so trades live long enough to reach rungs, break-even and time stops;
        // no edge cases here: they would make every bar a minimum bar with an opposite signal
        Arbitrary<BarSpec> bar = Combinators.combine(gap, Arbitraries.integers().between(-35, 35), Arbitraries.integers().between(0, 35),
                Arbitraries.integers().between(0, 35), Arbitraries.integers().between(-10, 300), Arbitraries.integers().between(-10, 250),
                Arbitraries.integers().between(0, 39).map(x -> x == 0)).as(BarSpec::new).withoutEdgeCases();
        return Combinators.combine(market, spec, Arbitraries.of(true, false), bar.list().ofMinSize(1).ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform())).as(Scenario::new);
    }
}

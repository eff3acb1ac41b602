package dev.trader.risk.account;

import static dev.trader.risk.testkit.Fixtures.EURUSD;
import static dev.trader.risk.testkit.Fixtures.OTHER;
import static dev.trader.risk.testkit.Fixtures.STRAT;
import static dev.trader.risk.testkit.Fixtures.XAUUSD;
import static dev.trader.risk.testkit.Fixtures.entry;
import static dev.trader.risk.testkit.Fixtures.intent;
import static dev.trader.risk.testkit.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import dev.trader.risk.limits.Correlations;
import dev.trader.risk.news.EconomicCalendar;
import dev.trader.risk.rules.Evaluation;
import dev.trader.risk.rules.PreTradeDecision;
import dev.trader.risk.rules.PreTradeRisk;
import dev.trader.risk.rules.RiskConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link AccountRisk#snapshot()} and {@link AccountRisk#restore}: a state restored from its
 * snapshot at any point of a random trading session decides and evolves exactly like the
 * original from then on.
 *
 * <p>A session is a list of steps drawn from a seed, independent of the state: bars (day roll,
 * marks, {@code observe}), entries evaluated by {@link PreTradeRisk} and filled in full or in
 * part, exits (partial, full or reversing), stops moved, kill switches, blocked attempts, self
 * reports, halts, locks and clearances. Each step is run against the state it is given, so the
 * original and the restored state each make their own decisions.
 */
class AccountRiskSnapshotPropertiesTest {
    private static final BigDecimal FEE = new BigDecimal("0.0002");
    private static final List<InstrumentRules> INSTRUMENTS = List.of(EURUSD, XAUUSD);
    private static final BigDecimal[] START_PRICES = {new BigDecimal("1.08"), new BigDecimal("2300")};
    private static final StrategyId[] STRATEGIES = {STRAT, OTHER};
    private static final Instant START = Instant.parse("2024-03-28T06:00:00Z");
    private static final PreTradeRisk RISK = new PreTradeRisk(RiskConfig.defaults(usd("100000"), FEE), INSTRUMENTS);

    @Property(tries = 200)
    void aRestoredStateDecidesAndEvolvesLikeTheOriginal(@ForAll long seed, @ForAll @IntRange(min = 0, max = 160) int cut) {
        List<Step> session = session(new Random(seed), 160);
        AccountRisk original = RISK.start(START);
        for (Step step : session.subList(0, cut)) {
            original = step.run(original).next();
            assertEquals(original.snapshot(), AccountRisk.restore(original.snapshot()).snapshot(), "the snapshot survives restore");
        }
        AccountRisk.Snapshot taken = original.snapshot();
        AccountRisk restored = AccountRisk.restore(taken);
        assertNotSame(original, restored);
        assertEquals(taken, restored.snapshot());
        assertEquals(taken.hashCode(), restored.snapshot().hashCode());
        assertEquals(original.toString(), restored.toString());

        int approvals = 0;
        for (Step step : session.subList(cut, session.size())) {
            Outcome a = step.run(original);
            Outcome b = step.run(restored);
            assertEquals(a.seen(), b.seen(), "the restored state decides like the original");
            original = a.next();
            restored = b.next();
            assertEquals(original.snapshot(), restored.snapshot(), "the restored state evolves like the original");
            approvals += (int) a.seen().stream().filter(o -> o instanceof Evaluation e && e.decision() instanceof PreTradeDecision.Approved).count();
        }
        assertEquals(taken, AccountRisk.restore(taken).snapshot(), "a snapshot is a value: running on from its state leaves it alone");
        Statistics.label("approvals after the cut").collect(approvals == 0 ? "none" : approvals < 5 ? "some" : "many");
        Statistics.label("positions at the cut").collect(taken.positions().size());
        Statistics.label("closed trades at the cut").collect(taken.closed().isEmpty() ? "none" : "some");
    }

    @Example
    void aSnapshotIsAnImmutableValue() {
        AccountRisk s = AccountRisk.start(usd("100000"), LocalDate.parse("2024-05-06"))
                .apply(new RiskEvent.KillSwitchSet(START, STRAT, true, "x"))
                .apply(new RiskEvent.AttemptBlocked(START, "ema-cross"))
                .apply(new RiskEvent.IntentDecided(START, OTHER, "default", new ClientOrderId("a1"), XAUUSD.instrument(), OrderSide.BUY, true,
                        Quantity.of("1"), Price.of("2000"), Price.of("1990"), null));
        AccountRisk.Snapshot snap = s.snapshot();
        assertEquals(snap, s.snapshot());
        assertThrows(UnsupportedOperationException.class, () -> snap.pending().clear());
        assertThrows(UnsupportedOperationException.class, () -> snap.blocked().clear());
        assertThrows(UnsupportedOperationException.class, () -> snap.signals().get("default").clear());
        AccountRisk next = AccountRisk.restore(snap).apply(new RiskEvent.AttemptBlocked(START, "ema-cross"));
        assertEquals(1L, snap.blocked().get("ema-cross"), "applying to the restored state leaves the snapshot alone");
        assertEquals(2L, next.blockedAttempts().get("ema-cross"));
        assertThrows(IllegalArgumentException.class, () -> AccountRisk.restore(new AccountRisk.Snapshot(snap.initial(), snap.balance(),
                snap.dayStart(), snap.highestEod(), snap.tradingDay(), 0, null, List.of(), List.of(snap.pending().get(0), snap.pending().get(0)),
                false, List.of(), Map.of(), null, null, null, List.of(), List.of(), null, null, Map.of(), Map.of())));
    }

    // ---- the session

    /** What a step saw (decisions and events, in order) and the state after it. */
    record Outcome(AccountRisk next, List<Object> seen) {
    }

    interface Step {
        Outcome run(AccountRisk state);
    }

    /** Applies events to a state, recording them. */
    static final class Run {
        AccountRisk state;
        final List<Object> seen = new ArrayList<>();

        Run(AccountRisk state) {
            this.state = state;
        }

        void apply(List<? extends RiskEvent> events) {
            seen.addAll(events);
            state = state.applyAll(events);
        }

        void apply(RiskEvent event) {
            apply(List.of(event));
        }

        Outcome done() {
            return new Outcome(state, List.copyOf(seen));
        }
    }

    private static List<Step> session(Random rnd, int length) {
        List<Step> steps = new ArrayList<>();
        BigDecimal[] prices = START_PRICES.clone();
        Instant t = START;
        int trades = 0;
        for (int n = 0; n < length; n++) {
            t = t.plus(Duration.ofMinutes(5 + rnd.nextInt(240)));
            for (int i = 0; i < prices.length; i++) {
                double move = 1 + rnd.nextGaussian() * 0.004;
                prices[i] = grid(prices[i].multiply(BigDecimal.valueOf(move)), INSTRUMENTS.get(i), RoundingMode.HALF_EVEN);
            }
            Instant time = t;
            int i = rnd.nextInt(INSTRUMENTS.size());
            InstrumentRules r = INSTRUMENTS.get(i);
            Price price = Price.of(prices[i]);
            List<Price> marks = List.of(Price.of(prices[0]), Price.of(prices[1]));
            StrategyId strategy = STRATEGIES[rnd.nextInt(STRATEGIES.length)];
            int kind = rnd.nextInt(100);
            if (kind < 30) {
                steps.add(s -> bar(s, time, marks));
            } else if (kind < 55) {
                OrderSide side = rnd.nextBoolean() ? OrderSide.BUY : OrderSide.SELL;
                Price atr = onGrid(price.toBigDecimal().multiply(BigDecimal.valueOf(0.002 + rnd.nextDouble() * 0.01)), r, RoundingMode.UP);
                double filled = rnd.nextInt(4) == 0 ? rnd.nextDouble() : 1;
                boolean close = rnd.nextInt(3) > 0;
                String tradeId = "e" + trades++;
                steps.add(s -> enter(s, time, strategy, r, side, price, atr, filled, close, tradeId));
            } else if (kind < 70) {
                double fraction = rnd.nextInt(3) == 0 ? rnd.nextDouble() : rnd.nextInt(8) == 0 ? 1.5 : 1;
                String tradeId = "x" + trades++;
                steps.add(s -> exit(s, time, r, price, fraction, tradeId));
            } else if (kind < 77) {
                double toward = rnd.nextDouble() * 0.8;
                steps.add(s -> moveStop(s, time, r, toward));
            } else if (kind < 82) {
                boolean global = rnd.nextInt(3) == 0;
                boolean on = rnd.nextBoolean();
                steps.add(s -> once(s, new RiskEvent.KillSwitchSet(time, global ? null : strategy, on, "operator")));
            } else if (kind < 85) {
                String scope = rnd.nextBoolean() ? AccountRisk.GLOBAL : strategy.value();
                steps.add(s -> once(s, new RiskEvent.AttemptBlocked(time, scope)));
            } else if (kind < 88) {
                int self = 1 + rnd.nextInt(5);
                steps.add(s -> once(s, new RiskEvent.SelfReported(time, self)));
            } else if (kind < 92) {
                boolean daily = rnd.nextInt(4) > 0;
                steps.add(s -> once(s, new RiskEvent.Halted(time, daily ? "prop_daily_floor" : "prop_overall_floor", daily,
                        Map.of("equity", s.equity().toString(), "balance", s.balance().toString()))));
            } else if (kind < 95) {
                steps.add(s -> once(s, new RiskEvent.HaltCleared(time, "reviewed")));
            } else if (kind < 98) {
                Instant until = time.plus(Duration.ofMinutes(30 + rnd.nextInt(180)));
                steps.add(s -> once(s, new RiskEvent.LockEngaged(time, "drawdown_lock", until, Map.of("equity", s.equity().toString()))));
            } else {
                steps.add(s -> once(s, new RiskEvent.FlattenRequested(time, "prop_daily_floor")));
            }
        }
        return steps;
    }

    private static Outcome once(AccountRisk s, RiskEvent event) {
        Run run = new Run(s);
        run.apply(event);
        return run.done();
    }

    /** A bar close: the day roll, the marks of the positions held, then what risk observes. */
    private static Outcome bar(AccountRisk s, Instant time, List<Price> marks) {
        Run run = new Run(s);
        run.apply(RISK.roll(run.state, time));
        for (int i = 0; i < INSTRUMENTS.size(); i++) {
            if (run.state.position(INSTRUMENTS.get(i).instrument()).isPresent()) {
                run.apply(new RiskEvent.Marked(time, INSTRUMENTS.get(i).instrument(), marks.get(i)));
            }
        }
        List<RiskEvent> observed = RISK.observe(run.state, time);
        run.seen.add(RISK.activeLock(run.state.applyAll(observed), time));
        run.apply(observed);
        return run.done();
    }

    /** An entry evaluated by the rules; if approved, filled at the reference price (in part if {@code filled} is below 1). */
    private static Outcome enter(AccountRisk s, Instant time, StrategyId strategy, InstrumentRules r, OrderSide side, Price price, Price atr,
                                 double filled, boolean close, String tradeId) {
        Run run = new Run(s);
        run.apply(RISK.roll(run.state, time));
        var intent = intent(strategy, r.instrument(), side, time, price.toBigDecimal().toPlainString());
        Evaluation ev = RISK.evaluate(run.state, entry(intent, atr.toBigDecimal().toPlainString()), Correlations.NONE, EconomicCalendar.EMPTY);
        run.seen.add(ev);
        run.apply(ev.events());
        if (ev.decision() instanceof PreTradeDecision.Approved a) {
            Quantity q = part(r, a.quantity(), filled);
            if (q.isZero()) {
                q = a.quantity();
            }
            run.apply(RiskEvent.Filled.of(fill(intent.clientOrderId(), tradeId, r, side, price, q, time), strategy, a.stop()));
            if (close) {
                run.apply(new RiskEvent.OrderClosed(time, intent.clientOrderId()));
            }
        }
        return run.done();
    }

    /** An exit of a {@code fraction} of the position (above 1: a reversal), if one is held. */
    private static Outcome exit(AccountRisk s, Instant time, InstrumentRules r, Price price, double fraction, String tradeId) {
        Run run = new Run(s);
        OpenPosition p = s.position(r.instrument()).orElse(null);
        if (p != null) {
            Quantity q = part(r, p.quantity(), fraction);
            if (q.isZero()) {
                q = p.quantity();
            }
            ClientOrderId id = ClientOrderId.derive(p.strategy(), r.instrument(), time, 7);
            Price stop = fraction > 1 ? p.averagePrice() : null;
            run.apply(RiskEvent.Filled.of(fill(id, tradeId, r, p.side().opposite(), price, q, time), p.strategy(), stop));
        }
        return run.done();
    }

    /** The stop trailed {@code toward} of the way to the mark, if a position with a stop is held. */
    private static Outcome moveStop(AccountRisk s, Instant time, InstrumentRules r, double toward) {
        Run run = new Run(s);
        OpenPosition p = s.position(r.instrument()).orElse(null);
        if (p != null && p.stop() != null) {
            BigDecimal room = p.mark().toBigDecimal().subtract(p.stop().toBigDecimal());
            Price next = onGrid(p.stop().toBigDecimal().add(room.multiply(BigDecimal.valueOf(toward))), r, RoundingMode.DOWN);
            run.apply(new RiskEvent.StopMoved(time, r.instrument(), next));
        }
        return run.done();
    }

    /** {@code fraction} of {@code q}, down to the lot grid. */
    private static Quantity part(InstrumentRules r, Quantity q, double fraction) {
        BigDecimal lot = r.lotSize().toBigDecimal();
        BigDecimal lots = q.toBigDecimal().multiply(BigDecimal.valueOf(fraction)).divide(lot, 0, RoundingMode.DOWN);
        return Quantity.of(lots.multiply(lot));
    }

    private static Fill fill(ClientOrderId id, String tradeId, InstrumentRules r, OrderSide side, Price price, Quantity q, Instant time) {
        Money fee = usd(price.toBigDecimal().multiply(q.toBigDecimal()).multiply(FEE));
        return new Fill(id, new TradeId(tradeId), r.instrument(), side, price, q, fee, time);
    }

    private static BigDecimal grid(BigDecimal v, InstrumentRules r, RoundingMode mode) {
        BigDecimal tick = r.tickSize().toBigDecimal();
        return v.divide(tick, 0, mode).multiply(tick).max(tick);
    }

    private static Price onGrid(BigDecimal v, InstrumentRules r, RoundingMode mode) {
        return Price.of(grid(v, r, mode));
    }
}

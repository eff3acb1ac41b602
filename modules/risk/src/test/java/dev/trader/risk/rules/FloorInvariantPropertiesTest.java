package dev.trader.risk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderIntent;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.OpenPosition;
import dev.trader.risk.account.PendingEntry;
import dev.trader.risk.account.RiskEvent;
import dev.trader.risk.governor.GovernorConfig;
import dev.trader.risk.limits.LimitsConfig;
import dev.trader.risk.limits.RollingCorrelation;
import dev.trader.risk.news.EconomicCalendar;
import dev.trader.risk.propfirm.FloorAction;
import dev.trader.risk.propfirm.OverallFloorMode;
import dev.trader.risk.propfirm.PropFirmConfig;
import dev.trader.risk.propfirm.TradingDays;
import dev.trader.risk.sizing.SizingConfig;
import dev.trader.risk.sizing.StopMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.statistics.Statistics;

/**
 * Random bar paths, fills and configurations against the pre-trade rules.
 *
 * <h2>The simulation</h2>
 * Two instruments (one fixed "AAAUSD", one of an FX, gold or crypto profile, their returns
 * correlated by a random ρ) on 15m or 1h bars aligned to the hour, so every Prague midnight is
 * a bar boundary; starts include both 2024 DST switch days. Per bar:
 * <ol>
 *   <li>day roll at the open (Prague midnight);</li>
 *   <li>returns are normal with a drift: up to 0.45σ in favour of a position on the day it opened, up to 1.5σ against
 *       it once it was carried over a Prague midnight (profits lift the next day's floor, then the carried risk is hit);</li>
 *   <li>the open gaps from the previous close with probability 0.15, by at most {@code maxGap};
 *       a position whose stop the open has passed fills <em>at the open</em> (the gap fill);</li>
 *   <li>pessimistic path: every position marked at its adverse extreme at the same moment; a stop the
 *       bar trades through without a gap fills <em>exactly at the stop</em>;</li>
 *   <li>then the favourable extreme: a take-profit limit fills exactly at its target;</li>
 *   <li>marks at the close; {@code observe} (halt, flatten at the close through {@code evaluateExit},
 *       drawdown lock); sometimes the in-trade manager trails a stop toward the price, the kill switch
 *       toggles (global or per strategy), the trader reports a state;</li>
 *   <li>up to two entry intents at the close are evaluated one after the other (the first one's
 *       reservation counts against the second), rechecked as final market orders, and filled at the
 *       reference price (the close) with the fee. Half the time the strategy asks for a risk fraction
 *       (regimes F1..F50: 0.1% .. 5%) that about fills the headroom to the strictest floor, or, like a
 *       naive strategy, to today's floor only; so approvals land right at the boundary.</li>
 * </ol>
 * Every approval is checked: kill switch off, and no halt or drawdown lock as the test itself saw
 * them in the events (plus the governor through {@code activeLock}); quantity, stop and targets on
 * the lot and tick grids, minimum quantity and notional; the approved symbol, gross, net, leverage
 * and margin within their caps; and the recheck of the unchanged final order approves it.
 * Equity is checked after every step ("evaluation points"), against floors computed here from
 * the published rule (day-start balance − daily loss × initial; initial × (1 − max loss) or the
 * trailing highest-EOD floor), and the account's ledger is checked against an independent exact
 * ledger kept by the test.
 *
 * <h2>Claims</h2>
 * (a) When no gap exceeds the configured gap reserve, equity is never below either floor. (b) A
 * gap of {@code g} beyond the reserve {@code r} through a stop can breach: the claim tested is that
 * equity stays at or above {@code floor − E}, where {@code E} sums, over the gap fills so far, the
 * loss beyond {@code stop × (1 ∓ r)}; and each such excess is at most
 * {@code (g − r) × stop × quantity × (1 + fee)}.
 */
class FloorInvariantPropertiesTest {
    private static final String USD = "USD";
    private static final BigDecimal CAPITAL = new BigDecimal("100000");
    private static final StrategyId[] STRATEGIES = {new StrategyId("alpha"), new StrategyId("beta")};
    private static final Instant[] STARTS = {Instant.parse("2024-03-29T00:00:00Z"), Instant.parse("2024-10-25T00:00:00Z"),
            Instant.parse("2024-01-15T00:00:00Z"), Instant.parse("2024-06-10T00:00:00Z")};
    private static final BigDecimal TOLERANCE = new BigDecimal("0.001");

    private static final InstrumentRules AAA = new InstrumentRules(InstrumentId.parse("sim:AAAUSD"), "AAA", "USD", Price.of("0.01"),
            Quantity.of("0.001"), Quantity.of("0.001"), Money.of("10", USD));
    private static final InstrumentRules[] PROFILES = {
        new InstrumentRules(InstrumentId.parse("sim:EURUSD"), "EUR", "USD", Price.of("0.00001"), Quantity.of("1000"), Quantity.of("1000"), Money.zero(USD)),
        new InstrumentRules(InstrumentId.parse("sim:XAUUSD"), "XAU", "USD", Price.of("0.01"), Quantity.of("0.01"), Quantity.of("0.01"), Money.zero(USD)),
        new InstrumentRules(InstrumentId.parse("sim:BTCUSDT"), "BTC", "USDT", Price.of("0.01"), Quantity.of("0.00001"), Quantity.of("0.00001"),
                Money.of("5", "USDT")),
    };
    private static final double[] PROFILE_PRICES = {1.1, 2000, 40000};

    record Params(long seed, BigDecimal dailyLoss, BigDecimal maxLoss, OverallFloorMode mode, boolean stopsAtInitial, BigDecimal riskFraction,
                  BigDecimal gapReserve, BigDecimal maxGap, BigDecimal feeRate, int leverage, boolean locks, boolean governor, int profile,
                  double killSwitchRate, int bars, BigDecimal floorBuffer, double adverse) {
    }

    @Property(tries = 200)
    void equityNeverBelowEitherFloorWhenGapsStayWithinTheReserve(
            @ForAll long seed, @ForAll boolean ftmoDaily, @ForAll boolean ftmoOverall, @ForAll boolean trailing, @ForAll boolean stopsAtInitial,
            @ForAll @BigRange(min = "0.001", max = "0.05") @Scale(3) BigDecimal riskFraction,
            @ForAll @BigRange(min = "0", max = "0.03") @Scale(3) BigDecimal gapReserve,
            @ForAll @BigRange(min = "0", max = "0.001") @Scale(4) BigDecimal feeRate,
            @ForAll @IntRange(min = 1, max = 10) int leverage, @ForAll boolean locks, @ForAll boolean governor,
            @ForAll @IntRange(min = 0, max = 2) int profile, @ForAll @IntRange(min = 0, max = 2) int buffer,
            @ForAll @IntRange(min = 0, max = 3) int adverse) {
        Params p = new Params(seed, ftmoDaily ? new BigDecimal("0.05") : new BigDecimal("0.045"), ftmoOverall ? new BigDecimal("0.10") : new BigDecimal("0.09"),
                trailing ? OverallFloorMode.TRAILING_EOD : OverallFloorMode.STATIC, stopsAtInitial, riskFraction, gapReserve, gapReserve, feeRate,
                leverage, locks, governor, profile, 0.01, 300, new BigDecimal("0.005").multiply(BigDecimal.valueOf(buffer)), adverse * 0.5);
        Sim sim = new Sim(p);
        sim.run();
        assertEquals(0, sim.excess.signum(), "no gap beyond the reserve, so no excess loss");
        sim.label();
    }

    @Property(tries = 120)
    void aGapBeyondTheReserveBreachesAFloorByAtMostTheBoundedExcess(
            @ForAll long seed, @ForAll boolean trailing,
            @ForAll @BigRange(min = "0.01", max = "0.05") @Scale(3) BigDecimal riskFraction,
            @ForAll @BigRange(min = "0", max = "0.01") @Scale(3) BigDecimal gapReserve,
            @ForAll @BigRange(min = "0.02", max = "0.08") @Scale(3) BigDecimal maxGap,
            @ForAll @BigRange(min = "0", max = "0.001") @Scale(4) BigDecimal feeRate,
            @ForAll @IntRange(min = 3, max = 10) int leverage, @ForAll @IntRange(min = 0, max = 2) int profile) {
        Params p = new Params(seed, new BigDecimal("0.05"), new BigDecimal("0.10"), trailing ? OverallFloorMode.TRAILING_EOD : OverallFloorMode.STATIC,
                false, riskFraction, gapReserve, maxGap, feeRate, leverage, false, false, profile, 0.0, 300, BigDecimal.ZERO, 1.0);
        Sim sim = new Sim(p);
        sim.run();
        Statistics.label("gap excess").collect(sim.excess.signum() > 0 ? "some" : "none");
        Statistics.label("breached by a gap").collect(sim.breachedByGap ? "yes" : "no");
    }

    @Property(tries = 80)
    void noOrderIsApprovedWhileTheKillSwitchIsOnOrALockHolds(
            @ForAll long seed, @ForAll @BigRange(min = "0.005", max = "0.05") @Scale(3) BigDecimal riskFraction,
            @ForAll @IntRange(min = 0, max = 2) int profile) {
        // Kill switches toggle often; locks and the governor are on; every approval is checked inside the simulation.
        Params p = new Params(seed, new BigDecimal("0.05"), new BigDecimal("0.10"), OverallFloorMode.STATIC, false, riskFraction,
                new BigDecimal("0.005"), new BigDecimal("0.005"), new BigDecimal("0.0005"), 5, true, true, profile, 0.15, 250, new BigDecimal("0.01"), 1.0);
        Sim sim = new Sim(p);
        sim.run();
        assertTrue(sim.killSwitchRejections == 0 || sim.state.blockedAttemptsTotal() >= sim.killSwitchRejections,
                "every attempt the kill switch blocked is counted");
        Statistics.label("kill switch rejections").collect(sim.killSwitchRejections > 0 ? "some" : "none");
        Statistics.label("lock rejections").collect(sim.lockRejections > 0 ? "some" : "none");
    }

    /** One simulated account. */
    static final class Sim {
        final Params p;
        final Random rnd;
        final PreTradeRisk risk;
        final RiskConfig config;
        final InstrumentRules[] ins;
        final double[] sigma = new double[2];
        final double rho;
        final TradingDays days = TradingDays.PRAGUE;
        final Duration tf;
        final Instant start;
        final Price[] last = new Price[2];
        RollingCorrelation corr = new RollingCorrelation(50, 20);
        AccountRisk state;

        // The test's own ledger, exact.
        BigDecimal balance = CAPITAL;
        BigDecimal dayStart = CAPITAL;
        BigDecimal highestEod = CAPITAL;
        LocalDate day;
        final Map<InstrumentId, Pos> pos = new LinkedHashMap<>();
        BigDecimal excess = BigDecimal.ZERO;
        boolean breachedByGap;

        // Locks as the test sees them in the events: a daily halt until the day rolls, an overall halt, the drawdown lock's end.
        boolean haltedToday;
        boolean haltedForGood;
        Instant lockedUntil;
        int approvals;
        int halts;
        int killSwitchRejections;
        int lockRejections;
        int fillSeq;
        BigDecimal minMargin;

        static final class Pos {
            InstrumentRules rules;
            StrategyId strategy;
            OrderSide side;
            BigDecimal qty = BigDecimal.ZERO;
            BigDecimal cost = BigDecimal.ZERO;
            Price stop;
            Price target;
            Price mark;
            LocalDate openedDay;

            int sign() {
                return side == OrderSide.BUY ? 1 : -1;
            }
        }

        Sim(Params p) {
            this.p = p;
            this.rnd = new Random(p.seed());
            this.ins = new InstrumentRules[] {AAA, PROFILES[p.profile()]};
            last[0] = Price.of("100");
            last[1] = Price.of(BigDecimal.valueOf(PROFILE_PRICES[p.profile()]));
            sigma[0] = 0.002 + rnd.nextDouble() * 0.018;
            sigma[1] = 0.002 + rnd.nextDouble() * 0.018;
            rho = rnd.nextDouble() * 2 - 1;
            tf = rnd.nextBoolean() ? Duration.ofMinutes(15) : Duration.ofHours(1);
            start = STARTS[rnd.nextInt(STARTS.length)].plus(Duration.ofDays(rnd.nextInt(3)));
            BigDecimal lev = BigDecimal.valueOf(p.leverage());
            LimitsConfig limits = new LimitsConfig(CAPITAL.multiply(BigDecimal.valueOf(1 + rnd.nextInt(5))), CAPITAL.multiply(BigDecimal.TEN),
                    CAPITAL.multiply(BigDecimal.valueOf(5 + rnd.nextInt(6))), CAPITAL.multiply(BigDecimal.TEN), new BigDecimal("0.8"), 5, lev,
                    BigDecimal.valueOf(1 + rnd.nextInt(30)));
            PropFirmConfig prop = new PropFirmConfig(true, p.dailyLoss(), p.maxLoss(), p.mode(), p.stopsAtInitial(), new BigDecimal("0.10"), 4,
                    p.floorBuffer(), p.gapReserve(), rnd.nextBoolean() ? FloorAction.HALT_AND_FLATTEN : FloorAction.HALT, PropFirmConfig.PRAGUE);
            RiskConfig base = RiskConfig.defaults(Money.of(CAPITAL, USD), p.feeRate());
            // Regimes F1..F50 risk 0.1% .. 5%: the strategy can ask for (nearly) all the headroom left.
            Map<String, BigDecimal> regimes = new LinkedHashMap<>();
            for (int k = 1; k <= 50; k++) {
                regimes.put("F" + k, new BigDecimal("0.001").multiply(BigDecimal.valueOf(k)));
            }
            SizingConfig sizing = base.sizing().withRiskFraction(p.riskFraction()).withRegimesAndSessions(regimes, Map.of())
                    .withStop(rnd.nextBoolean() ? StopMethod.ATR : StopMethod.STRUCTURE_ELSE_ATR, new BigDecimal("1.5"));
            LocksConfig locks = base.locks().withDrawdownLock(p.locks(), new BigDecimal("0.03"), Duration.ofHours(2))
                    .withLossCluster(p.locks(), 2, Duration.ofHours(3), new BigDecimal("0.5"));
            GovernorConfig gov = new GovernorConfig(p.governor(), 20, List.of(new BigDecimal("3"), new BigDecimal("5"), new BigDecimal("8")),
                    List.of(2, 3, 5), List.of(3, 2, 1), Duration.ofHours(2));
            this.config = base.withLimits(limits).withPropFirm(prop).withSizing(sizing).withLocks(locks).withGovernor(gov)
                    .withRateLimits(new RateLimitConfig(Map.of(RateLimitConfig.DEFAULT_TIER, new RateLimitConfig.TierLimit(8, 4)), Map.of()));
            this.risk = new PreTradeRisk(config, List.of(ins));
            this.state = risk.start(start);
            this.day = days.dayOf(start);
        }

        void run() {
            for (int k = 0; k < p.bars(); k++) {
                bar(start.plus(tf.multipliedBy(k)));
            }
        }

        void label() {
            Statistics.label("halted").collect(halts > 0 ? "yes" : "no");
            Statistics.label("approvals").collect(approvals == 0 ? "0" : approvals < 10 ? "1-9" : "10+");
            Statistics.label("closest to a floor").collect(minMargin == null ? "n/a"
                    : minMargin.compareTo(CAPITAL.movePointLeft(3)) < 0 ? "< 0.1% of capital" : minMargin.compareTo(CAPITAL.movePointLeft(2)) < 0 ? "< 1%" : ">= 1%");
        }

        void bar(Instant open) {
            Instant close = open.plus(tf);
            rollTo(open);
            Price[] o = new Price[2];
            Price[] h = new Price[2];
            Price[] l = new Price[2];
            Price[] c = new Price[2];
            double zc = rnd.nextGaussian();
            for (int i = 0; i < 2; i++) {
                double z = rho * zc + Math.sqrt(1 - rho * rho) * rnd.nextGaussian();
                // A hostile market: positions drift into profit on the day they open (the balance, and with it the next
                // day's floor, rises) and against them once carried over a Prague midnight, so stops and floors are reached.
                Pos held = pos.get(ins[i].instrument());
                if (held != null) {
                    z += held.openedDay.isBefore(day) ? -p.adverse() * held.sign() : 0.3 * p.adverse() * held.sign();
                }
                BigDecimal prev = last[i].toBigDecimal();
                BigDecimal g = rnd.nextDouble() < 0.15 ? p.maxGap().multiply(BigDecimal.valueOf(rnd.nextDouble() * 2 - 1)) : BigDecimal.ZERO;
                // Round toward the previous close so the gap never exceeds maxGap.
                o[i] = grid(prev.multiply(BigDecimal.ONE.add(g)), i, g.signum() < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR);
                BigDecimal ob = o[i].toBigDecimal();
                c[i] = grid(ob.multiply(BigDecimal.valueOf(1 + sigma[i] * z)), i, RoundingMode.HALF_UP);
                double spread = Math.abs(rnd.nextGaussian()) * sigma[i] / 2;
                h[i] = grid(ob.max(c[i].toBigDecimal()).multiply(BigDecimal.valueOf(1 + spread)), i, RoundingMode.CEILING);
                l[i] = grid(ob.min(c[i].toBigDecimal()).multiply(BigDecimal.valueOf(Math.max(0.01, 1 - spread))), i, RoundingMode.FLOOR);
            }
            // 1. the open: gap fills at the open, the rest marked
            for (int i = 0; i < 2; i++) {
                Pos ps = pos.get(ins[i].instrument());
                if (ps != null && (ps.side == OrderSide.BUY ? o[i].compareTo(ps.stop) <= 0 : o[i].compareTo(ps.stop) >= 0)) {
                    gapExit(ps, o[i], open);
                } else {
                    mark(i, o[i], open);
                }
            }
            check("open", open);
            // 2. adverse extremes together; stops traded through fill at the stop
            for (int i = 0; i < 2; i++) {
                Pos ps = pos.get(ins[i].instrument());
                if (ps == null) {
                    continue;
                }
                Price adverse = ps.side == OrderSide.BUY ? l[i] : h[i];
                if (ps.side == OrderSide.BUY ? adverse.compareTo(ps.stop) <= 0 : adverse.compareTo(ps.stop) >= 0) {
                    exit(ps, ps.stop, open);
                } else {
                    mark(i, adverse, open);
                }
            }
            check("adverse extreme", open);
            // 3. favourable extremes; targets fill at the target
            for (int i = 0; i < 2; i++) {
                Pos ps = pos.get(ins[i].instrument());
                if (ps == null) {
                    continue;
                }
                Price fav = ps.side == OrderSide.BUY ? h[i] : l[i];
                if (ps.target != null && (ps.side == OrderSide.BUY ? fav.compareTo(ps.target) >= 0 : fav.compareTo(ps.target) <= 0)) {
                    exit(ps, ps.target, open);
                } else {
                    mark(i, fav, open);
                }
            }
            check("favourable extreme", open);
            // 4. the close
            for (int i = 0; i < 2; i++) {
                mark(i, c[i], close);
                last[i] = c[i];
                corr = corr.onClose(ins[i].instrument(), open, c[i]);
            }
            check("close", open);
            rollTo(close);
            List<RiskEvent> observed = risk.observe(state, close);
            track(observed);
            state = state.applyAll(observed);
            for (RiskEvent e : observed) {
                if (e instanceof RiskEvent.Halted) {
                    halts++;
                }
                if (e instanceof RiskEvent.FlattenRequested) {
                    for (Pos ps : new ArrayList<>(pos.values())) {
                        OrderIntent x = new OrderIntent(ps.strategy, ps.rules.instrument(), ps.side.opposite(), close, 9, ps.mark, true, "flatten");
                        Evaluation ev = risk.evaluateExit(state, x);
                        state = ev.applyTo(state);
                        if (ev.approved()) {
                            assertEquals(ps.qty.stripTrailingZeros(), ((PreTradeDecision.Approved) ev.decision()).quantity().toBigDecimal().stripTrailingZeros());
                            exit(ps, ps.mark, close);
                        }
                    }
                }
            }
            check("after observe", close);
            // 5. the in-trade manager, the operator, the trader
            for (Pos ps : pos.values()) {
                if (rnd.nextDouble() < 0.2) {
                    trail(ps, close);
                }
            }
            if (rnd.nextDouble() < p.killSwitchRate()) {
                StrategyId who = rnd.nextBoolean() ? null : STRATEGIES[rnd.nextInt(2)];
                boolean on = who == null ? !state.globalKillSwitch() : !state.killedStrategies().contains(who);
                state = state.apply(new RiskEvent.KillSwitchSet(close, who, on, "test"));
            }
            if (rnd.nextDouble() < 0.02) {
                state = state.apply(new RiskEvent.SelfReported(close, 1 + rnd.nextInt(5)));
            }
            // 6. entries at the close
            List<Object[]> toFill = new ArrayList<>();
            for (int leg = 0; leg < 2; leg++) {
                if (rnd.nextDouble() < 0.35) {
                    Object[] f = decide(close, leg, c);
                    if (f != null) {
                        toFill.add(f);
                    }
                }
            }
            for (Object[] f : toFill) {
                entryFill((OrderRequest) f[0], (PreTradeDecision.Approved) f[1], (Integer) f[2], close);
            }
            check("entries", close);
        }

        Object[] decide(Instant t, int leg, Price[] c) {
            int i = rnd.nextInt(2);
            InstrumentRules r = ins[i];
            StrategyId strategy = STRATEGIES[rnd.nextInt(2)];
            OrderSide side = rnd.nextBoolean() ? OrderSide.BUY : OrderSide.SELL;
            Price ref = c[i];
            BigDecimal atr = ref.toBigDecimal().multiply(BigDecimal.valueOf(sigma[i] * (0.5 + rnd.nextDouble() * 1.5)))
                    .setScale(8, RoundingMode.HALF_UP);
            Price swing = null;
            if (rnd.nextBoolean()) {
                double away = 0.001 + rnd.nextDouble() * 0.03;
                swing = Price.of(ref.toBigDecimal().multiply(BigDecimal.valueOf(side == OrderSide.BUY ? 1 - away : 1 + away)).setScale(8, RoundingMode.HALF_UP));
            }
            OrderIntent intent = new OrderIntent(strategy, r.instrument(), side, t, leg, ref, false, "sim");
            String regime = rnd.nextBoolean() ? null : "TREND";
            BigDecimal w = risk.worstCaseBalance(state, null, null, null, null, null, null);
            if (w != null && rnd.nextBoolean()) {
                // Ask for about the headroom to the strictest floor, sometimes a notch more (then the at-stop rule must refuse),
                // or, like a naive strategy, the headroom to today's floors only, ignoring the floor the next midnight sets.
                dev.trader.risk.propfirm.Floors floors = risk.floors(state);
                BigDecimal headroom = w.subtract((rnd.nextBoolean() ? floors.strictest() : floors.current()).toBigDecimal());
                BigDecimal base = state.equity().toBigDecimal().min(state.balance().toBigDecimal());
                int k = headroom.signum() <= 0 ? 1 : headroom.divide(base, 3, RoundingMode.DOWN).movePointRight(3).intValue() + rnd.nextInt(2);
                regime = "F" + Math.max(1, Math.min(50, k));
            }
            EntryRequest req = new EntryRequest(intent, regime, null, atr.signum() > 0 ? Price.of(atr) : null,
                    side == OrderSide.BUY ? swing : null, side == OrderSide.SELL ? swing : null);

            AccountRisk rolled = state.applyAll(risk.roll(state, t));
            boolean killed = rolled.killSwitchOn(strategy);
            Optional<String> lock = risk.activeLock(rolled, t);
            boolean lockedHere = haltedToday || haltedForGood || (lockedUntil != null && t.isBefore(lockedUntil));
            Evaluation ev = risk.evaluate(state, req, corr, EconomicCalendar.EMPTY);
            track(ev.events());
            state = ev.applyTo(state);
            if (ev.decision() instanceof PreTradeDecision.Rejected rj) {
                if (rj.rule().equals("kill_switch")) {
                    killSwitchRejections++;
                }
                if (rj.rule().equals("halted") || rj.rule().equals("drawdown_lock") || rj.rule().startsWith("governor.")) {
                    lockRejections++;
                }
                assertFalse(killed && !rj.rule().equals("kill_switch"), () -> "kill switch on but rejected by " + rj.rule());
                return null;
            }
            PreTradeDecision.Approved a = (PreTradeDecision.Approved) ev.decision();
            approvals++;
            assertFalse(killed, "approved while the kill switch was on");
            assertTrue(lock.isEmpty(), () -> "approved while " + lock.get() + " held");
            assertFalse(lockedHere, "approved while a halt or the drawdown lock seen in the events held");
            assertGridAndCaps(r, side, ref, a);

            OrderRequest order = new OrderRequest(intent.clientOrderId(), strategy, r.instrument(), side, OrderType.MARKET, a.quantity(), null, t);
            Evaluation again = risk.recheck(state, order, corr, EconomicCalendar.EMPTY);
            assertInstanceOf(PreTradeDecision.Approved.class, again.decision(), () -> "the recheck of an unchanged approval failed: " + again.decision());
            state = again.applyTo(state);
            return new Object[] {order, a, i};
        }

        void assertGridAndCaps(InstrumentRules r, OrderSide side, Price ref, PreTradeDecision.Approved a) {
            BigDecimal q = a.quantity().toBigDecimal();
            BigDecimal lot = r.lotSize().toBigDecimal();
            BigDecimal tick = r.tickSize().toBigDecimal();
            assertEquals(0, q.remainder(lot).signum(), () -> q + " off the lot grid " + lot);
            assertTrue(q.compareTo(r.minQuantity().toBigDecimal()) >= 0 && q.signum() > 0, () -> q + " below the minimum quantity");
            BigDecimal notional = r.roundPriceDown(ref).toBigDecimal().multiply(q);
            assertTrue(notional.compareTo(r.minNotional().toBigDecimal()) >= 0, () -> "notional " + notional + " below the minimum");
            assertEquals(0, a.stop().toBigDecimal().remainder(tick).signum(), "stop off the tick grid");
            for (Price t : a.targets()) {
                assertEquals(0, t.toBigDecimal().remainder(tick).signum(), "target off the tick grid");
                assertTrue(side == OrderSide.BUY ? t.compareTo(ref) > 0 : t.compareTo(ref) < 0, "target on the wrong side");
            }
            assertTrue(side == OrderSide.BUY ? a.stop().compareTo(ref) < 0 : a.stop().compareTo(ref) > 0, "stop on the wrong side");
            // Exposure after the reservation, computed here from the positions and reservations.
            LimitsConfig lim = config.limits();
            BigDecimal gross = BigDecimal.ZERO;
            BigDecimal net = BigDecimal.ZERO;
            Map<InstrumentId, BigDecimal> per = new LinkedHashMap<>();
            for (OpenPosition op : state.positions().values()) {
                BigDecimal n = op.mark().toBigDecimal().multiply(op.quantity().toBigDecimal());
                gross = gross.add(n);
                net = net.add(n.multiply(BigDecimal.valueOf(op.sign())));
                per.merge(op.instrument(), n, BigDecimal::add);
            }
            for (PendingEntry pe : state.pending().values()) {
                BigDecimal n = pe.price().toBigDecimal().multiply(pe.remaining().toBigDecimal());
                gross = gross.add(n);
                net = net.add(n.multiply(BigDecimal.valueOf(pe.sign())));
                per.merge(pe.instrument(), n, BigDecimal::add);
            }
            BigDecimal equity = state.equity().toBigDecimal();
            // Only the approved symbol: another one may have grown past the cap since its entry as its price rose.
            BigDecimal symbol = per.get(r.instrument());
            assertTrue(symbol.compareTo(lim.maxPositionNotional()) <= 0, () -> r.instrument() + " notional " + symbol + " above the cap");
            BigDecimal g = gross;
            BigDecimal n = net;
            assertTrue(g.compareTo(lim.maxGrossNotional()) <= 0, () -> "gross " + g + " above the cap");
            assertTrue(n.abs().compareTo(lim.maxNetNotional()) <= 0, () -> "net " + n + " above the cap");
            assertTrue(g.compareTo(lim.leverageCap().multiply(equity)) <= 0, () -> "gross " + g + " above " + lim.leverageCap() + "x equity " + equity);
            BigDecimal margin = g.divide(lim.marginLeverage(), 20, RoundingMode.UP)
                    .add(config.feeRate().multiply(ref.toBigDecimal().multiply(q)));
            assertTrue(margin.compareTo(equity) <= 0, () -> "margin " + margin + " above equity " + equity);
        }

        void entryFill(OrderRequest order, PreTradeDecision.Approved a, int i, Instant t) {
            InstrumentRules r = ins[i];
            Price price = last[i];
            BigDecimal q = a.quantity().toBigDecimal();
            Money fee = Money.of(config.feeRate().multiply(price.toBigDecimal()).multiply(q), USD);
            Fill f = new Fill(order.clientOrderId(), new TradeId("t" + fillSeq++), r.instrument(), order.side(), price, a.quantity(), fee, t);
            state = state.apply(RiskEvent.Filled.of(f, order.strategy(), a.stop()));
            state = state.apply(new RiskEvent.OrderClosed(t, order.clientOrderId()));
            Pos ps = pos.get(r.instrument());
            if (ps == null) {
                ps = new Pos();
                ps.rules = r;
                ps.strategy = order.strategy();
                ps.side = order.side();
                ps.openedDay = day;
                pos.put(r.instrument(), ps);
            }
            assertEquals(ps.side, order.side(), "an entry against an open position was approved");
            ps.qty = ps.qty.add(q);
            ps.cost = ps.cost.add(price.toBigDecimal().multiply(q));
            ps.stop = a.stop();
            ps.target = a.target();
            ps.mark = price;
            balance = balance.subtract(fee.toBigDecimal());
        }

        void gapExit(Pos ps, Price open, Instant t) {
            BigDecimal f = config.feeRate();
            BigDecimal r = config.propFirm().gapReserve();
            BigDecimal s = ps.stop.toBigDecimal();
            BigDecimal q = ps.qty;
            BigDecimal x;
            if (ps.side == OrderSide.BUY) {
                BigDecimal model = s.multiply(BigDecimal.ONE.subtract(r));
                x = model.subtract(open.toBigDecimal()).max(BigDecimal.ZERO).multiply(q).multiply(BigDecimal.ONE.subtract(f));
            } else {
                BigDecimal model = s.multiply(BigDecimal.ONE.add(r));
                x = open.toBigDecimal().subtract(model).max(BigDecimal.ZERO).multiply(q).multiply(BigDecimal.ONE.add(f));
            }
            BigDecimal bound = p.maxGap().subtract(r).max(BigDecimal.ZERO).multiply(s).multiply(q).multiply(BigDecimal.ONE.add(f));
            assertTrue(x.compareTo(bound.add(new BigDecimal("1E-9"))) <= 0, () -> "gap excess " + x + " above the documented bound " + bound);
            if (x.signum() > 0) {
                excess = excess.add(x).add(new BigDecimal("0.0000001"));
            }
            exit(ps, open, t);
        }

        void exit(Pos ps, Price price, Instant t) {
            BigDecimal q = ps.qty;
            Money fee = Money.of(config.feeRate().multiply(price.toBigDecimal()).multiply(q), USD);
            ClientOrderId id = ClientOrderId.derive(ps.strategy, ps.rules.instrument(), t, 100 + fillSeq % 100);
            Fill f = new Fill(id, new TradeId("x" + fillSeq++), ps.rules.instrument(), ps.side.opposite(), price, Quantity.of(q), fee, t);
            state = state.apply(RiskEvent.Filled.of(f, ps.strategy, null));
            BigDecimal realized = price.toBigDecimal().multiply(q).subtract(ps.cost).multiply(BigDecimal.valueOf(ps.sign()));
            balance = balance.add(realized).subtract(fee.toBigDecimal());
            pos.remove(ps.rules.instrument());
            assertTrue(state.position(ps.rules.instrument()).isEmpty(), "the account still holds " + ps.rules.instrument());
        }

        void trail(Pos ps, Instant t) {
            BigDecimal tick = ps.rules.tickSize().toBigDecimal();
            BigDecimal m = ps.mark.toBigDecimal();
            BigDecimal s = ps.stop.toBigDecimal();
            BigDecimal room = ps.side == OrderSide.BUY ? m.subtract(s) : s.subtract(m);
            if (room.compareTo(tick.multiply(BigDecimal.valueOf(2))) <= 0) {
                return;
            }
            BigDecimal move = room.multiply(BigDecimal.valueOf(rnd.nextDouble() * 0.9)).divide(tick, 0, RoundingMode.DOWN).multiply(tick);
            if (move.signum() == 0) {
                return;
            }
            Price next = Price.of(ps.side == OrderSide.BUY ? s.add(move) : s.subtract(move));
            ps.stop = next;
            state = state.apply(new RiskEvent.StopMoved(t, ps.rules.instrument(), next));
        }

        void mark(int i, Price price, Instant t) {
            Pos ps = pos.get(ins[i].instrument());
            if (ps != null) {
                ps.mark = price;
                state = state.apply(new RiskEvent.Marked(t, ins[i].instrument(), price));
            }
        }

        void rollTo(Instant t) {
            state = state.applyAll(risk.roll(state, t));
            LocalDate d = days.dayOf(t);
            if (d.isAfter(day)) {
                haltedToday = false;
                dayStart = balance;
                highestEod = highestEod.max(balance);
                day = d;
            }
        }

        void track(List<RiskEvent> events) {
            for (RiskEvent e : events) {
                if (e instanceof RiskEvent.Halted h) {
                    if (h.untilNextDay()) {
                        haltedToday = true;
                    } else {
                        haltedForGood = true;
                    }
                } else if (e instanceof RiskEvent.LockEngaged l) {
                    lockedUntil = l.until();
                } else if (e instanceof RiskEvent.DayRolled r && r.day().isAfter(day)) {
                    haltedToday = false;
                }
            }
        }

        Price grid(BigDecimal v, int i, RoundingMode mode) {
            BigDecimal tick = ins[i].tickSize().toBigDecimal();
            BigDecimal g = v.divide(tick, 0, mode).multiply(tick);
            return Price.of(g.max(tick));
        }

        void check(String where, Instant t) {
            // The account's ledger agrees with the test's exact one.
            BigDecimal floating = BigDecimal.ZERO;
            for (Pos ps : pos.values()) {
                floating = floating.add(ps.mark.toBigDecimal().multiply(ps.qty).subtract(ps.cost).multiply(BigDecimal.valueOf(ps.sign())));
            }
            BigDecimal simEquity = balance.add(floating);
            BigDecimal equity = state.equity().toBigDecimal();
            assertTrue(simEquity.subtract(equity).abs().compareTo(TOLERANCE) <= 0, () -> where + ": equity " + equity + " but the exact ledger says " + simEquity);
            assertTrue(dayStart.subtract(state.dayStartBalance().toBigDecimal()).abs().compareTo(TOLERANCE) <= 0,
                    () -> where + ": day-start balance " + state.dayStartBalance() + " but the exact ledger says " + dayStart);
            assertEquals(day, state.tradingDay(), where);
            // The published floors, computed here.
            BigDecimal initial = CAPITAL;
            BigDecimal daily = state.dayStartBalance().toBigDecimal().subtract(initial.multiply(p.dailyLoss()));
            BigDecimal overall;
            if (p.mode() == OverallFloorMode.STATIC) {
                overall = initial.subtract(initial.multiply(p.maxLoss()));
            } else {
                overall = state.highestEodBalance().toBigDecimal().subtract(initial.multiply(p.maxLoss()));
                if (p.stopsAtInitial() && overall.compareTo(initial) > 0) {
                    overall = initial;
                }
            }
            BigDecimal floor = daily.max(overall);
            BigDecimal margin = equity.subtract(floor);
            if (minMargin == null || margin.compareTo(minMargin) < 0) {
                minMargin = margin;
            }
            if (margin.signum() < 0) {
                breachedByGap = true;
            }
            BigDecimal allowed = floor.subtract(excess);
            assertTrue(equity.compareTo(allowed) >= 0, () -> where + " at " + t + ": equity " + equity + " below the floor " + floor
                    + " (daily " + daily + ", excess from gaps " + excess + ") " + state);
        }
    }
}

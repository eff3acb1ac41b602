package dev.trader.risk.rules;

import static dev.trader.risk.testkit.Fixtures.BTCETH_ID;
import static dev.trader.risk.testkit.Fixtures.EURUSD_ID;
import static dev.trader.risk.testkit.Fixtures.OTHER;
import static dev.trader.risk.testkit.Fixtures.STRAT;
import static dev.trader.risk.testkit.Fixtures.XAUUSD_ID;
import static dev.trader.risk.testkit.Fixtures.approved;
import static dev.trader.risk.testkit.Fixtures.entry;
import static dev.trader.risk.testkit.Fixtures.exit;
import static dev.trader.risk.testkit.Fixtures.fill;
import static dev.trader.risk.testkit.Fixtures.intent;
import static dev.trader.risk.testkit.Fixtures.rejected;
import static dev.trader.risk.testkit.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderIntent;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import dev.trader.risk.RiskDecision;
import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.RiskEvent;
import dev.trader.risk.governor.GovernorConfig;
import dev.trader.risk.limits.Correlations;
import dev.trader.risk.limits.LimitsConfig;
import dev.trader.risk.news.CalendarParser;
import dev.trader.risk.news.EconomicCalendar;
import dev.trader.risk.propfirm.ChallengeProgress;
import dev.trader.risk.testkit.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PreTradeRiskRulesTest {
    private static final Instant T = Instant.parse("2024-05-06T09:00:00Z");
    private static final EconomicCalendar NO_NEWS = EconomicCalendar.EMPTY;
    private static final RiskConfig DEFAULTS = RiskConfig.defaults(usd("100000"), BigDecimal.ZERO);
    /** Positions up to 100k, gross 300k, net and any currency 200k, 3× leverage, 30× margin. */
    private static final RiskConfig BASE = DEFAULTS.withLimits(limits("100000", "300000", "200000", "200000", 5, "3", "30"));

    private static LimitsConfig limits(String position, String gross, String net, String ccy, int exposures, String leverage, String margin) {
        return new LimitsConfig(new BigDecimal(position), new BigDecimal(gross), new BigDecimal(net), new BigDecimal(ccy), new BigDecimal("0.8"),
                exposures, new BigDecimal(leverage), new BigDecimal(margin));
    }

    private static GovernorConfig governorOff() {
        GovernorConfig g = GovernorConfig.defaults();
        return new GovernorConfig(false, g.windowTrades(), g.drawdownR(), g.lossStreak(), g.selfReported(), g.cooldown());
    }

    private static EntryRequest eurusdLong(Instant t) {
        return entry(intent(STRAT, EURUSD_ID, OrderSide.BUY, t, "1.10000"), "0.00100");
    }

    private static EntryRequest goldLong(Instant t) {
        return entry(intent(STRAT, XAUUSD_ID, OrderSide.BUY, t, "2000"), "10");
    }

    private static EntryRequest goldShort(Instant t) {
        return entry(intent(STRAT, XAUUSD_ID, OrderSide.SELL, t, "2000"), "10");
    }

    /** Holding 45,000 EURUSD long at 1.1 (49,500 notional). */
    private static AccountRisk holdingEurusd(PreTradeRisk risk) {
        return risk.start(T).apply(fill(T, STRAT, EURUSD_ID, OrderSide.BUY, "1.10000", "45000", BigDecimal.ZERO, "1.09800"));
    }

    // ---------------------------------------------------------------- kill switch

    @Test
    void theGlobalKillSwitchStopsEveryOrderAndCountsEveryAttempt() {
        PreTradeRisk risk = new PreTradeRisk(BASE, Fixtures.ALL);
        AccountRisk s = holdingEurusd(risk).apply(new RiskEvent.KillSwitchSet(T, null, true, "operator"));

        Evaluation e1 = risk.evaluate(s, goldLong(T.plusSeconds(60)), Correlations.NONE, NO_NEWS);
        PreTradeDecision.Rejected r = rejected(e1.decision(), "kill_switch");
        assertEquals("the global kill switch is on", r.reason());
        assertEquals("1", r.inputs().get("blocked_attempts"));
        assertEquals(new RiskEvent.AttemptBlocked(T.plusSeconds(60), "global"), e1.events().get(0));
        s = e1.applyTo(s);
        s = risk.evaluate(s, goldLong(T.plusSeconds(120)), Correlations.NONE, NO_NEWS).applyTo(s);
        // exits too: no order leaves
        Evaluation ex = risk.evaluateExit(s, exit(STRAT, EURUSD_ID, OrderSide.SELL, T.plusSeconds(180), "1.1"));
        rejected(ex.decision(), "kill_switch");
        s = ex.applyTo(s);
        // and the recheck of an order approved before
        OrderRequest order = new OrderRequest(intent(OTHER, XAUUSD_ID, OrderSide.BUY, T, "2000").clientOrderId(), OTHER, XAUUSD_ID, OrderSide.BUY,
                OrderType.MARKET, Quantity.of("1"), null, T.plusSeconds(240));
        Evaluation rc = risk.recheck(s, order, Correlations.NONE, NO_NEWS);
        rejected(rc.decision(), "kill_switch");
        s = rc.applyTo(s);

        assertEquals(Map.of("global", 4L), s.blockedAttempts());
        assertEquals(4, s.blockedAttemptsTotal());
        s = s.apply(new RiskEvent.KillSwitchSet(T.plusSeconds(300), null, false, "operator"));
        approved(risk.evaluate(s, goldLong(T.plusSeconds(360)), Correlations.NONE, NO_NEWS).decision());
    }

    @Test
    void aStrategysKillSwitchStopsOnlyThatStrategy() {
        PreTradeRisk risk = new PreTradeRisk(BASE, Fixtures.ALL);
        AccountRisk s = risk.start(T).apply(new RiskEvent.KillSwitchSet(T, STRAT, true, "misbehaving"));
        Evaluation e = risk.evaluate(s, goldLong(T.plusSeconds(60)), Correlations.NONE, NO_NEWS);
        assertEquals("the kill switch of strategy ema-cross is on", rejected(e.decision(), "kill_switch").reason());
        s = e.applyTo(s);
        assertEquals(Map.of("ema-cross", 1L), s.blockedAttempts());
        approved(risk.evaluate(s, entry(intent(OTHER, XAUUSD_ID, OrderSide.BUY, T.plusSeconds(60), "2000"), "10"), Correlations.NONE, NO_NEWS)
                .decision());
    }

    // ---------------------------------------------------------------- rule order

    @Test
    void theFirstRuleInOrderWins() {
        PreTradeRisk risk = new PreTradeRisk(BASE, Fixtures.ALL);
        EconomicCalendar nfp = CalendarParser.parseCsv("datetime_utc,currency,impact,event\n2024-05-06T09:05:00Z,USD,High,NFP\n").calendar();
        AccountRisk halted = risk.start(T).apply(new RiskEvent.Halted(T, "prop_overall_floor", false, Map.of()));
        AccountRisk killedAndHalted = halted.apply(new RiskEvent.KillSwitchSet(T, null, true, "x"));
        rejected(risk.evaluate(killedAndHalted, goldLong(T), Correlations.NONE, nfp).decision(), "kill_switch");
        rejected(risk.evaluate(halted, goldLong(T), Correlations.NONE, nfp).decision(), "halted");
        rejected(risk.evaluate(risk.start(T), goldLong(T), Correlations.NONE, nfp).decision(), "news_blackout");
        rejected(risk.evaluate(risk.start(T), entry(intent(STRAT, InstrumentId.parse("oanda:GBPUSD"), OrderSide.BUY, T, "1.25"), "0.001"),
                Correlations.NONE, nfp).decision(), "unknown_instrument");
        rejected(risk.evaluate(risk.start(T), entry(intent(STRAT, BTCETH_ID, OrderSide.BUY, T, "0.05"), "0.001"), Correlations.NONE, NO_NEWS)
                .decision(), "unsupported_currency");
        rejected(risk.evaluate(risk.start(T), entry(intent(STRAT, XAUUSD_ID, OrderSide.BUY, T, "2000"), null), Correlations.NONE, NO_NEWS)
                .decision(), "invalid_stop");
        // an operator clears the halt
        approved(risk.evaluate(halted.apply(new RiskEvent.HaltCleared(T, "reviewed")), goldLong(T.plus(Duration.ofHours(1))), Correlations.NONE, NO_NEWS)
                .decision());
    }

    @Test
    void theRichDecisionConvertsToTheFoundationsDecision() {
        PreTradeRisk risk = new PreTradeRisk(BASE, Fixtures.ALL);
        PreTradeDecision.Approved a = approved(risk.evaluate(risk.start(T), goldLong(T), Correlations.NONE, NO_NEWS).decision());
        RiskDecision.Approved legacy = assertInstanceOf(RiskDecision.Approved.class, a.toRiskDecision());
        assertEquals(a.quantity(), legacy.quantity());
        assertEquals(a.inputs(), legacy.inputs());
    }

    // ---------------------------------------------------------------- rate limits

    @Test
    void signalsAndOrdersPerHourAreLimitedPerTier() {
        RiskConfig c = BASE.withRateLimits(new RateLimitConfig(Map.of("scalp", new RateLimitConfig.TierLimit(3, 2)), Map.of("ema-cross", "scalp")));
        PreTradeRisk risk = new PreTradeRisk(c, Fixtures.ALL);
        AccountRisk s = risk.start(T);
        List<EntryRequest> seq = List.of(eurusdLong(T), goldLong(T.plus(Duration.ofMinutes(1))),
                entry(intent(STRAT, Fixtures.BTCUSDT_ID, OrderSide.BUY, T.plus(Duration.ofMinutes(2)), "60000"), "300"),
                entry(intent(STRAT, Fixtures.BTCUSDT_ID, OrderSide.BUY, T.plus(Duration.ofMinutes(3)), "60000"), "300"));
        String[] expected = {null, null, "rate_limit_orders", "rate_limit_signals"};
        for (int i = 0; i < seq.size(); i++) {
            Evaluation e = risk.evaluate(s, seq.get(i), Correlations.NONE, NO_NEWS);
            if (expected[i] == null) {
                approved(e.decision());
            } else {
                PreTradeDecision.Rejected r = rejected(e.decision(), expected[i]);
                assertEquals("scalp", r.inputs().get("tier"));
            }
            s = e.applyTo(s);
        }
        assertEquals("tier scalp had 4 signals in the last hour, the limit is 3",
                ((PreTradeDecision.Rejected) risk.evaluate(s, eurusdLong(T.plus(Duration.ofMinutes(5))), Correlations.NONE, NO_NEWS).decision()).reason());
        // another tier is not affected
        approved(risk.evaluate(s, entry(intent(OTHER, Fixtures.BTCUSDT_ID, OrderSide.BUY, T.plus(Duration.ofMinutes(5)), "60000"), "300"),
                Correlations.NONE, NO_NEWS).decision());
        // an hour after the first signal it leaves the window: still 3 signals (1, 2 and 3 minutes)
        rejected(risk.evaluate(s, eurusdLong(T.plus(Duration.ofMinutes(60))), Correlations.NONE, NO_NEWS).decision(), "rate_limit_signals");
        // after 61 minutes: 2 signals, and both orders (0 and 1 minute) have left the window
        approved(risk.evaluate(s, entry(intent(STRAT, Fixtures.BTCUSDT_ID, OrderSide.BUY, T.plus(Duration.ofMinutes(61)), "60000"), "300"),
                Correlations.NONE, NO_NEWS).decision());
    }

    // ---------------------------------------------------------------- exposure

    @Test
    void theSizeIsClampedByTheTightestLimitWhichIsReported() {
        RiskConfig c = BASE.withLimits(limits("50000", "120000", "80000", "60000", 5, "3", "5"));
        PreTradeRisk risk = new PreTradeRisk(c, Fixtures.ALL);
        // 0.5% of 100,000 over 0.002 per unit = 250,000 units (275,000 notional); one symbol may hold 50,000 → 45,000 units.
        PreTradeDecision.Approved eur = approved(risk.evaluate(risk.start(T), eurusdLong(T), Correlations.NONE, NO_NEWS).decision());
        assertEquals(Quantity.of("45000"), eur.quantity());
        assertEquals("max_position_per_symbol", eur.inputs().get("binding_cap"));
        assertEquals("250000", eur.inputs().get("risk_quantity"));

        AccountRisk s = holdingEurusd(risk);
        // Gold long adds a short-USD leg: USD is already −49,500 of a 60,000 cap → 10,500 → 5.25 oz.
        PreTradeDecision.Approved gold = approved(risk.evaluate(s, goldLong(T.plusSeconds(60)), Correlations.NONE, NO_NEWS).decision());
        assertEquals(Quantity.of("5.25"), gold.quantity());
        assertEquals("currency_exposure", gold.inputs().get("binding_cap"));
        // Gold short offsets the USD leg: the 0.5% risk size (25 oz) binds.
        PreTradeDecision.Approved short1 = approved(risk.evaluate(s, goldShort(T.plusSeconds(60)), Correlations.NONE, NO_NEWS).decision());
        assertEquals(Quantity.of("25"), short1.quantity());
        assertEquals("risk_size", short1.inputs().get("binding_cap"));
    }

    @Test
    void grossNetLeverageAndMarginEachClamp() {
        // gross cap 60,000: 49,500 held leaves 10,500 → 5.25 oz
        PreTradeRisk gross = new PreTradeRisk(BASE.withLimits(limits("60000", "60000", "60000", "1000000", 5, "3", "30")), Fixtures.ALL);
        PreTradeDecision.Approved g = approved(gross.evaluate(holdingEurusd(gross), goldLong(T), Correlations.NONE, NO_NEWS).decision());
        assertEquals("max_gross_exposure", g.inputs().get("binding_cap"));
        assertEquals(Quantity.of("5.25"), g.quantity());
        // net cap 55,000: a long adds to +49,500 → 5,500 → 2.75 oz; a short nets it down → not binding
        PreTradeRisk net = new PreTradeRisk(BASE.withLimits(limits("1000000", "1000000", "55000", "1000000", 5, "3", "30")), Fixtures.ALL);
        PreTradeDecision.Approved n = approved(net.evaluate(holdingEurusd(net), goldLong(T), Correlations.NONE, NO_NEWS).decision());
        assertEquals("max_net_exposure", n.inputs().get("binding_cap"));
        assertEquals(Quantity.of("2.75"), n.quantity());
        assertEquals("risk_size", approved(net.evaluate(holdingEurusd(net), goldShort(T), Correlations.NONE, NO_NEWS).decision())
                .inputs().get("binding_cap"));
        // 1× leverage on 100,000 equity: 50,500 left → 25.25 oz (risk size: 125 oz at a 4-dollar stop)
        PreTradeRisk lev = new PreTradeRisk(BASE.withLimits(limits("1000000", "1000000", "1000000", "1000000", 5, "1", "30")), Fixtures.ALL);
        EntryRequest tight = entry(intent(STRAT, XAUUSD_ID, OrderSide.BUY, T, "2000"), "2");
        PreTradeDecision.Approved l = approved(lev.evaluate(holdingEurusd(lev), tight, Correlations.NONE, NO_NEWS).decision());
        assertEquals("leverage_cap", l.inputs().get("binding_cap"));
        assertEquals(Quantity.of("25.25"), l.quantity());
        // spot margin (1×) with a 0.1% fee: 50,500 / 1.001 = 50,449.55 → 25.22 oz
        RiskConfig spot = RiskConfig.defaults(usd("100000"), new BigDecimal("0.001")).withLimits(limits("1000000", "1000000", "1000000", "1000000", 5,
                "3", "1"));
        PreTradeRisk margin = new PreTradeRisk(spot, Fixtures.ALL);
        PreTradeDecision.Approved m = approved(margin.evaluate(holdingEurusd(margin), tight, Correlations.NONE, NO_NEWS).decision());
        assertEquals("margin", m.inputs().get("binding_cap"));
        assertEquals(Quantity.of("25.22"), m.quantity());
    }

    @Test
    void correlatedSymbolsCountAsOneExposure() {
        RiskConfig c = BASE.withLimits(limits("50000", "1000000", "1000000", "1000000", 1, "10", "30"));
        PreTradeRisk risk = new PreTradeRisk(c, Fixtures.ALL);
        AccountRisk s = holdingEurusd(risk);
        Correlations plus = (a, b) -> OptionalDouble.of(0.9);
        Correlations minus = (a, b) -> OptionalDouble.of(-0.9);
        Correlations weak = (a, b) -> OptionalDouble.of(0.5);

        // Uncorrelated gold would be a second exposure; only one is allowed.
        PreTradeDecision.Rejected second = rejected(risk.evaluate(s, goldLong(T), weak, NO_NEWS).decision(), "max_open_exposures");
        assertEquals("an uncorrelated new exposure would make 2 distinct exposures, the limit is 1", second.reason());
        // Correlated gold long joins EURUSD's exposure: 49,500 of the 50,000 a symbol may hold → 0.25 oz.
        PreTradeDecision.Approved joined = approved(risk.evaluate(s, goldLong(T), plus, NO_NEWS).decision());
        assertEquals("correlation_cap", joined.inputs().get("binding_cap"));
        assertEquals("oanda:EURUSD", joined.inputs().get("correlated_with"));
        assertEquals(Quantity.of("0.25"), joined.quantity());
        // Gold short hedges a positively correlated long: not capped by the group.
        assertEquals("risk_size", approved(risk.evaluate(s, goldShort(T), plus, NO_NEWS).decision()).inputs().get("binding_cap"));
        // With a negative correlation the short is the same bet.
        assertEquals("correlation_cap", approved(risk.evaluate(s, goldShort(T), minus, NO_NEWS).decision()).inputs().get("binding_cap"));
    }

    @Test
    void anEntryAgainstAnOpenOrReservedPositionIsRejected() {
        PreTradeRisk risk = new PreTradeRisk(BASE, Fixtures.ALL);
        rejected(risk.evaluate(holdingEurusd(risk), entry(intent(STRAT, EURUSD_ID, OrderSide.SELL, T, "1.10000"), "0.001"), Correlations.NONE,
                NO_NEWS).decision(), "opposite_position");
        Evaluation reserve = risk.evaluate(risk.start(T), goldLong(T), Correlations.NONE, NO_NEWS);
        AccountRisk reserved = reserve.applyTo(risk.start(T));
        assertEquals(1, reserved.pending().size());
        rejected(risk.evaluate(reserved, entry(intent(OTHER, XAUUSD_ID, OrderSide.SELL, T, "2000"), "10"), Correlations.NONE, NO_NEWS).decision(),
                "opposite_position");
    }

    @Test
    void aReservationCountsUntilItsOrderFillsOrCloses() {
        RiskConfig c = BASE.withLimits(limits("100000", "120000", "120000", "1000000", 5, "3", "30"));
        PreTradeRisk risk = new PreTradeRisk(c, Fixtures.ALL);
        AccountRisk s = risk.start(T);
        Evaluation first = risk.evaluate(s, goldLong(T), Correlations.NONE, NO_NEWS);
        s = first.applyTo(s);
        // 25 oz reserved (50,000): a second signal has 70,000 of gross left, and its own 25 oz risk size fits.
        PreTradeDecision.Approved second = approved(risk.evaluate(s, entry(intent(OTHER, EURUSD_ID, OrderSide.BUY, T, "1.10000"), "0.001"),
                Correlations.NONE, NO_NEWS).decision());
        assertEquals("63000", second.quantity().toString());
        assertEquals("max_gross_exposure", second.inputs().get("binding_cap"));
        // Once the gold order closes unfilled its reservation is released.
        s = s.apply(new RiskEvent.OrderClosed(T, goldLong(T).intent().clientOrderId()));
        assertEquals("90000", approved(risk.evaluate(s, entry(intent(OTHER, EURUSD_ID, OrderSide.BUY, T, "1.10000"), "0.001"), Correlations.NONE,
                NO_NEWS).decision()).quantity().toString());
    }

    // ---------------------------------------------------------------- recheck

    @Test
    void theRecheckApprovesTheFinalOrderOnlyIfItStillFitsAndReleasesItOtherwise() {
        RiskConfig c = BASE.withLimits(limits("100000", "150000", "150000", "1000000", 5, "3", "30"));
        PreTradeRisk risk = new PreTradeRisk(c, Fixtures.ALL);
        OrderIntent intent = eurusdLong(T).intent();
        Evaluation e = risk.evaluate(risk.start(T), eurusdLong(T), Correlations.NONE, NO_NEWS);
        PreTradeDecision.Approved a = approved(e.decision());
        assertEquals(Quantity.of("90000"), a.quantity());
        AccountRisk s = e.applyTo(risk.start(T));
        OrderRequest order = new OrderRequest(intent.clientOrderId(), STRAT, EURUSD_ID, OrderSide.BUY, OrderType.MARKET, a.quantity(), null, T);

        PreTradeDecision.Approved ok = approved(risk.recheck(s, order, Correlations.NONE, NO_NEWS).decision());
        assertEquals(a.stop(), ok.stop());

        OrderRequest bigger = new OrderRequest(intent.clientOrderId(), STRAT, EURUSD_ID, OrderSide.BUY, OrderType.MARKET, Quantity.of("91000"), null, T);
        Evaluation tooBig = risk.recheck(s, bigger, Correlations.NONE, NO_NEWS);
        rejected(tooBig.decision(), "recheck_mismatch");
        assertEquals(List.of(new RiskEvent.OrderClosed(T, intent.clientOrderId())), tooBig.events());

        OrderRequest offGrid = new OrderRequest(intent.clientOrderId(), STRAT, EURUSD_ID, OrderSide.BUY, OrderType.LIMIT, Quantity.of("90000"),
                Price.of("1.100005"), T);
        rejected(risk.recheck(s, offGrid, Correlations.NONE, NO_NEWS).decision(), "venue_filters");

        // Meanwhile 30 oz of gold filled (60,000): 99,000 + 60,000 no longer fits the 150,000 gross cap.
        AccountRisk moved = s.apply(fill(T.plusSeconds(1), OTHER, XAUUSD_ID, OrderSide.BUY, "2000", "30", BigDecimal.ZERO, "1990"));
        PreTradeDecision.Rejected gross = rejected(risk.recheck(moved, order, Correlations.NONE, NO_NEWS).decision(), "max_gross_exposure");
        assertTrue(gross.reason().startsWith("notional 99000"), gross.reason());

        OrderRequest unknown = new OrderRequest(goldLong(T).intent().clientOrderId(), STRAT, XAUUSD_ID, OrderSide.BUY, OrderType.MARKET,
                Quantity.of("1"), null, T);
        rejected(risk.recheck(s, unknown, Correlations.NONE, NO_NEWS).decision(), "no_reservation");
    }

    @Test
    void theRecheckAppliesLimitsToTheAccountAsItIsAtSubmission() {
        RiskConfig c = BASE.withPropFirm(BASE.propFirm().disabled()).withLocks(BASE.locks().withDrawdownLock(false, new BigDecimal("0.03"),
                Duration.ofHours(1)));
        PreTradeRisk risk = new PreTradeRisk(c, Fixtures.ALL);
        Evaluation e = risk.evaluate(risk.start(T), eurusdLong(T), Correlations.NONE, NO_NEWS);
        AccountRisk s = e.applyTo(risk.start(T));
        PreTradeDecision.Approved a = approved(e.decision());
        // A 70,000 loss lands before submission: 3 × 30,000 equity = 90,000 < 99,000.
        s = s.apply(fill(T, OTHER, XAUUSD_ID, OrderSide.BUY, "2000", "35", BigDecimal.ZERO, null))
                .apply(fill(T.plusSeconds(1), OTHER, XAUUSD_ID, OrderSide.SELL, "0.01", "35", BigDecimal.ZERO, null));
        assertEquals(usd("30000.35"), s.balance());
        OrderRequest order = new OrderRequest(eurusdLong(T).intent().clientOrderId(), STRAT, EURUSD_ID, OrderSide.BUY, OrderType.MARKET, a.quantity(),
                null, T.plusSeconds(2));
        PreTradeDecision.Rejected r = rejected(risk.recheck(s, order, Correlations.NONE, NO_NEWS).decision(), "leverage_cap");
        assertEquals("90001.05", new BigDecimal(r.inputs().get("room_leverage_cap")).stripTrailingZeros().toPlainString());
    }

    @Test
    void aRecheckedExitNeedsOnlyThePositionAndTheKillSwitchOff() {
        PreTradeRisk risk = new PreTradeRisk(BASE, Fixtures.ALL);
        AccountRisk s = holdingEurusd(risk).apply(new RiskEvent.Halted(T, "prop_overall_floor", false, Map.of()));
        OrderRequest out = new OrderRequest(exit(STRAT, EURUSD_ID, OrderSide.SELL, T, "1.1").clientOrderId(), STRAT, EURUSD_ID, OrderSide.SELL,
                OrderType.MARKET, Quantity.of("45000"), null, T);
        approved(risk.recheck(s, out, Correlations.NONE, NO_NEWS).decision());
        OrderRequest tooMuch = new OrderRequest(out.clientOrderId(), STRAT, EURUSD_ID, OrderSide.SELL, OrderType.MARKET, Quantity.of("46000"), null, T);
        rejected(risk.recheck(s, tooMuch, Correlations.NONE, NO_NEWS).decision(), "recheck_mismatch");
    }

    // ---------------------------------------------------------------- locks

    @Test
    void theDailyDrawdownLockEngagesOnceAndHoldsForItsCooldown() {
        RiskConfig c = DEFAULTS.withGovernor(governorOff());
        PreTradeRisk risk = new PreTradeRisk(c, Fixtures.ALL);
        // −3,100 closed: 96,900 ≤ 97% of the 100,000 day start.
        AccountRisk s = risk.start(T).apply(fill(T, STRAT, XAUUSD_ID, OrderSide.BUY, "2000", "10", BigDecimal.ZERO, "1690"))
                .apply(fill(T.plusSeconds(60), STRAT, XAUUSD_ID, OrderSide.SELL, "1690", "10", BigDecimal.ZERO, null));
        Instant t = T.plus(Duration.ofMinutes(5));
        Evaluation e = risk.evaluate(s, goldLong(t), Correlations.NONE, NO_NEWS);
        PreTradeDecision.Rejected r = rejected(e.decision(), "drawdown_lock");
        assertEquals(t.plus(Duration.ofHours(4)).toString(), r.inputs().get("drawdown_lock_until"));
        assertEquals("97000 USD", r.inputs().get("drawdown_lock_threshold"));
        RiskEvent.LockEngaged lock = assertInstanceOf(RiskEvent.LockEngaged.class, e.events().get(0));
        assertEquals(t.plus(Duration.ofHours(4)), lock.until());
        s = e.applyTo(s);
        rejected(risk.evaluate(s, goldLong(t.plus(Duration.ofHours(4)).minusSeconds(1)), Correlations.NONE, NO_NEWS).decision(), "drawdown_lock");
        assertEquals("drawdown_lock", risk.activeLock(s, t.plus(Duration.ofMinutes(1))).orElseThrow());
        // After the cool-down the same day continues (once a day), guarded by the floors.
        approved(risk.evaluate(s, goldLong(t.plus(Duration.ofHours(4))), Correlations.NONE, NO_NEWS).decision());
        assertFalse(risk.activeLock(s, t.plus(Duration.ofHours(4))).isPresent());
    }

    @Test
    void lossesClusteredInTheWindowHalveTheRiskForTheRestOfTheDay() {
        PreTradeRisk risk = new PreTradeRisk(DEFAULTS.withGovernor(governorOff()), Fixtures.ALL);
        AccountRisk s = risk.start(T);
        for (int i = 0; i < 3; i++) {
            Instant t = T.plus(Duration.ofMinutes(25L * i));
            s = s.apply(fill(t, STRAT, XAUUSD_ID, OrderSide.BUY, "2000", "1", BigDecimal.ZERO, "1990"))
                    .apply(fill(t.plusSeconds(60), STRAT, XAUUSD_ID, OrderSide.SELL, "1990", "1", BigDecimal.ZERO, null));
        }
        // losses at 09:01, 09:26, 09:51: three within 60 minutes
        PreTradeDecision.Approved a = approved(risk.evaluate(s, goldLong(T.plus(Duration.ofHours(5))), Correlations.NONE, NO_NEWS).decision());
        assertEquals("0.5", a.inputs().get("loss_cluster_multiplier"));
        assertEquals("12.49", a.quantity().toString(), "0.25% of 99,970 over 20 per ounce");
        // The next Prague day starts at full size.
        Instant tomorrow = Instant.parse("2024-05-06T22:00:00Z");
        assertEquals("1", approved(risk.evaluate(s, goldLong(tomorrow), Correlations.NONE, NO_NEWS).decision()).inputs().get("loss_cluster_multiplier"));
    }

    @Test
    void challengeProgressTracksTheTargetAndTradingDays() {
        PreTradeRisk risk = new PreTradeRisk(DEFAULTS, Fixtures.ALL);
        AccountRisk s = risk.start(T);
        for (int d = 0; d < 4; d++) {
            Instant t = T.plus(Duration.ofDays(d));
            s = s.applyAll(risk.roll(s, t));
            s = s.apply(fill(t, STRAT, XAUUSD_ID, OrderSide.BUY, "2000", "10", BigDecimal.ZERO, "1990"))
                    .apply(fill(t.plusSeconds(60), STRAT, XAUUSD_ID, OrderSide.SELL, "2250", "10", BigDecimal.ZERO, null));
            ChallengeProgress p = risk.progress(s);
            assertEquals(d + 1, p.tradingDays());
            assertEquals(d >= 3, p.passed(), p::toString);
        }
        ChallengeProgress p = risk.progress(s);
        assertEquals(usd("10000"), p.profit());
        assertEquals(usd("10000"), p.target());
        assertTrue(p.targetReached());
    }
}

package dev.trader.risk.rules;

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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderSide;
import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.RiskEvent;
import dev.trader.risk.governor.GovernorConfig;
import dev.trader.risk.limits.Correlations;
import dev.trader.risk.news.EconomicCalendar;
import dev.trader.risk.testkit.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Synthetic losses push the account to the FTMO daily floor; the next signal is blocked, with the rule and its inputs. */
class GuardrailScenarioTest {
    private static final Instant MONDAY = Instant.parse("2024-03-04T08:00:00Z");
    /** Only the prop-firm floors stand between the losses and the floor: no drawdown lock, cluster cut or governor. */
    private static final RiskConfig CONFIG;

    static {
        RiskConfig d = RiskConfig.defaults(usd("100000"), BigDecimal.ZERO);
        GovernorConfig g = d.governor();
        CONFIG = d.withLocks(d.locks().withDrawdownLock(false, new BigDecimal("0.03"), Duration.ofHours(4))
                        .withLossCluster(false, 3, Duration.ofHours(1), new BigDecimal("0.5")))
                .withGovernor(new GovernorConfig(false, g.windowTrades(), g.drawdownR(), g.lossStreak(), g.selfReported(), g.cooldown()));
    }

    private final PreTradeRisk risk = new PreTradeRisk(CONFIG, Fixtures.ALL);

    /** Four gold trades, each bought at 2,000 and stopped at 1,875: −1,250 each. */
    private AccountRisk afterLosses(int n) {
        AccountRisk s = risk.start(MONDAY);
        for (int i = 0; i < n; i++) {
            Instant t = MONDAY.plus(Duration.ofMinutes(30L * i));
            s = s.apply(fill(t, STRAT, XAUUSD_ID, OrderSide.BUY, "2000", "10", BigDecimal.ZERO, "1875"));
            s = s.apply(fill(t.plusSeconds(600), STRAT, XAUUSD_ID, OrderSide.SELL, "1875", "10", BigDecimal.ZERO, null));
        }
        return s;
    }

    private EntryRequest goldLong(Instant t) {
        return entry(intent(STRAT, XAUUSD_ID, OrderSide.BUY, t, "2000"), "10");
    }

    @Test
    void theSignalAfterLossesReachTheDailyFloorIsBlockedWithRuleAndInputs() {
        AccountRisk s = afterLosses(4);
        assertEquals(usd("95000"), s.balance());
        Instant t = Instant.parse("2024-03-04T15:00:00Z");

        Evaluation e = risk.evaluate(s, goldLong(t), Correlations.NONE, EconomicCalendar.EMPTY);

        PreTradeDecision.Rejected r = rejected(e.decision(), "prop_daily_floor");
        assertTrue(r.reason().contains("daily floor 95000 USD"), r.reason());
        assertEquals("95000 USD", r.inputs().get("equity"));
        assertEquals("95000 USD", r.inputs().get("balance"));
        assertEquals("100000 USD", r.inputs().get("day_start_balance"));
        assertEquals("95000 USD", r.inputs().get("daily_floor"));
        assertEquals("90000 USD", r.inputs().get("overall_floor"));
        assertEquals("2024-03-04", r.inputs().get("trading_day"));
        assertEquals("oanda:XAUUSD", r.inputs().get("instrument"));
        // Reaching the floor halts and flattens: the engine persists these with the rejection.
        RiskEvent.Halted halted = assertInstanceOf(RiskEvent.Halted.class, e.events().get(0));
        assertEquals("prop_daily_floor", halted.rule());
        assertTrue(halted.untilNextDay());
        assertEquals(new RiskEvent.FlattenRequested(t, "prop_daily_floor"), e.events().get(1));
        assertInstanceOf(RiskEvent.IntentDecided.class, e.events().get(2));

        // The next signal meets the halt.
        AccountRisk halted1 = e.applyTo(s);
        PreTradeDecision.Rejected again = rejected(risk.evaluate(halted1, goldLong(t.plusSeconds(60)), Correlations.NONE, EconomicCalendar.EMPTY)
                .decision(), "halted");
        assertEquals("prop_daily_floor", again.inputs().get("halt_rule"));
        assertEquals(t.toString(), again.inputs().get("halt_since"));
        assertEquals("true", again.inputs().get("halt_until_next_day"));

        // Exits are never halted.
        AccountRisk holding = halted1.apply(fill(t.plusSeconds(120), STRAT, XAUUSD_ID, OrderSide.BUY, "2000", "1", BigDecimal.ZERO, "1990"));
        approved(risk.evaluateExit(holding, exit(STRAT, XAUUSD_ID, OrderSide.SELL, t.plusSeconds(180), "2000")).decision());

        // At the next Prague midnight (23:00 UTC in March) the daily halt lifts; the floor is 95,000 − 5,000 = 90,000.
        Instant nextDay = Instant.parse("2024-03-04T23:00:00Z");
        Evaluation tomorrow = risk.evaluate(halted1, goldLong(nextDay), Correlations.NONE, EconomicCalendar.EMPTY);
        PreTradeDecision.Approved a = approved(tomorrow.decision());
        assertEquals("90000 USD", a.inputs().get("daily_floor"));
        assertInstanceOf(RiskEvent.DayRolled.class, tomorrow.events().get(0));
    }

    @Test
    void observingTheFourthLossHaltsAndFlattensBeforeAnySignal() {
        AccountRisk s = afterLosses(4);
        List<RiskEvent> events = risk.observe(s, MONDAY.plus(Duration.ofHours(3)));
        assertEquals(2, events.size(), events::toString);
        assertEquals("prop_daily_floor", ((RiskEvent.Halted) events.get(0)).rule());
        assertInstanceOf(RiskEvent.FlattenRequested.class, events.get(1));
        assertEquals(List.of(), risk.observe(s.applyAll(events), MONDAY.plus(Duration.ofHours(4))), "halted once, not again");
    }

    @Test
    void anEntryThatCouldBreachTheFloorAtItsStopIsRejectedWhileASmallerOneFits() {
        // 100,000 − 4 × 1,150 = 95,400: 400 above the daily floor.
        AccountRisk s = risk.start(MONDAY);
        for (int i = 0; i < 4; i++) {
            Instant t = MONDAY.plus(Duration.ofMinutes(30L * i));
            s = s.apply(fill(t, STRAT, XAUUSD_ID, OrderSide.BUY, "2000", "10", BigDecimal.ZERO, "1885"));
            s = s.apply(fill(t.plusSeconds(600), STRAT, XAUUSD_ID, OrderSide.SELL, "1885", "10", BigDecimal.ZERO, null));
        }
        assertEquals(usd("95400"), s.balance());
        Instant t = Instant.parse("2024-03-04T15:00:00Z");

        // 0.5% of 95,400 = 477 at risk (2 × ATR 10 = 20 per ounce: 23.85 oz) → worst case 94,923 < 95,000.
        Evaluation big = risk.evaluate(s, goldLong(t), Correlations.NONE, EconomicCalendar.EMPTY);
        PreTradeDecision.Rejected r = rejected(big.decision(), "prop_daily_floor_at_stop");
        assertEquals("23.85", r.inputs().get("quantity"));
        assertEquals("1980", r.inputs().get("stop"));
        assertAbout("94923", r.inputs().get("worst_case_equity"));
        assertEquals("95000 USD", r.inputs().get("daily_floor"));
        assertTrue(r.reason().contains("below the daily floor 95000 USD"), r.reason());

        // A 0.4% regime risks 381.6 → 19.08 oz → worst case 95,018.4: approved, with stop and targets at 1R and 2R.
        RiskConfig smaller = CONFIG.withSizing(CONFIG.sizing().withRegimesAndSessions(java.util.Map.of("RANGE", new BigDecimal("0.004")), java.util.Map.of()));
        PreTradeRisk r2 = new PreTradeRisk(smaller, Fixtures.ALL);
        EntryRequest range = new EntryRequest(intent(STRAT, XAUUSD_ID, OrderSide.BUY, t, "2000"), "RANGE", null, Price.of("10"), null, null);
        PreTradeDecision.Approved a = approved(r2.evaluate(s, range, Correlations.NONE, EconomicCalendar.EMPTY).decision());
        assertEquals("19.08", a.quantity().toString());
        assertEquals(Price.of("1980"), a.stop());
        assertEquals(List.of(Price.of("2020"), Price.of("2040")), a.targets());
        assertEquals(Price.of("2040"), a.target());
        assertAbout("95018.4", a.inputs().get("worst_case_equity"));
    }

    @Test
    void onAProfitableDayTheRiskCarriedOverMidnightMustFitTheNextDaysFloor() {
        // +3,000 today: balance 103,000, today's floor 95,000, but the floor set at the next Prague midnight is 98,000.
        RiskConfig big = CONFIG.withLimits(new dev.trader.risk.limits.LimitsConfig(new BigDecimal("1000000"), new BigDecimal("1000000"),
                        new BigDecimal("1000000"), new BigDecimal("1000000"), new BigDecimal("0.8"), 5, BigDecimal.TEN, new BigDecimal("30")))
                .withSizing(CONFIG.sizing().withRegimesAndSessions(java.util.Map.of("ALL_IN", new BigDecimal("0.05"), "NEARLY", new BigDecimal("0.045")),
                        java.util.Map.of()));
        PreTradeRisk r = new PreTradeRisk(big, Fixtures.ALL);
        AccountRisk s = r.start(MONDAY).apply(fill(MONDAY, STRAT, XAUUSD_ID, OrderSide.BUY, "2000", "10", BigDecimal.ZERO, "1990"))
                .apply(fill(MONDAY.plusSeconds(60), STRAT, XAUUSD_ID, OrderSide.SELL, "2300", "10", BigDecimal.ZERO, null));
        Instant evening = Instant.parse("2024-03-04T21:30:00Z");

        // 5% of 103,000 = 5,150 at risk: 97,850 would clear today's floor but not tomorrow's.
        EntryRequest allIn = new EntryRequest(intent(STRAT, XAUUSD_ID, OrderSide.BUY, evening, "2000"), "ALL_IN", null, Price.of("10"), null, null);
        PreTradeDecision.Rejected rj = rejected(r.evaluate(s, allIn, Correlations.NONE, EconomicCalendar.EMPTY).decision(), "prop_daily_floor_at_stop");
        assertTrue(rj.reason().contains("below the daily floor after the next day roll 98000 USD"), rj.reason());
        assertEquals("95000 USD", rj.inputs().get("daily_floor"));
        assertEquals("98000 USD", rj.inputs().get("daily_floor_after_roll"));
        assertAbout("97850", rj.inputs().get("worst_case_equity"));

        // 4.5% (4,635) fits: 98,365.
        EntryRequest nearly = new EntryRequest(intent(STRAT, XAUUSD_ID, OrderSide.BUY, evening, "2000"), "NEARLY", null, Price.of("10"), null, null);
        assertEquals("231.75", approved(r.evaluate(s, nearly, Correlations.NONE, EconomicCalendar.EMPTY).decision()).quantity().toString());
    }

    /** Equal to 4 decimals: the worst case carries a rounding allowance of a few 1e-8. */
    private static void assertAbout(String expected, String actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual).setScale(4, java.math.RoundingMode.HALF_UP)), actual);
    }
}

package dev.trader.risk.governor;

import static dev.trader.risk.testkit.Fixtures.STRAT;
import static dev.trader.risk.testkit.Fixtures.XAUUSD_ID;
import static dev.trader.risk.testkit.Fixtures.approved;
import static dev.trader.risk.testkit.Fixtures.entry;
import static dev.trader.risk.testkit.Fixtures.fill;
import static dev.trader.risk.testkit.Fixtures.intent;
import static dev.trader.risk.testkit.Fixtures.rejected;
import static dev.trader.risk.testkit.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.order.OrderSide;
import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.RiskEvent;
import dev.trader.risk.limits.Correlations;
import dev.trader.risk.news.EconomicCalendar;
import dev.trader.risk.rules.PreTradeDecision;
import dev.trader.risk.rules.PreTradeRisk;
import dev.trader.risk.rules.RiskConfig;
import dev.trader.risk.testkit.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each output level of the governor, the cool-down, and the rule that fired with its inputs. */
class MentalGovernorTest {
    private static final Instant T = Instant.parse("2024-05-06T10:00:00Z");
    /** Defaults: drawdown 3 / 5 / 8 R, streak 2 / 3 / 5, self-reported ≤ 3 / 2 / 1, cool-down 2 hours. */
    private static final MentalGovernor G = new MentalGovernor(GovernorConfig.defaults());

    private static GovernorOutput assess(String drawdownR, int streak, Integer self) {
        return G.assess(new GovernorInputs(new BigDecimal(drawdownR), streak, self, T, T), T.plusSeconds(60));
    }

    private static void level(String multiplier, String rule, GovernorOutput out) {
        assertEquals(0, new BigDecimal(multiplier).compareTo(out.multiplier()), () -> "multiplier " + out);
        assertEquals(rule, out.rule());
    }

    @Test
    void calmInputsGiveFullSize() {
        GovernorOutput out = assess("0", 0, 5);
        level("1.0", "governor.none", out);
        assertNull(out.cooldownUntil());
        assertEquals("0", out.inputs().get("governor_drawdown_r"));
        assertEquals("0", out.inputs().get("governor_loss_streak"));
        assertEquals("5", out.inputs().get("governor_self_reported"));
    }

    @Test
    void lossStreakStepsDownThroughEveryLevel() {
        level("1.0", "governor.none", assess("0", 1, null));
        level("0.75", "governor.loss_streak", assess("0", 2, null));
        level("0.5", "governor.loss_streak", assess("0", 3, null));
        level("0.5", "governor.loss_streak", assess("0", 4, null));
        GovernorOutput stop = assess("0", 5, null);
        level("0", "governor.loss_streak", stop);
        assertTrue(stop.blocks());
        assertEquals(T.plus(Duration.ofHours(2)), stop.cooldownUntil(), "two hours from the last loss");
        assertEquals("5", stop.inputs().get("governor_loss_streak"));
        assertEquals("none", stop.inputs().get("governor_self_reported"));
    }

    @Test
    void rollingDrawdownInRStepsDown() {
        level("1.0", "governor.none", assess("2.99", 0, null));
        level("0.75", "governor.drawdown_r", assess("3", 0, null));
        level("0.5", "governor.drawdown_r", assess("5", 0, null));
        GovernorOutput stop = assess("8.5", 0, null);
        level("0", "governor.drawdown_r", stop);
        assertEquals("8.5", stop.inputs().get("governor_drawdown_r"));
    }

    @Test
    void selfReportedStateStepsDownAndItsCooldownRunsFromTheReport() {
        level("1.0", "governor.none", assess("0", 0, 4));
        level("0.75", "governor.self_reported", assess("0", 0, 3));
        level("0.5", "governor.self_reported", assess("0", 0, 2));
        Instant reported = T.plus(Duration.ofMinutes(30));
        GovernorOutput stop = G.assess(new GovernorInputs(BigDecimal.ZERO, 0, 1, T, reported), reported);
        level("0", "governor.self_reported", stop);
        assertEquals(reported.plus(Duration.ofHours(2)), stop.cooldownUntil());
    }

    @Test
    void theMostSevereInputWinsAndTiesNameTheSelfReportFirst() {
        level("0.5", "governor.self_reported", assess("3", 2, 2));
        level("0.5", "governor.loss_streak", assess("3", 3, 3));
        level("0.75", "governor.self_reported", assess("3", 2, 3));
        level("0", "governor.drawdown_r", assess("8", 3, 2));
    }

    @Test
    void afterTheCooldownTheGovernorAllowsHalfSizeAndSaysSo() {
        GovernorInputs in = new GovernorInputs(BigDecimal.ZERO, 5, null, T, null);
        level("0", "governor.loss_streak", G.assess(in, T.plus(Duration.ofHours(2)).minusSeconds(1)));
        GovernorOutput after = G.assess(in, T.plus(Duration.ofHours(2)));
        level("0.5", "governor.loss_streak.after_cooldown", after);
        assertNull(after.cooldownUntil());
        assertEquals(T.plus(Duration.ofHours(2)).toString(), after.inputs().get("governor_cooldown_ended"));
    }

    @Test
    void inputsComeFromTheClosedTradesOfTheAccount() {
        PreTradeRisk risk = new PreTradeRisk(RiskConfig.defaults(usd("100000"), BigDecimal.ZERO), Fixtures.ALL);
        AccountRisk s = risk.start(T);
        // Results in R: +1, −1, −1, −1 (risk 100 each: 10 oz with a 10-dollar stop).
        String[] exits = {"2010", "1990", "1990", "1990"};
        for (int i = 0; i < exits.length; i++) {
            Instant t = T.plus(Duration.ofMinutes(10L * i));
            s = s.apply(fill(t, STRAT, XAUUSD_ID, OrderSide.BUY, "2000", "10", BigDecimal.ZERO, "1990"));
            s = s.apply(fill(t.plusSeconds(60), STRAT, XAUUSD_ID, OrderSide.SELL, exits[i], "10", BigDecimal.ZERO, null));
        }
        GovernorInputs in = GovernorInputs.of(s, 20);
        assertEquals(0, new BigDecimal("3").compareTo(in.drawdownR()), "peak +1R to −2R");
        assertEquals(3, in.lossStreak());
        assertEquals(T.plus(Duration.ofMinutes(30)).plusSeconds(60), in.lastLossAt());
        GovernorOutput out = risk.governor(s, T.plus(Duration.ofHours(1)));
        level("0.5", "governor.loss_streak", out);
    }

    @Test
    void aStoppedGovernorRejectsTheEntryNamingItsRuleAndHalvesTheSizeAfterTheCooldown() {
        RiskConfig c = RiskConfig.defaults(usd("100000"), BigDecimal.ZERO);
        c = c.withLocks(c.locks().withLossCluster(false, 3, Duration.ofMinutes(60), new BigDecimal("0.5")));
        PreTradeRisk risk = new PreTradeRisk(c, Fixtures.ALL);
        AccountRisk s = risk.start(T);
        for (int i = 0; i < 5; i++) {
            Instant t = T.plus(Duration.ofMinutes(10L * i));
            s = s.apply(fill(t, STRAT, XAUUSD_ID, OrderSide.BUY, "2000", "1", BigDecimal.ZERO, "1990"));
            s = s.apply(fill(t.plusSeconds(60), STRAT, XAUUSD_ID, OrderSide.SELL, "1990", "1", BigDecimal.ZERO, null));
        }
        Instant lastLoss = T.plus(Duration.ofMinutes(40)).plusSeconds(60);
        Instant during = lastLoss.plus(Duration.ofMinutes(30));
        PreTradeDecision.Rejected r = rejected(risk.evaluate(s, entry(intent(STRAT, XAUUSD_ID, OrderSide.BUY, during, "2000"), "10"),
                Correlations.NONE, EconomicCalendar.EMPTY).decision(), "governor.loss_streak");
        assertEquals("5", r.inputs().get("governor_loss_streak"));
        assertEquals(lastLoss.plus(Duration.ofHours(2)).toString(), r.inputs().get("governor_cooldown_until"));
        assertTrue(r.reason().contains("until " + lastLoss.plus(Duration.ofHours(2))));

        Instant after = lastLoss.plus(Duration.ofHours(2));
        PreTradeDecision.Approved a = approved(risk.evaluate(s, entry(intent(STRAT, XAUUSD_ID, OrderSide.BUY, after, "2000"), "10"),
                Correlations.NONE, EconomicCalendar.EMPTY).decision());
        assertEquals("0.5", a.inputs().get("governor_multiplier"));
        assertEquals("governor.loss_streak.after_cooldown", a.inputs().get("governor_rule"));
        // 0.5% × 0.5 of 99,950 = 249.875 over 20 per ounce → 12.49 oz (full size would be 24.98).
        assertEquals("12.49", a.quantity().toString());
    }

    @Test
    void aSelfReportOfOneStopsEntriesForTheCooldown() {
        PreTradeRisk risk = new PreTradeRisk(RiskConfig.defaults(usd("100000"), BigDecimal.ZERO), Fixtures.ALL);
        AccountRisk s = risk.start(T).apply(new RiskEvent.SelfReported(T, 1));
        rejected(risk.evaluate(s, entry(intent(STRAT, XAUUSD_ID, OrderSide.BUY, T.plusSeconds(60), "2000"), "10"), Correlations.NONE,
                EconomicCalendar.EMPTY).decision(), "governor.self_reported");
        assertEquals("governor.self_reported", risk.activeLock(s, T.plusSeconds(60)).orElseThrow());
        s = s.apply(new RiskEvent.SelfReported(T.plusSeconds(120), 5));
        approved(risk.evaluate(s, entry(intent(STRAT, XAUUSD_ID, OrderSide.BUY, T.plusSeconds(180), "2000"), "10"), Correlations.NONE,
                EconomicCalendar.EMPTY).decision());
    }
}

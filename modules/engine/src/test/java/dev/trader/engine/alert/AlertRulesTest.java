package dev.trader.engine.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.engine.settings.ObservabilitySettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");
    private static final ObservabilitySettings SETTINGS = new ObservabilitySettings(false, Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(3), new BigDecimal("10"), 3, new BigDecimal("0.4"), 5, "");

    private static AlertInputs quiet(Instant now, long killAttempts, long floorAttempts) {
        return new AlertInputs(now, killAttempts, floorAttempts, Map.of("binance:BTCUSDT", Duration.ofSeconds(30)), Map.of(), List.of(), Map.of(), null);
    }

    private static List<AlertKind> kinds(List<AlertCondition> conditions) {
        return conditions.stream().map(AlertCondition::kind).toList();
    }

    @Test
    void nothingHoldsOnAQuietHealthyNode() {
        assertEquals(List.of(), new AlertRules(SETTINGS).evaluate(quiet(T, 0, 0)));
    }

    @Test
    void anOrderAttemptRaisesItsAlertUntilTheHoldHasPassedWithoutAnother() {
        AlertRules rules = new AlertRules(SETTINGS);
        // Attempts counted before the first evaluation belong to the past: the first reading is the baseline.
        assertEquals(List.of(), rules.evaluate(quiet(T, 4, 2)));
        List<AlertCondition> now = rules.evaluate(quiet(T.plusSeconds(5), 6, 3));
        assertEquals(List.of(AlertKind.KILL_SWITCH_ORDER_ATTEMPT, AlertKind.FLOOR_BREACH_ATTEMPT), kinds(now));
        assertTrue(now.get(0).message().startsWith("2 order(s)"), now.get(0).message());
        assertEquals(2, rules.evaluate(quiet(T.plusSeconds(300), 6, 3)).size(), "within the hold");
        assertEquals(List.of(), rules.evaluate(quiet(T.plusSeconds(306), 6, 3)), "the hold has passed");
        List<AlertCondition> again = rules.evaluate(quiet(T.plusSeconds(310), 7, 3));
        assertEquals(List.of(AlertKind.KILL_SWITCH_ORDER_ATTEMPT), kinds(again));
        assertTrue(again.get(0).message().startsWith("1 order(s)"), "a new alert counts afresh: " + again.get(0).message());
    }

    @Test
    void staleDataIsPerInstrumentAndStrictlyAfterTheLimit() {
        AlertRules rules = new AlertRules(SETTINGS);
        List<AlertCondition> c = rules.evaluate(new AlertInputs(T, 0, 0,
                Map.of("binance:BTCUSDT", Duration.ofMinutes(3), "binance:ETHUSDT", Duration.ofMinutes(3).plusMillis(1)), Map.of(), List.of(), Map.of(), null));
        assertEquals(1, c.size(), c.toString());
        assertEquals("binance:ETHUSDT", c.get(0).subject());
        assertEquals(AlertKind.STALE_DATA, c.get(0).kind());
    }

    @Test
    void slippageNeedsTheLastNOrdersAllAboveTheP90() {
        AlertRules rules = new AlertRules(SETTINGS);
        List<BigDecimal> twoAbove = List.of(new BigDecimal("11"), new BigDecimal("12"));
        List<BigDecimal> lastBelow = List.of(new BigDecimal("11"), new BigDecimal("12"), new BigDecimal("13"), new BigDecimal("10"));
        List<BigDecimal> threeAbove = List.of(new BigDecimal("1"), new BigDecimal("10.01"), new BigDecimal("12"), new BigDecimal("30"));
        assertEquals(List.of(), rules.evaluate(withSlippage(twoAbove)), "fewer than N orders");
        assertEquals(List.of(), rules.evaluate(withSlippage(lastBelow)), "at the p90 is not above it");
        List<AlertCondition> c = rules.evaluate(withSlippage(threeAbove));
        assertEquals(List.of(AlertKind.SLIPPAGE_ABOVE_P90), kinds(c));
        assertTrue(c.get(0).message().contains("[10.01, 12.00, 30.00]"), c.get(0).message());
    }

    private static AlertInputs withSlippage(List<BigDecimal> bps) {
        return new AlertInputs(T, 0, 0, Map.of(), Map.of("binance:BTCUSDT", bps), List.of(), Map.of(), null);
    }

    @Test
    void hitRateIsJudgedOverTheLastNTradesOnly() {
        AlertRules rules = new AlertRules(SETTINGS);
        // Floor 0.4 over 5: 2 wins of the last 5 is at the floor, 1 is below it.
        assertEquals(List.of(), rules.evaluate(withTrades(List.of(false, false, false, false))), "fewer than N trades");
        assertEquals(List.of(), rules.evaluate(withTrades(List.of(false, false, false, true, false, true))));
        List<AlertCondition> c = rules.evaluate(withTrades(List.of(true, true, false, false, true, false, false)));
        assertEquals(List.of(AlertKind.HIT_RATE_BELOW_FLOOR), kinds(c));
        assertTrue(c.get(0).message().startsWith("1 of the last 5 trades won (0.2000)"), c.get(0).message());
    }

    private static AlertInputs withTrades(List<Boolean> won) {
        return new AlertInputs(T, 0, 0, Map.of(), Map.of(), won, Map.of(), null);
    }

    @Test
    void holdsAndAJournalThatDoesNotAnswerAreCritical() {
        List<AlertCondition> c = new AlertRules(SETTINGS).evaluate(new AlertInputs(T, 0, 0, Map.of(), Map.of(), List.of(),
                Map.of("binance:BTCUSDT", "1 unexplained: FOREIGN_OPEN_ORDER 1"), "unreachable: 08001"));
        assertEquals(List.of(AlertKind.RECONCILIATION_MISMATCH, AlertKind.JOURNAL_FAILURE), kinds(c));
        assertTrue(c.stream().allMatch(x -> x.kind().severity() == AlertKind.Severity.CRITICAL));
    }
}

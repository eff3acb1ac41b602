package dev.trader.risk.config;

import static dev.trader.risk.testkit.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trader.risk.limits.LimitsConfig;
import dev.trader.risk.news.Impact;
import dev.trader.risk.propfirm.OverallFloorMode;
import dev.trader.risk.rules.RiskConfig;
import dev.trader.risk.sizing.StopMethod;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bad setting fails at construction with a message that names its key. */
class RiskConfigValidationTest {
    private static RiskConfigException fails(String key, String value) {
        return assertThrows(RiskConfigException.class, () -> RiskConfig.read(Map.of(key, value), usd("100000")));
    }

    private static void message(String expected, String key, String value) {
        RiskConfigException e = fails(key, value);
        assertEquals(expected, e.getMessage());
        assertEquals(key, e.key());
    }

    @Test
    void leverageCapAboveTheHardMaximumNamesTheKey() {
        message("trader.risk.leverage-cap must be within 1..10 but was 12", "trader.risk.leverage-cap", "12");
        message("trader.risk.leverage-cap must be within 1..10 but was 0.5", "trader.risk.leverage-cap", "0.5");
        message("trader.risk.leverage-cap must be a decimal number but was 'lots'", "trader.risk.leverage-cap", "lots");
    }

    @Test
    void settingsBuiltInCodeFailTheSameWay() {
        LimitsConfig d = LimitsConfig.defaults(new BigDecimal("100000"));
        RiskConfigException e = assertThrows(RiskConfigException.class, () -> d.withLeverageCap(new BigDecimal("12")));
        assertEquals("trader.risk.leverage-cap must be within 1..10 but was 12", e.getMessage());
    }

    @Test
    void everyGroupNamesItsKeys() {
        message("trader.risk.prop-firm.daily-loss must be above 0 and at most 0.2 but was 0.3", "trader.risk.prop-firm.daily-loss", "0.3");
        message("trader.risk.prop-firm.max-loss-mode must be static or trailing-eod but was 'sometimes'", "trader.risk.prop-firm.max-loss-mode", "sometimes");
        message("trader.risk.prop-firm.day-zone must be a time zone id such as Europe/Prague but was 'Mars/Olympus'", "trader.risk.prop-firm.day-zone",
                "Mars/Olympus");
        message("trader.risk.sizing.risk-fraction must be above 0 and at most 0.05 but was 0.1", "trader.risk.sizing.risk-fraction", "0.1");
        message("trader.risk.sizing.take-profit-r must be strictly ascending but was [2, 1]", "trader.risk.sizing.take-profit-r", "2, 1");
        message("trader.risk.sizing.stop-method must be atr, structure or structure-else-atr but was 'feel'", "trader.risk.sizing.stop-method", "feel");
        message("trader.risk.sizing.risk-fraction-by-regime.TREND must be within 0..0.05 but was 0.2", "trader.risk.sizing.risk-fraction-by-regime.TREND",
                "0.2");
        message("trader.risk.limits.correlation-threshold must be above 0 and at most 1 but was 1.5", "trader.risk.limits.correlation-threshold", "1.5");
        message("trader.risk.drawdown-lock.cooldown must be a duration such as 30m, 4h or PT30M but was 'soon'", "trader.risk.drawdown-lock.cooldown", "soon");
        message("trader.risk.loss-cluster.losses must be within 1..100 but was 0", "trader.risk.loss-cluster.losses", "0");
        message("trader.risk.governor.loss-streak must be strictly ascending but was [3, 2, 5]", "trader.risk.governor.loss-streak", "3, 2, 5");
        message("trader.risk.news.min-impact must be high, medium, low or non-economic but was 'huge'", "trader.risk.news.min-impact", "huge");
        message("trader.risk.rate-limit.scalp.max-orders-per-hour must be within 1..100000 but was 0", "trader.risk.rate-limit.scalp.max-orders-per-hour", "0");
        message("trader.risk.fee-rate must be within 0..0.05 but was 0.1", "trader.risk.fee-rate", "0.1");
    }

    @Test
    void crossChecksNameTheKeyTheyBlame() {
        RiskConfigException e = assertThrows(RiskConfigException.class, () -> RiskConfig.read(
                Map.of("trader.risk.prop-firm.daily-loss", "0.1", "trader.risk.prop-firm.max-loss", "0.08"), usd("100000")));
        assertEquals("trader.risk.prop-firm.daily-loss must not exceed trader.risk.prop-firm.max-loss (0.08) but was 0.1", e.getMessage());
        RiskConfigException tier = assertThrows(RiskConfigException.class, () -> RiskConfig.read(
                Map.of("trader.risk.strategy-tier.ema-cross", "scalp"), usd("100000")));
        assertEquals("trader.risk.strategy-tier.ema-cross", tier.key());
        assertEquals("trader.risk.strategy-tier.ema-cross names tier 'scalp' but only [default] are configured under trader.risk.rate-limit",
                tier.getMessage());
    }

    @Test
    void anUnknownKeyIsAnErrorNotASilentDefault() {
        message("trader.risk.leverage-cpa is not a risk setting", "trader.risk.leverage-cpa", "3");
    }

    @Test
    void theFoundationsKeysAndEveryDocumentedSettingRead() {
        RiskConfig c = RiskConfig.read(Map.ofEntries(
                Map.entry("trader.risk.entry-notional", "1000"),
                Map.entry("trader.risk.max-notional-per-instrument", "2500"),
                Map.entry("trader.risk.fee-rate", "0.001"),
                Map.entry("trader.risk.leverage-cap", "5"),
                Map.entry("trader.risk.prop-firm.daily-loss", "0.045"),
                Map.entry("trader.risk.prop-firm.max-loss", "0.09"),
                Map.entry("trader.risk.prop-firm.max-loss-mode", "trailing-eod"),
                Map.entry("trader.risk.sizing.stop-method", "atr"),
                Map.entry("trader.risk.sizing.risk-fraction-by-regime.TREND", "0.01"),
                Map.entry("trader.risk.sizing.session-multiplier.ASIA", "0.5"),
                Map.entry("trader.risk.sizing.take-profit-r", "1, 2, 3"),
                Map.entry("trader.risk.drawdown-lock.cooldown", "90m"),
                Map.entry("trader.risk.loss-cluster.window", "PT45M"),
                Map.entry("trader.risk.rate-limit.scalp.max-signals-per-hour", "30"),
                Map.entry("trader.risk.strategy-tier.ema-cross", "scalp"),
                Map.entry("trader.risk.news.min-impact", "medium"),
                Map.entry("trader.risk.news.currencies.US30", "USD"),
                Map.entry("trader.risk.par-currencies.USDE", "USD")), usd("100000"));
        assertEquals(0, new BigDecimal("5").compareTo(c.limits().leverageCap()));
        assertEquals(0, new BigDecimal("0.045").compareTo(c.propFirm().dailyLoss()));
        assertEquals(0, new BigDecimal("0.09").compareTo(c.propFirm().maxLoss()));
        assertEquals(OverallFloorMode.TRAILING_EOD, c.propFirm().overallMode());
        assertEquals(StopMethod.ATR, c.sizing().stopMethod());
        assertEquals(3, c.sizing().takeProfitR().size());
        assertEquals(Duration.ofMinutes(90), c.locks().cooldown());
        assertEquals(Duration.ofMinutes(45), c.locks().clusterWindow());
        assertEquals(30, c.rateLimits().limitOf("scalp").maxSignalsPerHour());
        assertEquals(20, c.rateLimits().limitOf("scalp").maxOrdersPerHour());
        assertEquals("scalp", c.rateLimits().tierOf(new dev.trader.domain.id.StrategyId("ema-cross")));
        assertEquals(Impact.MEDIUM, c.news().minImpact());
        assertEquals(java.util.Set.of("USD"), c.news().currencyOverrides().get("US30"));
        assertEquals("USD", c.parCurrencies().get("USDE"));
    }

    @Test
    void defaultsAreTheFtmoRules() {
        RiskConfig c = RiskConfig.read(Map.of(), usd("100000"));
        assertEquals(0, new BigDecimal("0.05").compareTo(c.propFirm().dailyLoss()));
        assertEquals(0, new BigDecimal("0.10").compareTo(c.propFirm().maxLoss()));
        assertEquals("Europe/Prague", c.propFirm().dayZone().getId());
        assertEquals(0, new BigDecimal("3").compareTo(c.limits().leverageCap()));
        assertEquals(4, c.propFirm().minTradingDays());
    }
}

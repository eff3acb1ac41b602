package dev.trader.engine.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.engine.testing.RepositoryFiles;
import dev.trader.risk.RiskLimits;
import dev.trader.strategy.emacross.EmaCrossStrategy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraderSettingsTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final InstrumentId ETH = InstrumentId.parse("binance:ETHUSDT");

    /** The shape of conf/trader.conf, with the values that the mutations below break one at a time. */
    private static final String TEMPLATE = """
            trader {
              mode = "paper"
              account { id = "paper", currency = "USDT", initial-capital = "10000" }
              risk { model = "flat", entry-notional = "1000", max-notional-per-instrument = "2500", fee-rate = "0.001" }
              instruments = [
                { id = "binance:BTCUSDT", base = "BTC", quote = "USDT", tick-size = "0.01", lot-size = "0.00001", min-quantity = "0.00001", min-notional = "5" }
                { id = "binance:ETHUSDT", base = "ETH", quote = "USDT", tick-size = "@ETH_TICK@", lot-size = "0.0001", min-quantity = "0.0001", min-notional = "5" }
              ]
              strategies = [
                { id = "ema-cross", type = "@TYPE@", instruments = ["binance:BTCUSDT", "@SECOND@"], parameters { fast = 12, slow = 26 } }
              ]
              engine {
                ask-timeout = 15s
                snapshot-every = 500
                keep-snapshots = 2
                restart-min-backoff = 200ms
                restart-max-backoff = 10s
              }
            }
            """;

    private static Config config(String ethTick, String type, String secondInstrument) {
        return ConfigFactory.parseString(TEMPLATE.replace("@ETH_TICK@", ethTick).replace("@TYPE@", type).replace("@SECOND@", secondInstrument))
                .resolve();
    }

    private static Config valid() {
        return config("0.01", "ema-cross", "binance:ETHUSDT");
    }

    /** Loading fails with a SettingsException whose message starts with the full key. */
    private static SettingsException failsNaming(String key, Config config) {
        SettingsException e = assertThrows(SettingsException.class, () -> TraderSettings.load(config));
        assertTrue(Pattern.compile(Pattern.quote(key) + "[ :].*", Pattern.DOTALL).matcher(e.getMessage()).matches(),
                () -> "expected the message to name " + key + " but it was: " + e.getMessage());
        return e;
    }

    @Test
    void aValidConfigurationLoadsEveryValue() {
        TraderSettings s = TraderSettings.load(valid());

        assertEquals("paper", s.mode());
        assertEquals("paper", s.accountId());
        assertEquals(Money.of("10000", "USDT"), s.initialCapital());
        assertEquals("USDT", s.currency());
        assertEquals(new RiskLimits(Money.of("1000", "USDT"), Money.of("2500", "USDT"), new BigDecimal("0.001")), s.riskLimits());
        assertEquals(Map.of(
                BTC.value(), new InstrumentRules(BTC, "BTC", "USDT", Price.of("0.01"), Quantity.of("0.00001"), Quantity.of("0.00001"),
                        Money.of("5", "USDT")),
                ETH.value(), new InstrumentRules(ETH, "ETH", "USDT", Price.of("0.01"), Quantity.of("0.0001"), Quantity.of("0.0001"),
                        Money.of("5", "USDT"))), s.instruments());
        assertEquals(1, s.strategies().size());
        StrategyBinding binding = s.strategies().get(0);
        assertInstanceOf(EmaCrossStrategy.class, binding.strategy());
        assertEquals(new StrategyId("ema-cross"), binding.strategy().id());
        assertEquals(List.of(BTC, ETH), binding.instruments());
        assertEquals(List.of(binding), s.strategiesOn(ETH));
        assertEquals(List.of(), s.strategiesOn(InstrumentId.parse("binance:SOLUSDT")));
        assertEquals(new PersistenceTuning(500, 2, Duration.ofMillis(200), Duration.ofSeconds(10)), s.tuning());
        assertEquals(Duration.ofSeconds(15), s.askTimeout());
    }

    @Test
    void theShippedTraderConfLoads() {
        Config shipped = ConfigFactory.parseFile(RepositoryFiles.find("conf/trader.conf").toFile())
                .withValue("trader.strategies-dir", ConfigValueFactory.fromAnyRef(RepositoryFiles.find("conf/strategies").toString()))
                .resolve();
        TraderSettings s = TraderSettings.load(shipped);
        assertEquals("paper", s.mode());
        assertTrue(s.instruments().containsKey(BTC.value()));
        assertFalse(s.strategies().isEmpty(), "the shipped strategy files load");
    }

    @Test
    void theShippedConfigurationSelectsThePropFirmModelWithFtmoLimits() {
        Config shipped = ConfigFactory.parseFile(RepositoryFiles.find("conf/risk.conf").toFile())
                .withFallback(ConfigFactory.parseFile(RepositoryFiles.find("conf/trader.conf").toFile()))
                .withValue("trader.strategies-dir", ConfigValueFactory.fromAnyRef(RepositoryFiles.find("conf/strategies").toString()))
                .resolve();
        RiskSettings risk = TraderSettings.load(shipped).risk();
        assertEquals(RiskSettings.RiskModel.PROP_FIRM, risk.model());
        assertEquals(new BigDecimal("0.05"), risk.propFirm().propFirm().dailyLoss());
        assertEquals(new BigDecimal("0.10"), risk.propFirm().propFirm().maxLoss());
        assertEquals(java.time.ZoneId.of("Europe/Prague"), risk.propFirm().propFirm().dayZone());
        assertEquals(new BigDecimal("3"), risk.propFirm().limits().leverageCap());
        assertEquals(new BigDecimal("0.005"), risk.propFirm().sizing().riskFraction());
        assertEquals(List.of(BigDecimal.ONE, new BigDecimal("2")), risk.propFirm().sizing().takeProfitR());
        assertEquals(Duration.ofHours(4), risk.propFirm().locks().cooldown());
        assertEquals(null, risk.calendarFile(), "no calendar unless TRADER_NEWS_CALENDAR names one");
    }

    @Test
    void anUnknownRiskModelIsRefused() {
        var e = failsNaming("trader.risk.model", valid().withValue("trader.risk.model", ConfigValueFactory.fromAnyRef("ftmo")));
        assertTrue(e.getMessage().contains("'ftmo'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"trader.risk.leverage-cap=12", "trader.risk.prop-firm.daily-loss=0.5", "trader.risk.sizing.stop-method=guess",
            "trader.risk.prop-firm.day-zone=Mars/Olympus", "trader.risk.governor.cooldown=soon", "trader.risk.sizing.risk-fractoin=0.01"})
    void aBadPropFirmSettingStopsTheBootNamingItsKeyInEitherModel(String setting) {
        String key = setting.substring(0, setting.indexOf('='));
        Config bad = valid().withValue(key, ConfigValueFactory.fromAnyRef(setting.substring(key.length() + 1)));
        failsNaming(key, bad);
        failsNaming(key, bad.withValue("trader.risk.model", ConfigValueFactory.fromAnyRef("prop-firm")));
    }

    @Test
    void aCalendarFileThatDoesNotExistIsRefused() {
        var e = failsNaming(RiskSettings.CALENDAR_KEY, valid().withValue(RiskSettings.CALENDAR_KEY, ConfigValueFactory.fromAnyRef("/no/such/calendar.csv")));
        assertTrue(e.getMessage().contains("calendar.csv"), e.getMessage());
    }

    @Test
    void listsAndNumbersReachTheRiskModuleAsWritten() {
        Config c = valid().withValue("trader.risk.sizing.take-profit-r", ConfigValueFactory.fromIterable(List.of(1, 2.5, 4)))
                .withValue("trader.risk.prop-firm.daily-loss", ConfigValueFactory.fromAnyRef(0.045));
        RiskSettings risk = TraderSettings.load(c).risk();
        assertEquals(List.of(BigDecimal.ONE, new BigDecimal("2.5"), new BigDecimal("4")), risk.propFirm().sizing().takeProfitR());
        assertEquals(new BigDecimal("0.045"), risk.propFirm().propFirm().dailyLoss());
        assertEquals(RiskSettings.RiskModel.FLAT, risk.model());
    }

    @Test
    void aStrategyNamedWithoutAFileIsRefusedNamingTheFile() {
        Config c = valid().withValue("trader.strategies", ConfigValueFactory.fromIterable(List.of("no-such-strategy")))
                .withValue("trader.strategies-dir", ConfigValueFactory.fromAnyRef(RepositoryFiles.find("conf/strategies").toString()));
        var e = assertThrows(SettingsException.class, () -> TraderSettings.load(c));
        assertTrue(e.getMessage().contains("no-such-strategy.conf"), e.getMessage());
    }

    @Test
    void anUnknownKeyInAStrategyIsRefused() {
        var e = failsNaming("trader.strategies.0", valid().withValue("trader.strategies.0.colour", ConfigValueFactory.fromAnyRef("red")));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
    }

    @Test
    void anUnknownModeIsRefused() {
        var e = failsNaming("trader.mode", valid().withValue("trader.mode", ConfigValueFactory.fromAnyRef("demo")));
        assertTrue(e.getMessage().contains("'demo'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"trader.mode", "trader.account.id", "trader.account.currency", "trader.account.initial-capital",
            "trader.risk.model", "trader.risk.entry-notional", "trader.risk.fee-rate", "trader.engine.ask-timeout", "trader.engine.snapshot-every",
            "trader.engine.restart-max-backoff"})
    void aMissingKeyIsNamed(String key) {
        var e = failsNaming(key, valid().withoutPath(key));
        assertTrue(e.getMessage().endsWith("is missing"), e.getMessage());
    }

    @Test
    void aMissingKeyInsideAnInstrumentIsNamedWithItsIndex() {
        failsNaming("trader.instruments.1.lot-size", validWith(", lot-size = \"0.0001\"", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-250", "0"})
    void aNonPositiveInitialCapitalIsRefused(String capital) {
        failsNaming("trader.account.initial-capital",
                valid().withValue("trader.account.initial-capital", ConfigValueFactory.fromAnyRef(capital)));
    }

    @Test
    void anUnknownStrategyTypeIsRefused() {
        var e = failsNaming("trader.strategies.0.type", config("0.01", "momentum", "binance:ETHUSDT"));
        assertTrue(e.getMessage().contains("'momentum'"), e.getMessage());
    }

    @Test
    void aStrategyNamingAnInstrumentThatIsNotConfiguredIsRefused() {
        var e = failsNaming("trader.strategies.0.instruments", config("0.01", "ema-cross", "binance:SOLUSDT"));
        assertTrue(e.getMessage().contains("binance:SOLUSDT"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-0.01", "0.0000000000001"})
    void aBadTickSizeIsRefused(String tick) {
        failsNaming("trader.instruments.1.tick-size", config(tick, "ema-cross", "binance:ETHUSDT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.0001", "lots"})
    void aBadLotSizeIsRefused(String lot) {
        failsNaming("trader.instruments.1.lot-size", validWith("lot-size = \"0.0001\"", "lot-size = \"" + lot + "\""));
    }

    @Test
    void aStrategyParameterIsNamedWhereItIsConfigured() {
        failsNaming("trader.strategies.0.parameters.fast", validWith("fast = 12", "fast = 0"));
        failsNaming("trader.strategies.0.parameters.fast", validWith("fast = 12", "fast = 30"));
        var e = failsNaming("trader.strategies.0.parameters", validWith("fast = 12", "fats = 12"));
        assertTrue(e.getMessage().contains("[fats]"), e.getMessage());
    }

    @Test
    void aStrategyWithoutInstrumentsOrWithAMalformedOneIsRefused() {
        failsNaming("trader.strategies.0.instruments",
                validWith("instruments = [\"binance:BTCUSDT\", \"binance:ETHUSDT\"], ", ""));
        failsNaming("trader.strategies.0.instruments", config("0.01", "ema-cross", "ETHUSDT"));
    }

    /** The valid configuration with one piece of its text replaced. */
    private static Config validWith(String original, String replacement) {
        String text = TEMPLATE.replace("@ETH_TICK@", "0.01").replace("@TYPE@", "ema-cross").replace("@SECOND@", "binance:ETHUSDT");
        assertTrue(text.contains(original), original);
        return ConfigFactory.parseString(text.replace(original, replacement)).resolve();
    }
}

package dev.trader.engine.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.trader.domain.algo.AlgoType;
import dev.trader.domain.money.Money;
import dev.trader.engine.testing.RepositoryFiles;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AlgoSettingsTest {
    private static final String BLOCK = """
            execution.algo {
              type = "twap"
              slice-above-notional = "5000"
              slices = 5
              horizon-bars = 10
              participation = "0.1"
              spread-threshold-bps = "1"
              vwap-profile-days = 7
              spread-metrics = ""
              spread-metrics-statistic = "mean"
            }
            """;

    private static AlgoSettings load(String override) {
        Config c = ConfigFactory.parseString(override).withFallback(ConfigFactory.parseString(BLOCK)).resolve();
        return AlgoSettings.load(c, "USDT");
    }

    @Test
    void theShippedConfigurationSendsEveryOrderWholeAtMarket() {
        Config trader = ConfigFactory.parseFile(RepositoryFiles.find("conf/trader.conf").toFile()).resolve().getConfig("trader");

        AlgoSettings algo = AlgoSettings.load(trader, "USDT");

        assertEquals(AlgoType.MARKET, algo.type());
        assertFalse(algo.slicing());
    }

    @Test
    void withoutTheBlockNothingIsSliced() {
        assertEquals(AlgoSettings.market("USDT"), AlgoSettings.load(ConfigFactory.empty(), "USDT"));
    }

    @Test
    void aCompleteBlockIsRead() {
        AlgoSettings algo = load("execution.algo.type = pov");

        assertEquals(new AlgoSettings(AlgoType.POV, Money.of("5000", "USDT"), 5, 10, new BigDecimal("0.1"), BigDecimal.ONE, 7), algo);
        assertTrue(algo.slicing());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "execution.algo.type = iceberg | trader.execution.algo.type must be one of [market, twap, vwap, pov] but was 'iceberg'",
            "execution.algo.slices = 0 | trader.execution.algo.slices must be within 1..1000 but was 0",
            "execution.algo.slices = 11 | trader.execution.algo.slices (11) must not exceed trader.execution.algo.horizon-bars (10): a slice needs a bar of its own",
            "execution.algo.horizon-bars = 1001 | trader.execution.algo.horizon-bars must be within 1..1000 but was 1001",
            "execution.algo.participation = \"1.5\" | trader.execution.algo.participation must be within (0, 1] but was 1.5",
            "execution.algo.participation = \"0\" | trader.execution.algo.participation must be within (0, 1] but was 0",
            "execution.algo.spread-threshold-bps = \"-1\" | trader.execution.algo.spread-threshold-bps must not be negative but was -1",
            "execution.algo.slice-above-notional = \"-5\" | trader.execution.algo.slice-above-notional must not be negative but was -5 USDT",
            "execution.algo.vwap-profile-days = 0 | trader.execution.algo.vwap-profile-days must be within 1..30 but was 0",
            "execution.algo.slice = 3 | trader.execution.algo has unknown key(s) [slice]; known are [horizon-bars, participation, slice-above-notional, slices, spread-metrics, spread-metrics-statistic, spread-threshold-bps, type, vwap-profile-days]",
    })
    void aBadValueStopsTheBootNamingTheKey(String override, String message) {
        SettingsException e = assertThrows(SettingsException.class, () -> load(override));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aMissingKeyIsNamed() {
        Config c = ConfigFactory.parseString("execution.algo { type = twap }");
        SettingsException e = assertThrows(SettingsException.class, () -> AlgoSettings.load(c, "USDT"));
        assertEquals("trader.execution.algo.slice-above-notional is missing", e.getMessage());
    }
}

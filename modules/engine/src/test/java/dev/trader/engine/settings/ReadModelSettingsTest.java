package dev.trader.engine.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.trader.engine.testing.RepositoryFiles;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadModelSettingsTest {
    private static final String DEFAULTS = "trader.read-model { enabled = true, poll-interval = 1s, batch-size = 500, day-zone = Europe/Prague }\n";

    @Test
    void theShippedFileReadsAsDocumentedAndTakesTheRiskModulesDayZone() throws Exception {
        String shipped = java.nio.file.Files.readString(RepositoryFiles.find("conf/read-model.conf"));
        assertEquals(new ReadModelSettings(true, Duration.ofSeconds(1), 500, ZoneId.of("Europe/Prague")),
                ReadModelSettings.load(ConfigFactory.parseString(shipped).resolve()));
        String withRisk = shipped + "\ntrader.risk.prop-firm.day-zone = \"America/New_York\"\n";
        assertEquals(ZoneId.of("America/New_York"), ReadModelSettings.load(ConfigFactory.parseString(withRisk).resolve()).dayZone());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "batch-size = 0            | trader.read-model.batch-size must be within 1..10000 but was 0",
            "poll-interval = 0s        | trader.read-model.poll-interval must be a positive duration",
            "poll-interval = 1h        | trader.read-model.poll-interval must be at most 10 minutes",
            "enabled = perhaps         | trader.read-model.enabled must be true or false",
            "day-zone = Europe/Praha   | trader.read-model.day-zone must be a time zone id such as Europe/Prague but was 'Europe/Praha'",
            "dayzone = UTC             | trader.read-model.dayzone is not a setting"})
    void aBadValueStopsTheBootNamingTheKey(String line, String message) {
        var config = ConfigFactory.parseString("trader.read-model." + line).withFallback(ConfigFactory.parseString(DEFAULTS)).resolve();
        SettingsException e = assertThrows(SettingsException.class, () -> ReadModelSettings.load(config));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void aMissingNamespaceIsNamed() {
        SettingsException e = assertThrows(SettingsException.class, () -> ReadModelSettings.load(ConfigFactory.empty()));
        assertEquals("trader.read-model is missing", e.getMessage());
    }
}

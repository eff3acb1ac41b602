package dev.trader.engine.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.trader.engine.testing.RepositoryFiles;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditSettingsTest {
    private static final String DEFAULTS = "trader.audit { enabled = true, poll-interval = 1s, batch-size = 500 }\n";

    @Test
    void theShippedFileReadsAsDocumented() throws Exception {
        String shipped = java.nio.file.Files.readString(RepositoryFiles.find("conf/audit.conf"));
        assertEquals(new AuditSettings(true, Duration.ofSeconds(1), 500), AuditSettings.load(ConfigFactory.parseString(shipped).resolve()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "batch-size = 0            | trader.audit.batch-size must be within 1..10000 but was 0",
            "batch-size = many         | trader.audit.batch-size is invalid",
            "poll-interval = 0s        | trader.audit.poll-interval must be a positive duration",
            "poll-interval = 1h        | trader.audit.poll-interval must be at most 10 minutes",
            "enabled = perhaps         | trader.audit.enabled must be true or false",
            "pol-interval = 1s         | trader.audit.pol-interval is not a setting"})
    void aBadValueStopsTheBootNamingTheKey(String line, String message) {
        var config = ConfigFactory.parseString("trader.audit." + line).withFallback(ConfigFactory.parseString(DEFAULTS)).resolve();
        SettingsException e = assertThrows(SettingsException.class, () -> AuditSettings.load(config));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void aMissingNamespaceIsNamed() {
        SettingsException e = assertThrows(SettingsException.class, () -> AuditSettings.load(ConfigFactory.empty()));
        assertEquals("trader.audit is missing", e.getMessage());
    }
}

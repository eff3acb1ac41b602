package dev.trader.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.trader.engine.settings.ExportSettings;
import dev.trader.engine.settings.SettingsException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** When the nightly export runs and which day it writes; its settings refused with the key named. */
class ExportScheduleTest {
    private static final LocalTime AT = LocalTime.parse("00:05");

    @Test
    void theNextRunIsTodayAtTheTimeOrTomorrow() {
        assertEquals(Instant.parse("2026-11-21T00:05:00Z"), ExportSchedule.next(Instant.parse("2026-11-21T00:04:59Z"), AT));
        assertEquals(Instant.parse("2026-11-22T00:05:00Z"), ExportSchedule.next(Instant.parse("2026-11-21T00:05:00Z"), AT));
        assertEquals(Instant.parse("2026-11-22T00:05:00Z"), ExportSchedule.next(Instant.parse("2026-11-21T23:59:59Z"), AT));
        assertEquals(Instant.parse("2027-01-01T00:05:00Z"), ExportSchedule.next(Instant.parse("2026-12-31T12:00:00Z"), AT));
    }

    @Test
    void aRunExportsTheUtcDayBeforeIt() {
        assertEquals(LocalDate.parse("2026-11-20"), ExportSchedule.dayExportedAt(Instant.parse("2026-11-21T00:05:00Z")));
        assertEquals(LocalDate.parse("2024-02-29"), ExportSchedule.dayExportedAt(Instant.parse("2024-03-01T00:05:00Z")));
    }

    @Test
    void theShippedSettingsAndBadOnes() {
        ExportSettings s = ExportSettings.load(ConfigFactory.parseString("trader.exports { enabled = true, dir = \"data/exports\", at = \"00:05\" }"));
        assertEquals(new ExportSettings(true, Path.of("data/exports"), AT), s);
        assertEquals(LocalTime.parse("13:30:15"),
                ExportSettings.load(ConfigFactory.parseString("trader.exports { enabled = false, dir = x, at = \"13:30:15\" }")).at());
        assertRefused("trader.exports { enabled = true, dir = x, at = \"25:00\" }", "trader.exports.at must be a UTC time of day");
        assertRefused("trader.exports { enabled = true, dir = x, at = \"00:05\", zone = \"CET\" }", "trader.exports.zone is not a setting");
        assertRefused("trader.exports { enabled = maybe, dir = x, at = \"00:05\" }", "trader.exports.enabled must be true or false");
        assertRefused("trader.exports { enabled = true, dir = \" \", at = \"00:05\" }", "trader.exports.dir must name a folder");
        assertRefused("trader.exports { enabled = true, at = \"00:05\" }", "trader.exports.dir");
    }

    private static void assertRefused(String conf, String message) {
        SettingsException e = assertThrows(SettingsException.class, () -> ExportSettings.load(ConfigFactory.parseString(conf)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}

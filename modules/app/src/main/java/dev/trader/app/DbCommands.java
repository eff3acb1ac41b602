package dev.trader.app;

import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.persistence.backup.BackupManifest;
import dev.trader.engine.settings.SettingsException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** What the {@code db} commands share: the database from the config, and how a manifest is summed up in one line. */
final class DbCommands {
    private DbCommands() {
    }

    /** The database the config names; null (after saying why on {@code err}) when the config is bad. */
    static JdbcSettings jdbc(Path config, String command, PrintWriter err) {
        try {
            return JdbcSettings.from(ConfigLoader.load(config, Map.of()));
        } catch (SettingsException | com.typesafe.config.ConfigException e) {
            err.println("trader db " + command + ": " + e.getMessage());
            return null;
        }
    }

    static String rows(BackupManifest m) {
        return m.tables().stream().map(t -> t.name() + " " + t.rows()).collect(Collectors.joining(", "));
    }

    static String continuation(BackupManifest m) {
        return m.tables().stream().filter(t -> t.identityColumn() != null)
                .map(t -> "; " + t.name() + "." + t.identityColumn() + " continues after " + (t.identityMax() == null ? "0" : t.identityMax()))
                .collect(Collectors.joining());
    }
}

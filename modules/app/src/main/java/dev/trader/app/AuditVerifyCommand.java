package dev.trader.app;

import dev.trader.engine.audit.AuditVerification;
import dev.trader.engine.audit.AuditVerifier;
import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.settings.SettingsException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the whole audit trail: seqs without gaps, every record linked to the hash before it and hashing to its own "
                + "hash. Exit 0 when sound (prints the records checked and the head hash), 1 at the first bad record (named, with why), "
                + "2 when the database cannot be read. On H2, run it while the node is stopped (the node holds the database file).")
final class AuditVerifyCommand implements Callable<Integer> {
    @Option(names = "--config", description = "an overlay config file (the node's: it names the database)")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JdbcSettings jdbc;
        try {
            jdbc = JdbcSettings.from(ConfigLoader.load(config, Map.of()));
        } catch (SettingsException | com.typesafe.config.ConfigException e) {
            err.println("trader audit verify: " + e.getMessage());
            return 2;
        }
        AuditVerification result;
        try (Connection c = DriverManager.getConnection(existingOnly(jdbc), jdbc.user(), jdbc.password())) {
            result = AuditVerifier.verify(c);
        } catch (SQLException e) {
            err.println("trader audit verify: cannot read the audit trail at " + jdbc.redactedUrl() + ": " + e.getMessage());
            return 2;
        }
        if (result.ok()) {
            out.printf("audit verify: OK: %d record(s) checked, head seq %d hash %s%n", result.checked(), result.headSeq(), result.headHash());
            return 0;
        }
        AuditVerification.Failure f = result.failure();
        out.printf("audit verify: FAILED at seq %d (%s): %s; %d record(s) before it are sound (up to seq %d, hash %s)%n", f.seq(),
                f.problem().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), f.detail(), result.checked(), result.headSeq(),
                result.headHash());
        return 1;
    }

    /** Verifying must not create an empty H2 database where none is. */
    private static String existingOnly(JdbcSettings jdbc) {
        return jdbc.existingOnlyUrl();
    }
}

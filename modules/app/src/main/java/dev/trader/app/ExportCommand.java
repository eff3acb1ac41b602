package dev.trader.app;

import com.typesafe.config.Config;
import dev.trader.engine.export.DailyExport;
import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.settings.SettingsException;
import dev.trader.engine.settings.TraderSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export trading days from the journal into OUT/YYYY-MM-DD/{orders,fills,trades,equity}.csv (UTC days; header row, "
                + "fixed columns, exact decimals), as the node does every night (trader.exports). Without --from/--to: every day the journal "
                + "has anything on; one of them alone: that day. On H2 stop the node first (it holds the file). Exit 0 when written, 1 when "
                + "the journal could not be read or the files written, 2 for bad options or configuration.")
final class ExportCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ExportCommand.class);

    @Option(names = "--config", description = "an overlay config file (the node's: it names the database and the initial capital)")
    Path config;

    @Option(names = "--from", description = "first UTC day, YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--to", description = "last UTC day, YYYY-MM-DD (inclusive)")
    LocalDate to;

    @Option(names = "--out", description = "the folder the days go into (default: ${DEFAULT-VALUE})", defaultValue = "data/exports")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        LocalDate first = from != null ? from : to;
        LocalDate last = to != null ? to : from;
        if (first != null && first.isAfter(last)) {
            err.println("trader export: --from " + first + " is after --to " + last);
            return 2;
        }
        Config cfg;
        JdbcSettings jdbc;
        TraderSettings settings;
        try {
            jdbc = JdbcSettings.from(ConfigLoader.load(config, Map.of()));
            cfg = ConfigLoader.load(config, standalone(jdbc));
            settings = TraderSettings.load(cfg);
        } catch (SettingsException | com.typesafe.config.ConfigException e) {
            err.println("trader export: " + e.getMessage());
            return 2;
        }
        String unreadable = unreadable(jdbc, cfg);
        if (unreadable != null) {
            err.println("trader export: cannot read the journal at " + jdbc.redactedUrl() + ": " + unreadable);
            return 1;
        }
        LOG.debug("exporting {}..{} from {} into {}", first, last, jdbc.redactedUrl(), out);
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "trader-export", cfg);
        try {
            List<DailyExport.Day> days = new DailyExport(system, settings.initialCapital()).export(first, last, out).toCompletableFuture()
                    .get(30, TimeUnit.MINUTES);
            PrintWriter o = spec.commandLine().getOut();
            for (DailyExport.Day d : days) {
                o.printf("export: %s: %d order(s), %d fill(s), %d trade(s), %d equity row(s) → %s%n", d.day(), d.orders(), d.fills(), d.trades(),
                        d.equityRows(), d.dir());
            }
            o.printf("export: %d day(s) from the journal at %s into %s%n", days.size(), jdbc.redactedUrl(), out);
            return 0;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println("trader export: cannot export from the journal at " + jdbc.redactedUrl() + ": " + cause.getMessage());
            return 1;
        } finally {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
        }
    }

    /**
     * Fails fast where the journal's connection pool would wait minutes: a database that cannot be reached, an H2 file that
     * does not exist, a database without the journal's table. Null when it can be read.
     */
    private static String unreadable(JdbcSettings jdbc, Config cfg) {
        String url = cfg.getString("pekko-persistence-jdbc.shared-databases.slick.db.url");
        try (Connection c = DriverManager.getConnection(url, jdbc.user(), jdbc.password());
             ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), null, new String[] {"TABLE"})) {
            while (rs.next()) {
                if ("event_journal".equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                    return null;
                }
            }
            return "it has no journal (no table event_journal)";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** Not a cluster member (a node may be running on the same ports), and never an empty H2 database made where none was. */
    private static Map<String, Object> standalone(JdbcSettings jdbc) {
        Map<String, Object> o = new HashMap<>();
        o.put("pekko.actor.provider", "local");
        if (!jdbc.existingOnlyUrl().equals(jdbc.url())) {
            o.put("pekko-persistence-jdbc.shared-databases.slick.db.url", jdbc.existingOnlyUrl());
        }
        return o;
    }
}

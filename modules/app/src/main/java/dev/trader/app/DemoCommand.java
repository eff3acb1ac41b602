package dev.trader.app;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a node on the embedded journal, replay the bundled real 1m sample through the engine, trade on paper, "
                + "and serve /api/status. Run it again after a stop: it resumes from the journal.")
final class DemoCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    @Option(names = "--port", description = "HTTP port (default: trader.http.port, 8080)")
    Integer port;

    @Option(names = "--config", description = "an overlay config file, e.g. conf/postgres.conf")
    Path config;

    @Option(names = "--data", split = ",", description = "market-data files to replay (default: every file in sample-data/)")
    List<Path> data;

    @Option(names = "--venue", defaultValue = "sim", description = "sim (default): through the Binance-compatible exchange simulator on "
            + "loopback (klines over WebSocket, signed REST orders, the user-data stream), our books checked against its ledger at the end; "
            + "each run starts a fresh exchange and a fresh journal (data/sim-demo/). paper: the node replays the files itself and fills "
            + "on paper; it resumes from data/ after a stop")
    String venue;

    @Option(names = "--bars-per-second", description = "with --venue sim: replay on the wall clock at this pace, as an exchange does (a node "
            + "that falls behind trades late); default: lockstep, the next minute once the node has taken in the last")
    Double barsPerSecond;

    @Option(names = "--exit-when-done", description = "stop after the replay instead of serving until interrupted")
    boolean exitWhenDone;

    @Option(names = "--ml", description = "also trade the ml-signal strategy (conf/strategies/ml-signal.conf). When no version of the direction "
            + "model is active in --models, one is trained on the demo's data first (about 15 s) and promoted if it passes its gate")
    boolean ml;

    @Option(names = "--models", defaultValue = "models", paramLabel = "DIR", description = "with --ml: the model registry (default: ${DEFAULT-VALUE})")
    Path models;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> overrides = new HashMap<>();
        if (port != null) {
            overrides.put("trader.http.port", port);
        }
        if (ml) {
            PrintWriter out = new PrintWriter(System.out, true);
            MlDemo.ensureModel(models, data == null || data.isEmpty() ? sampleFiles() : data, out, new PrintWriter(System.err, true));
            MlDemo.addStrategy(config, overrides, models);
        }
        if ("sim".equals(venue)) {
            return throughSimulator(overrides);
        }
        Config cfg = ConfigLoader.load(config, overrides);
        if (!"paper".equals(venue)) {
            System.err.println("trader demo: --venue must be paper or sim but was '" + venue + "'");
            return 2;
        }
        List<Path> files = data == null || data.isEmpty() ? sampleFiles() : data;
        try (TraderNode node = TraderNode.start(cfg)) {
            System.out.println("trader demo: status at http://localhost:" + node.httpPort() + "/api/status");
            long started = System.nanoTime();
            ReplayReport report = new FileReplay(node.engine(), node.pipeline()).replay(files).toCompletableFuture().get();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("replayed %d bars (%d new) in %.1f s: %d signals, %d orders, %d intents rejected%n",
                    report.barsProcessed(), report.barsNew(), seconds, report.signals(), report.ordersApproved(), report.intentsRejected());
            report.files().forEach(f -> System.out.printf("  %s: %d rows, %d bars, %d rejected %s, %d gaps (%d bars missing)%n",
                    f.source(), f.rowsRead(), f.barsAccepted(), f.rejected(), f.rejectionsByReason(), f.gaps(), f.missingBars()));
            StrategySignals.of(node).forEach(line -> System.out.println("  " + line));
            if (exitWhenDone) {
                return 0;
            }
            System.out.println("replay done; serving http://localhost:" + node.httpPort() + "/api/status until interrupted (Ctrl-C)");
            Shutdown.await("demo", null);
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.error("demo failed: {}", e.getMessage(), e);
            System.err.println("trader demo: " + e.getMessage());
            return 2;
        }
    }

    private int throughSimulator(Map<String, Object> overrides) throws Exception {
        Config base = ConfigLoader.load(config, overrides);
        // A fresh exchange knows none of an earlier run's orders: the demo's journal starts fresh too.
        if ("h2".equals(base.getString("trader.persistence.dialect"))) {
            Path journal = Path.of(base.getString("trader.persistence.data-dir")).resolve("sim-demo");
            deleteRecursively(journal);
            overrides.put("trader.persistence.data-dir", journal.toString());
        } else {
            System.out.println("trader demo: the journal must be empty (a fresh exchange simulator knows none of an earlier run's orders)");
        }
        Config cfg = ConfigLoader.load(config, overrides);
        double pace = barsPerSecond != null ? barsPerSecond : 0;
        try {
            return SimDemo.run(cfg, System.getenv(), data, pace, this::report).check().equal() ? 0 : 1;
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.error("demo failed: {}", e.getMessage(), e);
            System.err.println("trader demo: " + e.getMessage());
            return 2;
        }
    }

    /** Prints the outcome; then serves the status until interrupted, unless --exit-when-done. */
    private void report(SimDemo.Outcome outcome) {
        ReplayReport report = outcome.report();
        System.out.printf("traded %d bars (%d new) through the exchange simulator in %.1f s: %d signals, %d orders, %d intents rejected%n",
                report.barsProcessed(), report.barsNew(), outcome.seconds(), report.signals(), report.ordersApproved(), report.intentsRejected());
        if (!outcome.faultsInjected().isEmpty()) {
            System.out.println("faults injected by the exchange: " + outcome.faultsInjected());
        }
        outcome.strategySignals().forEach(line -> System.out.println("  " + line));
        if (outcome.barsFailed() > 0) {
            System.out.println(outcome.barsFailed() + " bar(s) failed in the pipeline (logged); the feed went on");
        }
        LedgerCheck.Result check = outcome.check();
        if (check.equal()) {
            System.out.printf("ledger check: our orders, fills and balances equal the exchange's ledger (%d orders, %d trades)%n",
                    check.orders(), check.trades());
        } else {
            System.out.printf("ledger check: %d difference(s) from the exchange's ledger (%d orders, %d trades):%n", check.differences().size(),
                    check.orders(), check.trades());
            check.differences().forEach(d -> System.out.println("  " + d));
        }
        check.warnings().forEach(w -> System.out.println("warning: " + w));
        if (!exitWhenDone) {
            System.out.println("done; serving the status until interrupted (Ctrl-C)");
            Shutdown.await("demo", null);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static List<Path> sampleFiles() throws IOException {
        Path dir = Path.of("sample-data");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no sample-data/ folder here (" + Path.of("").toAbsolutePath() + "): run from the project root or pass --data");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.{json,json.gz,csv,csv.gz}")) {
            s.forEach(files::add);
        }
        files.sort(null);
        return files;
    }
}

package dev.trader.app;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trader bench pipeline}: the market-data load through the sharded engine ({@link PipelineBench}). */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Market-data load through the sharded engine: real 1m candles of several symbols, each symbol traded as --copies "
                + "instruments, fed in event-time order through a node (paper venue, the configured strategies on every instrument, "
                + "everything journaled) as fast as it persists them; prints bars/s, the bar-to-outcome and bar-to-order latency "
                + "percentiles and the events persisted per second.",
                "Default data: the three symbols of 2021-04-02..2021-05-14 in the shared data set ($TRADER_MARKET_DATA, default "
                        + "/work/shared/data) when present, else sample-data/. The journal is a fresh H2 database in a temporary folder, "
                        + "or PostgreSQL with --config conf/postgres.conf (its database should be empty)."})
final class BenchPipelineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", split = ",", arity = "1..*", paramLabel = "FILE", description = "candle files (default: see above)")
    List<Path> data;

    @Option(names = "--copies", defaultValue = "4", description = "instruments per symbol (default: ${DEFAULT-VALUE})")
    int copies;

    @Option(names = "--days", defaultValue = "2", description = "days of each file, from its first bar (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--config", description = "an overlay config file, e.g. conf/postgres.conf")
    Path config;

    @Option(names = "--minutes-per-second", defaultValue = "0", description = "hand over each minute's bars of every instrument together at "
            + "this wall-clock pace, so that the latencies are those of a node that keeps up (as live); 0 (default): as fast as the node "
            + "takes them, for the throughput (the latencies then include the queue)")
    double minutesPerSecond;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (copies < 1 || copies > 50 || days < 1 || minutesPerSecond < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--copies must be within 1..50, --days at least 1 and "
                    + "--minutes-per-second at least 0");
        }
        List<Path> files = data == null || data.isEmpty() ? BenchData.defaultFiles("*_USDT-1m_20210402-20210514.json.gz") : data;
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "machine: %d cores, %s %s, max heap %d MB%n", rt.availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"), rt.maxMemory() / (1024 * 1024));
        var bars = PipelineBench.bars(files, days, copies);
        out.printf(Locale.ROOT, "data: %s, first %d day(s) of each, %d cop(ies) per symbol: %,d bars%n", files, days, copies, bars.size());
        Path dataDir = PipelineBench.freshDataDir();
        Config cfg = ConfigLoader.load(config, PipelineBench.overrides(ConfigLoader.load(config, new HashMap<>()), bars, dataDir));
        out.printf(Locale.ROOT, "pace: %s%n", minutesPerSecond > 0 ? minutesPerSecond + " minutes of bars per second" : "as fast as the node takes them");
        out.printf(Locale.ROOT, "strategies: %s on every instrument; journal %s%n", cfg.getList("trader.strategies").size(),
                cfg.getString("trader.persistence.dialect").equals("h2") ? "H2 in " + dataDir : cfg.getString("trader.persistence.dialect"));
        out.flush();
        PipelineBench.Result r;
        try {
            r = new PipelineBench(out).run(cfg, bars, minutesPerSecond);
        } finally {
            DemoCommand.deleteRecursively(dataDir);
        }
        out.printf(Locale.ROOT, "result: %,d bars in %.1f s = %,.0f bars/s through the pipeline; %,d events persisted = %,.0f events/s; "
                + "%,d signals, %,d orders approved%n", r.bars(), r.seconds(), r.barsPerSecond(), r.events(), r.eventsPerSecond(), r.signals(), r.orders());
        print(out, "bar to outcome (every bar)", r.allBars());
        print(out, "bar to order intent persisted (bars that led to an order)", r.barsWithOrders());
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, String what, Latencies l) {
        if (l.count() == 0) {
            out.printf(Locale.ROOT, "latency, %s: none%n", what);
            return;
        }
        out.printf(Locale.ROOT, "latency, %s: n=%,d p50=%.2f ms p90=%.2f ms p99=%.2f ms p99.9=%.2f ms max=%.2f ms%n", what, l.count(),
                l.percentileMillis(50), l.percentileMillis(90), l.percentileMillis(99), l.percentileMillis(99.9), l.percentileMillis(100));
    }
}

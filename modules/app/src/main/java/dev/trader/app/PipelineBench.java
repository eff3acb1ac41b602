package dev.trader.app;

import com.typesafe.config.Config;
import dev.trader.backtest.MarketDataLoader;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.persistence.JournalHead;
import dev.trader.engine.pipeline.BarOutcome;
import dev.trader.engine.settings.StrategyBinding;
import dev.trader.engine.settings.TraderSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The market-data load of {@code trader bench pipeline}: real 1m candles of several symbols, each
 * symbol also traded as {@code copies - 1} further instruments (the same bars under
 * {@code copyN:SYMBOL}, so the load spreads over more shards than the data set has symbols), fed in
 * event-time order through a node's sharded engine (Instrument → Strategy → Account → Order →
 * Position entities, journaled) as fast as it persists them, each minute's bars of every instrument
 * in flight together, as an exchange delivers them. It measures bars/second through the whole
 * pipeline, each bar's latency from hand-over to its outcome (for a bar that led to an order: to the
 * order intent persisted) and the events persisted per second.
 */
final class PipelineBench {
    /** The bench's filters for a symbol trader.instruments does not list (the pipeline needs some; none is the exchange's). */
    private static final Map<String, Object> DEFAULT_FILTERS = Map.of("tick-size", "0.01", "lot-size", "0.001", "min-quantity", "0.001",
            "min-notional", "5");

    record Result(long bars, double seconds, long events, Latencies allBars, Latencies barsWithOrders, long orders, long signals) {
        double barsPerSecond() {
            return bars / seconds;
        }

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private final PrintWriter out;

    PipelineBench(PrintWriter out) {
        this.out = out;
    }

    /** Loads {@code files}, keeps each one's first {@code days} of bars, and lays them out over {@code copies} instruments per symbol. */
    static List<Bar> bars(List<Path> files, int days, int copies) throws IOException {
        List<Bar> all = new ArrayList<>();
        for (Path file : files) {
            List<Bar> read = new ArrayList<>();
            MarketDataLoader.read(file, read);
            if (read.isEmpty()) {
                continue;
            }
            Instant until = read.get(0).openTime().plus(Duration.ofDays(days));
            List<Bar> kept = read.stream().filter(b -> b.openTime().isBefore(until)).toList();
            for (int copy = 1; copy <= copies; copy++) {
                for (Bar b : kept) {
                    all.add(copy == 1 ? b : new Bar(new InstrumentId("copy" + copy, b.instrument().symbol()), b.timeframe(), b.openTime(), b.open(),
                            b.high(), b.low(), b.close(), b.volume()));
                }
            }
        }
        all.sort(Comparator.comparing(Bar::openTime).thenComparing(b -> b.instrument().value()));
        return all;
    }

    /**
     * What the node's configuration needs for the bars (given to {@link ConfigLoader#load}, so that
     * it is checked and substituted as any other): every instrument they hold (filters as the base
     * configuration gives them for its symbol, else the bench's), the base's strategies on all of
     * them, a fresh journal in {@code dataDir} when the dialect is H2, an ephemeral HTTP port.
     */
    static Map<String, Object> overrides(Config base, List<Bar> bars, Path dataDir) {
        Map<String, Map<String, Object>> filtersBySymbol = new HashMap<>();
        for (Config i : base.getConfigList("trader.instruments")) {
            Map<String, Object> f = new LinkedHashMap<>(i.root().unwrapped());
            f.remove("id");
            filtersBySymbol.put(InstrumentId.parse(i.getString("id")).symbol(), f);
        }
        Map<String, Map<String, Object>> instruments = new TreeMap<>();
        for (Bar b : bars) {
            instruments.computeIfAbsent(b.instrument().value(), id -> {
                String symbol = b.instrument().symbol();
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", id);
                Map<String, Object> filters = filtersBySymbol.get(symbol);
                if (filters == null) {
                    entry.put("base", symbol.replaceFirst("(USDT|USDC|BUSD|USD)$", ""));
                    entry.put("quote", symbol.replaceFirst("^.*?(USDT|USDC|BUSD|USD)$", "$1"));
                    entry.putAll(DEFAULT_FILTERS);
                } else {
                    entry.putAll(filters);
                }
                return entry;
            });
        }
        // The strategies as the base configuration resolves them (files, strategies-dir or inline), each on every instrument.
        List<Object> strategies = new ArrayList<>();
        for (StrategyBinding b : TraderSettings.load(base).strategies()) {
            strategies.add(Map.of("id", b.strategy().id().value(), "type", b.type(), "parameters", b.parameters(),
                    "instruments", new ArrayList<>(instruments.keySet())));
        }
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("trader.instruments", new ArrayList<>(instruments.values()));
        overrides.put("trader.strategies", strategies);
        overrides.put("trader.http.port", 0);
        if ("h2".equals(base.getString("trader.persistence.dialect"))) {
            overrides.put("trader.persistence.data-dir", dataDir.toString());
        }
        return overrides;
    }

    /**
     * Feeds {@code bars} through a node started on {@code config}, one minute of every instrument in
     * flight at once: as fast as the node takes them ({@code minutesPerSecond} 0: the throughput, and
     * latencies that include the queue), or each minute's bars together at this wall-clock pace (the
     * latency of a bar when the node keeps up, as live).
     */
    Result run(Config config, List<Bar> bars, double minutesPerSecond) throws Exception {
        long instruments = bars.stream().map(Bar::instrument).distinct().count();
        Latencies allBars = new Latencies();
        Latencies withOrders = new Latencies();
        AtomicLong orders = new AtomicLong();
        AtomicLong signals = new AtomicLong();
        try (TraderNode node = TraderNode.start(config)) {
            JdbcSettings jdbc = JdbcSettings.from(config);
            long eventsBefore = JournalHead.ordering(jdbc);
            out.printf(Locale.ROOT, "node up; feeding %,d bars of %d instruments, up to %d in flight (journal: %s)%n", bars.size(), instruments,
                    instruments, jdbc.dialect());
            out.flush();
            long started = System.nanoTime();
            paced(bars, minutesPerSecond)
                    .mapAsync((int) instruments, bar -> {
                        long handedOver = System.nanoTime();
                        return node.pipeline().process(bar).thenApply(outcome -> {
                            long micros = (System.nanoTime() - handedOver) / 1_000;
                            allBars.record(micros);
                            signals.addAndGet(outcome.signals());
                            long approved = approvedOrders(outcome);
                            if (approved > 0) {
                                orders.addAndGet(approved);
                                withOrders.record(micros);
                            }
                            return Done.getInstance();
                        });
                    })
                    .runWith(Sink.ignore(), node.engine().system())
                    .toCompletableFuture().get(2, TimeUnit.HOURS);
            double seconds = (System.nanoTime() - started) / 1e9;
            long events = JournalHead.ordering(jdbc) - eventsBefore;
            return new Result(bars.size(), seconds, events, allBars, withOrders, orders.get(), signals.get());
        }
    }

    private static Source<Bar, ?> paced(List<Bar> bars, double minutesPerSecond) {
        if (minutesPerSecond <= 0) {
            return Source.from(bars);
        }
        List<List<Bar>> minutes = new ArrayList<>();
        Instant current = null;
        for (Bar b : bars) {
            if (!b.openTime().equals(current)) {
                minutes.add(new ArrayList<>());
                current = b.openTime();
            }
            minutes.get(minutes.size() - 1).add(b);
        }
        long nanosPerMinute = (long) (1e9 / minutesPerSecond);
        return Source.from(minutes).throttle(1, Duration.ofNanos(nanosPerMinute)).mapConcat(m -> m);
    }

    private static long approvedOrders(BarOutcome outcome) {
        return outcome.decisions().stream().filter(d -> d.outcome() == IntentDecision.Outcome.APPROVED).count();
    }

    static Path freshDataDir() throws IOException {
        return Files.createTempDirectory("trader-bench-pipeline");
    }
}

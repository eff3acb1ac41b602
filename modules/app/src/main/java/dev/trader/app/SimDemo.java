package dev.trader.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.trader.engine.settings.TraderSettings;
import dev.trader.execution.binance.BinanceExecutionClient;
import dev.trader.execution.sim.ExchangeSimServer;
import dev.trader.execution.sim.PacedReplay;
import dev.trader.execution.sim.ReplayPacing;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.ws.SimWsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo through the exchange simulator: the simulator serves the Binance spot API on a
 * loopback port and replays the candles; the node connects to it exactly as it would to Binance
 * (klines over WebSocket, orders over signed REST, fills over the user-data stream) and trades;
 * at the end our books are compared with the simulator's ledger.
 */
final class SimDemo {
    private static final Logger LOG = LoggerFactory.getLogger(SimDemo.class);
    /** How long the books may take to settle after the last bar (fills still on the wire). */
    private static final Duration SETTLE = Duration.ofSeconds(30);

    /**
     * @param barsFailed     bars whose path failed in the pipeline (counted in the report's bars too)
     * @param faultsInjected faults the simulator injected (conf/exchange-faults.conf), by kind
     */
    record Outcome(ReplayReport report, long barsFailed, LedgerCheck.Result check, double seconds, Map<String, Long> faultsInjected,
                   List<String> strategySignals) {
    }

    private SimDemo() {
    }

    /**
     * @param config      the node's whole configuration ({@code trader.exchange-sim} configures the simulator)
     * @param environment where the API key pair is read (the process environment; a map in tests)
     * @param candleFiles   replayed instead of the configured candles of their symbols (none: as configured)
     * @param barsPerSecond the wall-clock pace; 0 for lockstep (see {@link #lockstep})
     * @param whileServing  given the outcome while the simulator and the node still run (the demo serves the status here)
     */
    static Outcome run(Config config, Map<String, String> environment, List<Path> candleFiles, double barsPerSecond,
                       Consumer<Outcome> whileServing) throws Exception {
        Config simSection = config.getConfig("trader.exchange-sim");
        SimConfig simConfig = SimulatorSettings.simConfig(simSection, environment, candleFiles);
        try (ExchangeSimServer server = ExchangeSimServer.start(simConfig, SimWsConfig.binance(), simSection.getString("host"), 0)) {
            Config nodeConfig = ConfigFactory.parseMap(Map.of(
                            "trader.venue", "binance",
                            "trader.binance.rest-base-url", server.restUrl(),
                            "trader.binance.ws-base-url", server.wsUrl()))
                    .withFallback(config).resolve();
            TraderSettings settings = TraderSettings.load(nodeConfig);
            ExchangeVenue venue = ExchangeVenue.create(nodeConfig.getConfig("trader.binance"), settings.instruments().values(), environment);
            try (TraderNode node = TraderNode.start(nodeConfig, settings, venue)) {
                System.out.println("trader demo: trading through the exchange simulator at " + server.restUrl() + " (status at http://localhost:"
                        + node.httpPort() + "/api/status)");
                awaitSubscribed(server, settings);
                long started = System.nanoTime();
                LiveFeedRunner live = node.liveFeed().orElseThrow();
                if (barsPerSecond > 0) {
                    try (PacedReplay replay = server.simulator().startReplay(ReplayPacing.barsPerSecond(barsPerSecond))) {
                        replay.finished().get();
                    }
                    awaitQuiet(live);
                } else {
                    lockstep(server, live, venue);
                }
                LedgerCheck.Result check = settle(node, server, venue, simConfig);
                double seconds = (System.nanoTime() - started) / 1e9;
                Map<String, Long> faults = server.simulator().faultLog().records().stream()
                        .collect(Collectors.groupingBy(r -> r.kind().name(), TreeMap::new, Collectors.counting()));
                Outcome outcome = new Outcome(live.report(), live.barsFailed(), check, seconds, faults, StrategySignals.of(node));
                whileServing.accept(outcome);
                return outcome;
            }
        }
    }

    /**
     * The market moves one minute when the node has taken the last one in: the simulator trades
     * the next bar, the node takes in every fill that caused (user-data stream → books), then the
     * bar's klines go out and the node processes them (its orders for the following bar are at the
     * exchange when it has). So fills reach the books before the bar that caused them, as in paper
     * trading, and the run decides the same whatever the machine's speed; all of it still goes over
     * HTTP and WebSocket. {@code --bars-per-second} paces on the wall clock instead, as a real
     * exchange does, and a node that falls behind then trades late.
     */
    private static void lockstep(ExchangeSimServer server, LiveFeedRunner live, ExchangeVenue venue) throws Exception {
        var client = venue.binance().executionClient();
        while (server.simulator().barsLeft() > 0) {
            server.simulator().step(() -> awaitFills(server, client));
            long published = server.klinesPublished();
            await(() -> live.barsProcessed() >= published, () -> "the node did not process kline " + published + " (processed "
                    + live.barsProcessed() + ")");
        }
    }

    private static void awaitFills(ExchangeSimServer server, BinanceExecutionClient client) {
        int trades = server.simulator().tradeCount();
        try {
            await(() -> client.deliveredFills() >= trades, () -> "the node did not take in trade " + trades + " (delivered "
                    + client.deliveredFills() + ")");
            client.fillsDelivered().toCompletableFuture().get(SETTLE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("lockstep: " + e.getMessage(), e);
        }
    }

    private static void await(BooleanSupplier done, Supplier<String> failure) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(failure.get() + " within " + SETTLE.toSeconds() + " s");
            }
            Thread.sleep(0, 200_000);
        }
    }

    /** The replay starts once the node listens to every symbol's klines: a bar published before would be lost to it. */
    static void awaitSubscribed(ExchangeSimServer server, TraderSettings settings) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (var rules : settings.instruments().values()) {
            String stream = rules.instrument().symbol().toLowerCase(Locale.ROOT) + "@kline_1m";
            while (server.streams().subscribers(stream) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the node did not subscribe to " + stream + " within 30 s");
                }
                Thread.sleep(50);
            }
        }
    }

    /** The last bars are through the pipeline when the count stops moving for a second. */
    private static void awaitQuiet(LiveFeedRunner live) throws InterruptedException {
        long last = -1;
        while (live.barsProcessed() != last) {
            last = live.barsProcessed();
            Thread.sleep(1000);
        }
    }

    /** Compares until the books agree or {@link #SETTLE} has passed (then the differences are the answer). */
    private static LedgerCheck.Result settle(TraderNode node, ExchangeSimServer server, ExchangeVenue venue, SimConfig simConfig) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            venue.binance().executionClient().fillsDelivered().toCompletableFuture().get(SETTLE.toSeconds(), TimeUnit.SECONDS);
            LedgerCheck.Result check = LedgerCheck.compare(node.engine(), server.simulator().snapshot(), simConfig.initialBalances());
            if (check.equal() || System.nanoTime() > deadline) {
                if (!check.equal()) {
                    LOG.warn("books differ from the exchange's ledger: {}", check.differences());
                }
                return check;
            }
            Thread.sleep(500);
        }
    }
}

package dev.trader.execution.sim;

import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.ws.SimWebSocketServer;
import dev.trader.execution.sim.ws.SimWsConfig;
import com.typesafe.config.ConfigFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Directives;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange simulator on the network: its REST API and its WebSocket streams on one port, as
 * Binance serves {@code /api/v3/...} and {@code /ws}, {@code /stream} (from different hosts; a
 * client is given both base URLs, so one port or two makes no difference to it). It runs in an
 * actor system of its own (local, no cluster), so it behaves like a separate process even when a
 * demo or a test starts it next to a node.
 */
public final class ExchangeSimServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeSimServer.class);
    private final ActorSystem<Void> system;
    private final ExchangeSimulator simulator;
    private final SimWebSocketServer streams;
    private final ServerBinding binding;

    private ExchangeSimServer(ActorSystem<Void> system, ExchangeSimulator simulator, SimWebSocketServer streams, ServerBinding binding) {
        this.system = system;
        this.simulator = simulator;
        this.streams = streams;
        this.binding = binding;
    }

    /** Binds on {@code host:port} (port 0: any free port). Replay is not started: call {@link ExchangeSimulator#startReplay} or step it. */
    public static ExchangeSimServer start(SimConfig config, SimWsConfig wsConfig, String host, int port) {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "exchange-sim", ConfigFactory.parseString("""
                pekko.actor.provider = local
                pekko.loglevel = INFO
                pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
                pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
                pekko.coordinated-shutdown.exit-jvm = off
                pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                """).withFallback(ConfigFactory.defaultReference()));
        ExchangeSimulator simulator = null;
        try {
            SimWebSocketServer streams = new SimWebSocketServer(system, wsConfig);
            simulator = ExchangeSimulator.create(config, streams);
            ServerBinding binding = Http.get(system).newServerAt(host, port)
                    .withSettings(streams.serverSettings())
                    .bind(Directives.concat(simulator.route(), streams.route()))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            LOG.info("exchange simulator serving the Binance spot API on {} ({} symbol(s))", binding.localAddress(), config.symbols().size());
            return new ExchangeSimServer(system, simulator, streams, binding);
        } catch (Exception e) {
            if (simulator != null) {
                simulator.close();
            }
            system.terminate();
            throw new IllegalStateException("exchange simulator failed to start on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public ExchangeSimulator simulator() {
        return simulator;
    }

    public SimWebSocketServer streams() {
        return streams;
    }

    /** Closed klines sent out so far (all symbols): what a client that missed none has received once they arrive. */
    public long klinesPublished() {
        return simulator.klinesPublished();
    }

    public int port() {
        InetSocketAddress a = binding.localAddress();
        return a.getPort();
    }

    /** The REST base URL a Binance client is given ({@code https://api.binance.com} live). */
    public String restUrl() {
        return "http://" + binding.localAddress().getHostString() + ":" + port();
    }

    /** The WebSocket base URL a Binance client is given ({@code wss://stream.binance.com:9443} live). */
    public String wsUrl() {
        return "ws://" + binding.localAddress().getHostString() + ":" + port();
    }

    @Override
    public void close() {
        try {
            binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("exchange simulator did not unbind cleanly: {}", e.toString());
        }
        simulator.close();
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("exchange simulator's actor system did not terminate cleanly: {}", e.toString());
        }
    }
}

package dev.trader.app;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a node on its configuration until stopped: with trader.venue = binance it trades from the exchange's kline "
                + "stream at trader.binance's URLs (the exchange simulator's or Binance's), reconciling with the exchange at start.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--port", description = "HTTP port (default: trader.http.port, 8080)")
    Integer port;

    @Option(names = "--config", description = "an overlay config file")
    Path config;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> overrides = new HashMap<>();
        if (port != null) {
            overrides.put("trader.http.port", port);
        }
        Config cfg = ConfigLoader.load(config, overrides);
        try (TraderNode node = TraderNode.start(cfg)) {
            System.out.println("trader node: status at http://localhost:" + node.httpPort() + "/api/status"
                    + node.liveFeed().map(f -> "; trading from the exchange's stream")
                    .orElse("binance".equals(cfg.getString("trader.venue"))
                            ? "; the exchange's stream is taken in by the node that runs the trading session"
                            : "; venue " + cfg.getString("trader.venue") + " has no stream of its own: nothing to trade until bars are fed (see demo)"));
            // A node the cluster downed (the Split Brain Resolver, after a pause longer than stable-after) has
            // terminated its actor system: the process ends, non-zero, for its supervisor to start it again.
            Shutdown.await("node", node.system().getWhenTerminated());
            if (node.system().getWhenTerminated().toCompletableFuture().isDone() && !Shutdown.requested()) {
                System.err.println("trader run: the node's actor system terminated (downed by the cluster?): exiting for a restart");
                return 3;
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.error("node failed: {}", e.getMessage(), e);
            System.err.println("trader run: " + e.getMessage());
            return 2;
        }
    }
}

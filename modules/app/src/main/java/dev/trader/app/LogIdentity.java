package dev.trader.app;

import ch.qos.logback.classic.LoggerContext;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * The {@code mode} (backtest, paper, live) and {@code node} that every JSON log line carries:
 * logback context properties, which the JSON encoder writes into each line ({@code conf/logback.xml}).
 * A command sets them before it runs, from the default configuration, so that its first lines have
 * them too; a node sets them again from its own configuration when it starts (an overlay may name
 * another node).
 */
final class LogIdentity {
    static final String MODE = "mode";
    static final String NODE = "node";
    /** The commands that run the backtester: their lines are the backtest's, whatever {@code trader.mode} says. */
    private static final Set<String> BACKTESTING = Set.of("backtest", "sweep", "walk-forward", "challenge", "bench");

    private LogIdentity() {
    }

    /** Before the command {@code args} names runs. A configuration that cannot be read leaves logback.xml's defaults: the command reports it. */
    static void atStart(String[] args) {
        try {
            Config config = ConfigFactory.load();
            String mode = args.length > 0 && BACKTESTING.contains(args[0]) ? "backtest" : config.getString("trader.mode");
            set(mode, config.getString("trader.node-name"));
        } catch (RuntimeException e) {
            // Nothing to do: the lines keep logback.xml's default mode and node until a node starts.
        }
    }

    static void set(String mode, String node) {
        // Another SLF4J binding (none is on our class path) would have no such properties.
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.putProperty(MODE, mode);
            context.putProperty(NODE, node);
        }
    }
}

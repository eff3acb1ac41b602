package dev.trader.app;

import dev.trader.api.StrategyService;
import dev.trader.api.StrategyView;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One line per strategy with its signals on each instrument, read from its entities: what a demo prints at its end. */
final class StrategySignals {
    private StrategySignals() {
    }

    static List<String> of(TraderNode node) {
        try {
            return new StrategyService(node.engine(), node.engine().settings().askTimeout()).list().toCompletableFuture()
                    .get(2 * node.engine().settings().askTimeout().toMillis(), TimeUnit.MILLISECONDS).stream()
                    .map(v -> "strategy " + v.id() + ": " + v.instruments().stream().map(StrategySignals::market).toList()).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("strategies: not read (interrupted)");
        } catch (Exception e) {
            return List.of("strategies: not read (" + e + ")");
        }
    }

    private static String market(StrategyView.Market m) {
        return m.instrument() + " " + m.signals() + " signal(s)";
    }
}

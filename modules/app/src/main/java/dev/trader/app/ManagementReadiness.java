package dev.trader.app;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;

/**
 * Pekko Management's readiness check ({@code pekko.management.health-checks.readiness-checks}):
 * the node's own {@code /ready} checks (cluster membership, journal, shards, exchange, data), so
 * that a Kubernetes probe on the management port and an operator's {@code GET /ready} agree.
 * Management builds this class itself, by name, with the actor system; the node registers its
 * readiness under that system once it has one. Not ready until then.
 */
public final class ManagementReadiness implements Supplier<CompletionStage<Boolean>> {
    private static final Map<ActorSystem, NodeReadiness> NODES = new ConcurrentHashMap<>();
    private final ActorSystem system;

    public ManagementReadiness(ActorSystem system) {
        this.system = system;
    }

    static void register(ActorSystem system, NodeReadiness readiness) {
        NODES.put(system, readiness);
        system.getWhenTerminated().thenRun(() -> NODES.remove(system));
    }

    @Override
    public CompletionStage<Boolean> get() {
        NodeReadiness readiness = NODES.get(system);
        if (readiness == null) {
            return CompletableFuture.completedFuture(false);
        }
        return readiness.check().thenApply(results -> results.values().stream().allMatch("ok"::equals));
    }
}

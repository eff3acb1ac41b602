package dev.trader.app;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.cluster.typed.Subscribe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link TradingSession} as a cluster singleton: on the oldest node, and on the next
 * oldest once the Split Brain Resolver has downed it. A failed start is retried with a backoff;
 * when a node leaves the cluster the open orders are checked again, since the orders its shards
 * held come back on the other nodes only when something asks them.
 */
final class TradingSessionSingleton {
    private static final Logger LOG = LoggerFactory.getLogger(TradingSessionSingleton.class);

    interface Command {
    }

    private record Started() implements Command {
    }

    private record StartFailed(Throwable error) implements Command {
    }

    private record MemberGone(ClusterEvent.MemberRemoved event) implements Command {
    }

    private TradingSessionSingleton() {
    }

    /**
     * Starts the singleton's manager on this node. {@code firstStart} completes when the session
     * has started here for the first time (or failed to), which only happens on the node that hosts it.
     */
    static ActorRef<Command> init(ActorSystem<?> system, TradingSession session, CompletableFuture<Void> firstStart) {
        Behavior<Command> supervised = Behaviors.supervise(behavior(session, firstStart))
                .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2));
        return ClusterSingleton.get(system).init(SingletonActor.of(supervised, "trading-session"));
    }

    private static Behavior<Command> behavior(TradingSession session, CompletableFuture<Void> firstStart) {
        return Behaviors.setup(ctx -> {
            Executor blocking = ctx.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
            ctx.pipeToSelf(CompletableFuture.runAsync(() -> {
                try {
                    session.start();
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }, blocking), (ok, error) -> error == null ? new Started() : new StartFailed(error));
            ActorRef<ClusterEvent.MemberRemoved> removed = ctx.messageAdapter(ClusterEvent.MemberRemoved.class, MemberGone::new);
            Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(removed, ClusterEvent.MemberRemoved.class));
            return Behaviors.receive(Command.class)
                    .onMessage(Started.class, m -> {
                        firstStart.complete(null);
                        return Behaviors.same();
                    })
                    .onMessage(StartFailed.class, m -> {
                        Throwable cause = m.error().getCause() == null ? m.error() : m.error().getCause();
                        firstStart.completeExceptionally(cause);
                        LOG.error("trading session failed to start on this node; trying again: {}", cause.toString());
                        throw new IllegalStateException("trading session failed to start: " + cause.getMessage(), cause);
                    })
                    .onMessage(MemberGone.class, m -> recheck(session, m, blocking))
                    .onSignal(PreRestart.class, s -> {
                        session.stop();
                        return Behaviors.same();
                    })
                    .onSignal(PostStop.class, s -> {
                        session.stop();
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    private static Behavior<Command> recheck(TradingSession session, MemberGone gone, Executor blocking) {
        LOG.warn("node {} left the cluster: checking the open orders with the venue", gone.event().member().address());
        CompletableFuture.runAsync(() -> {
            try {
                session.reconcileOpenOrders();
            } catch (Exception e) {
                LOG.error("open orders not checked after {} left: {}", gone.event().member().address(), e.toString());
            }
        }, blocking);
        return Behaviors.same();
    }
}

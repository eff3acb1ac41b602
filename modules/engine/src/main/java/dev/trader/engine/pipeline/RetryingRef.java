package dev.trader.engine.pipeline;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.japi.function.Function;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An entity's ref whose asks are sent again when they time out, until {@code within} has passed.
 * A timeout says nothing of whether the entity got the command: its shard may be moving to another
 * node after a failover (the command waits in a buffer, or is lost with the dead node), or its
 * node is slow. Sending it again is safe only because the bar path's and the fill path's commands
 * are idempotent: each entity recognises a bar, a signal, a client order id or a trade id it has
 * already handled and answers as it did then; a query is harmless anyway. An entity's own refusal (a failed reply) is not retried.
 */
public final class RetryingRef<M> {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingRef.class);
    private static final long FIRST_PAUSE_MS = 200;
    private static final long LONGEST_PAUSE_MS = 2_000;

    /**
     * How long the bar path asks again: longer than a failover (a dead node's shards serve again on
     * the others within ~15 s, conf/pekko.conf) plus an ask timeout, so that a bar in flight when a
     * node dies is carried through instead of being logged as failed and skipped.
     */
    public static final Duration BAR_PATH_WITHIN = Duration.ofMinutes(2);

    private final EntityRef<M> ref;
    private final Duration within;

    public RetryingRef(EntityRef<M> ref, Duration within) {
        this.ref = ref;
        this.within = within;
    }

    /** {@code ref} as the bar path asks it: again on a timeout for up to {@link #BAR_PATH_WITHIN}. */
    static <M> RetryingRef<M> barPath(EntityRef<M> ref) {
        return new RetryingRef<>(ref, BAR_PATH_WITHIN);
    }

    public <R> CompletionStage<R> ask(Function<ActorRef<R>, M> message, Duration timeout) {
        long deadline = System.nanoTime() + within.toNanos();
        return attempt(message, timeout, deadline, FIRST_PAUSE_MS, 1);
    }

    private <R> CompletionStage<R> attempt(Function<ActorRef<R>, M> message, Duration timeout, long deadline, long pauseMs, int number) {
        long sent = System.nanoTime();
        return ref.<R>ask(message, timeout).handle((answer, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(answer);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            long now = System.nanoTime();
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - now);
            // A timeout that came at once is no silence: the recipient is gone (this node's sharding stops with it).
            boolean waited = now - sent >= timeout.toNanos() / 2;
            if (!(cause instanceof TimeoutException) || !waited || remainingMs < pauseMs + timeout.toMillis()) {
                return CompletableFuture.<R>failedFuture(cause);
            }
            LOG.warn("{} did not answer within {} (attempt {}); asking again in {} ms", ref.getEntityId(), timeout, number, pauseMs);
            return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(pauseMs, TimeUnit.MILLISECONDS))
                    .thenCompose(v -> attempt(message, timeout, deadline, Math.min(2 * pauseMs, LONGEST_PAUSE_MS), number + 1));
        }).thenCompose(next -> next);
    }
}

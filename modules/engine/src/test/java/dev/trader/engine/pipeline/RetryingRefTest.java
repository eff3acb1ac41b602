package dev.trader.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.sharding.typed.testkit.javadsl.TestEntityRef;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** An entity that answers late (a shard moving after a failover) is asked again; one that refuses is not. */
class RetryingRefTest {
    private static final ActorTestKit KIT = ActorTestKit.create();
    private static final EntityTypeKey<Ask> KEY = EntityTypeKey.create(Ask.class, "Test");
    private static final Duration TIMEOUT = Duration.ofMillis(150);

    record Ask(ActorRef<StatusReply<Integer>> replyTo) {
    }

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    /** Silent for the first {@code silent} asks, then answers with the number of asks it got; refuses when {@code refuse}. */
    private static Behavior<Ask> entity(int silent, boolean refuse, AtomicInteger asks) {
        return Behaviors.receiveMessage(m -> {
            int n = asks.incrementAndGet();
            if (refuse) {
                m.replyTo().tell(StatusReply.error("refused"));
            } else if (n > silent) {
                m.replyTo().tell(StatusReply.success(n));
            }
            return Behaviors.same();
        });
    }

    private RetryingRef<Ask> ref(Behavior<Ask> behavior, Duration within) {
        return new RetryingRef<>(TestEntityRef.of(KEY, "e", KIT.spawn(behavior)), within);
    }

    @Test
    void anAskThatTimesOutIsSentAgainUntilTheEntityAnswers() throws Exception {
        AtomicInteger asks = new AtomicInteger();
        int answer = ref(entity(2, false, asks), Duration.ofSeconds(10)).<StatusReply<Integer>>ask(Ask::new, TIMEOUT)
                .toCompletableFuture().get(10, TimeUnit.SECONDS).getValue();
        assertEquals(3, answer, "answered the third ask");
        assertEquals(3, asks.get());
    }

    @Test
    void afterTheRetryWindowTheTimeoutIsTheAnswer() {
        AtomicInteger asks = new AtomicInteger();
        ExecutionException e = assertThrows(ExecutionException.class, () -> ref(entity(Integer.MAX_VALUE, false, asks), Duration.ofMillis(800))
                .<StatusReply<Integer>>ask(Ask::new, TIMEOUT).toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause(), "an AskTimeoutException is one too");
        assertEquals(true, asks.get() >= 2 && asks.get() <= 4, "asked a few times within the window: " + asks.get());
    }

    @Test
    void anEntityThatIsGoneIsNotAskedAgain() {
        ActorRef<Ask> stopped = KIT.spawn(Behaviors.<Ask>stopped());
        KIT.createTestProbe().expectTerminated(stopped);
        RetryingRef<Ask> gone = new RetryingRef<>(TestEntityRef.of(KEY, "gone", stopped), Duration.ofSeconds(10));
        long began = System.nanoTime();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> gone.<StatusReply<Integer>>ask(Ask::new, Duration.ofSeconds(3)).toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause());
        assertEquals(true, System.nanoTime() - began < Duration.ofSeconds(3).toNanos(), "failed at once, not after retrying for 10 s");
    }

    @Test
    void anEntitysRefusalIsNotRetried() throws Exception {
        AtomicInteger asks = new AtomicInteger();
        StatusReply<Integer> reply = ref(entity(0, true, asks), Duration.ofSeconds(10)).<StatusReply<Integer>>ask(Ask::new, TIMEOUT)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(true, reply.isError());
        assertEquals(1, asks.get());
    }
}

package dev.trader.engine.testing;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.testkit.javadsl.SnapshotTestKit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One actor system per test class, started with {@link EngineTestConfig}: register it as a
 * {@code static} field with {@code @RegisterExtension}. Pekko's own {@code TestKitJUnit5Extension}
 * takes the kit from an instance field, which with JUnit's default per-method lifecycle would start a
 * system per test and shut down only the last one.
 */
public final class PekkoTestKit implements BeforeAllCallback, AfterAllCallback {
    private ActorTestKit testKit;

    @Override
    public void beforeAll(ExtensionContext context) {
        testKit = ActorTestKit.create(context.getRequiredTestClass().getSimpleName(), EngineTestConfig.config());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (testKit != null) {
            testKit.shutdownTestKit();
            testKit = null;
        }
    }

    public ActorTestKit testKit() {
        if (testKit == null) {
            throw new IllegalStateException("the actor test kit runs only between beforeAll and afterAll");
        }
        return testKit;
    }

    public ActorSystem<Void> system() {
        return testKit().system();
    }

    /** Serializes {@code message} with the configured serializer and checks that it comes back equal. */
    public <M> M verifySerialization(M message) {
        return new SerializationTestKit(system()).verifySerialization(message, true);
    }

    public PersistenceTestKit journal() {
        return PersistenceTestKit.create(system());
    }

    /**
     * A fresh in-memory journal and snapshot store, then the behavior under test. Every command,
     * event and state the kit sees is serialized and must come back equal to itself.
     */
    public <C, E, S> EventSourcedBehaviorTestKit<C, E, S> eventSourced(Behavior<C> behavior) {
        PersistenceTestKit.create(system()).clearAll();
        SnapshotTestKit.create(system()).clearAll();
        return EventSourcedBehaviorTestKit.create(system(), behavior,
                EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyEquality(true));
    }
}

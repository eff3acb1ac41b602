package dev.trader.engine.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/**
 * The actor system configuration of the engine's entity tests: the production serialization
 * settings of {@code conf/serialization.conf} (kept equal to it by {@code SerializationConfigParityTest}),
 * on top of {@link EventSourcedBehaviorTestKit#config()}, the testkit's in-memory journal and snapshot
 * store. That journal keeps objects; it is the behavior testkit that round-trips every command, event
 * and state through the serializers bound here (see {@link PekkoTestKit#eventSourced}).
 */
public final class EngineTestConfig {
    /** Exactly the settings of {@code conf/serialization.conf}. */
    public static final String SERIALIZATION = """
            pekko.actor {
              serialization-bindings {
                "dev.trader.engine.CborSerializable" = jackson-cbor
              }
              allow-java-serialization = off
            }
            pekko.serialization.jackson {
              visibility {
                FIELD = ANY
                GETTER = NONE
                IS_GETTER = NONE
              }
            }
            """;

    private static final String TEST = """
            pekko.loglevel = INFO
            pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
            pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
            # as in conf/pekko.conf: a command that does not fit the stash fails instead of being dropped
            pekko.persistence.typed.stash-overflow-strategy = "fail"
            """;

    private EngineTestConfig() {
    }

    public static Config config() {
        return ConfigFactory.parseString(TEST)
                .withFallback(ConfigFactory.parseString(SERIALIZATION))
                .withFallback(EventSourcedBehaviorTestKit.config())
                .resolve();
    }
}

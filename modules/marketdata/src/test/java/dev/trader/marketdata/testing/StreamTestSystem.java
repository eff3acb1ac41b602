package dev.trader.marketdata.testing;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One actor system per test class, logging through SLF4J. */
public abstract class StreamTestSystem {
    protected static ActorSystem system;
    protected static Materializer materializer;

    @BeforeAll
    static void startSystem() {
        system = ActorSystem.create("marketdata-test", ConfigFactory.parseString("""
                pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
                pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
                pekko.loglevel = WARNING
                """).withFallback(ConfigFactory.load()));
        materializer = Materializer.matFromSystem(system);
    }

    @AfterAll
    static void stopSystem() throws Exception {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get();
    }
}

package dev.trader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.trader.engine.testing.EngineTestConfig;
import dev.trader.engine.testing.RepositoryFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entity tests run with the production serialization settings: guard against the two drifting apart. */
class SerializationConfigParityTest {
    private static final List<String> KEYS = List.of(
            "pekko.actor.serialization-bindings",
            "pekko.actor.allow-java-serialization",
            "pekko.serialization.jackson.visibility");

    @Test
    void theTestConfigurationSerializesExactlyAsConfSerializationConf() {
        Config production = ConfigFactory.parseFile(RepositoryFiles.find("conf/serialization.conf").toFile()).resolve();
        Config test = EngineTestConfig.config();
        for (String key : KEYS) {
            assertEquals(production.getValue(key).unwrapped(), test.getValue(key).unwrapped(), key);
        }
        assertEquals("jackson-cbor", test.getString("pekko.actor.serialization-bindings.\"dev.trader.engine.CborSerializable\""));
    }
}

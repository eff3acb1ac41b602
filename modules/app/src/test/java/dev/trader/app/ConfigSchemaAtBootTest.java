package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The boot path of every command that loads the node's configuration: {@code --config} with an
 * overlay that breaks the schema stops the command before any node, exchange or database is
 * started, exit code 2, every problem on stderr with its full key.
 */
class ConfigSchemaAtBootTest {
    @TempDir
    Path dir;

    static Stream<Arguments> commands() {
        return Stream.of(Arguments.of("trader run", List.of("run")), Arguments.of("trader demo", List.of("demo")),
                Arguments.of("trader demo", List.of("demo", "--venue", "paper")), Arguments.of("trader exchange-sim", List.of("exchange-sim")),
                Arguments.of("trader audit verify", List.of("audit", "verify")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("commands")
    void anOverlayThatBreaksTheSchemaStopsTheCommandNamingEveryKey(String name, List<String> command) throws Exception {
        // Outside conf/: the include falls back to application.conf on the classpath, as a user's own overlay does.
        Path overlay = Files.writeString(dir.resolve("bogus.conf"), """
                include "application.conf"
                trader.risk.bogus = 1
                trader.http.port = 70000
                """);
        String[] args = Stream.concat(command.stream(), Stream.of("--config", overlay.toString())).toArray(String[]::new);

        CliRun run = CliRun.of(args);

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains(name + ": 2 configuration problems (the schema is conf/schema/trader-schema.conf):"), run.toString());
        assertTrue(run.err().contains("\n  trader.http.port: must be an int between 0 and 65535 but was 70000"), run.toString());
        assertTrue(run.err().contains("\n  trader.risk.bogus: unknown key"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    }
}

package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.typesafe.config.Config;
import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.settings.AuditSettings;
import dev.trader.engine.settings.ReadModelSettings;
import dev.trader.engine.settings.TraderSettings;
import dev.trader.execution.binance.BinanceSettings;
import dev.trader.execution.sim.config.SimConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The overlays CI runs with {@code --config}: the seeded smoke configurations in conf/smoke/ and the
 * shipped overlays that include application.conf (postgres.conf, exchange-faults.conf). Each goes
 * through what a boot does before it starts anything: loading with the schema check, then every
 * settings record the node, the venue and the simulator read. No node is started.
 */
class SmokeConfigsTest {
    private static final Path CONF = Path.of("..", "..", "conf").toAbsolutePath().normalize();
    private static final Map<String, String> ENV = Map.of(SimulatorSettings.KEY_VARIABLE, "smoke-key", SimulatorSettings.SECRET_VARIABLE, "smoke-secret");

    static Stream<Path> overlays() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        try (Stream<Path> smoke = Files.list(CONF.resolve("smoke")); Stream<Path> conf = Files.list(CONF)) {
            smoke.filter(f -> f.toString().endsWith(".conf")).sorted().forEach(files::add);
            conf.filter(f -> f.toString().endsWith(".conf")).filter(SmokeConfigsTest::includesApplicationConf).sorted().forEach(files::add);
        }
        return files.stream();
    }

    private static boolean includesApplicationConf(Path file) {
        try {
            return Files.readString(file).contains("include \"application.conf\"");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyOverlayLoadsFollowsTheSchemaAndReadsIntoTheSettings(Path overlay) {
        Config config = ConfigLoader.load(overlay, Map.of());

        TraderSettings settings = TraderSettings.load(config);
        assertFalse(settings.strategies().isEmpty(), overlay + " runs strategies");
        JdbcSettings.from(config);
        AuditSettings.load(config);
        ReadModelSettings.load(config);
        PaperCosts.latencyPenalty(config);
        BinanceSettings.fromConfig(config.getConfig("trader.binance"));
        SimulatorSettings.simConfig(config.getConfig("trader.exchange-sim"), ENV);
    }

    @Test
    void theSmokeOverlaysAreSeededAndSelectWhatTheySay() {
        SimConfig faulty = SimulatorSettings.simConfig(ConfigLoader.load(CONF.resolve("smoke/sim-faults.conf"), Map.of()).getConfig("trader.exchange-sim"), ENV);
        assertEquals(11, faulty.seed());
        assertEquals(11, faulty.faults().seed());
        assertEquals(8, faulty.faults().faults().size(), "the fault mix of conf/exchange-faults.conf");

        TraderSettings paper = TraderSettings.load(ConfigLoader.load(CONF.resolve("smoke/paper-flat.conf"), Map.of()));
        assertFalse(paper.risk().propFirmModel());
        assertEquals(3, paper.algo().slices());
        assertEquals(List.of("r1", "bollinger-breakout"), paper.strategies().stream().map(b -> b.strategy().id().value()).toList());
    }
}

package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.trader.backtest.execmetrics.CostStatistic;
import dev.trader.backtest.execmetrics.ExecutionMetricsFiles;
import dev.trader.backtest.execmetrics.SessionTakerCosts;
import dev.trader.domain.cost.LatencyPenalty;
import dev.trader.domain.cost.TakerCosts;
import dev.trader.engine.settings.SettingsException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trader.paper.execution-metrics: the paper venue's taker costs, from the same file the backtest reads, or none. */
class ExecMetricsPaperConfigTest {
    @TempDir
    Path dir;

    private static Config config(String metrics, String statistic) {
        return ConfigFactory.parseMap(Map.of(PaperCosts.KEY, metrics, PaperCosts.STATISTIC_KEY, statistic));
    }

    @Test
    void noFileMeansNoCostsAsBefore() {
        assertSame(TakerCosts.NONE, PaperCosts.from(config("", "mean"), List.of("binance:BTCUSDT")));
        assertSame(TakerCosts.NONE, PaperCosts.from(ConfigFactory.empty(), List.of("binance:BTCUSDT")));
    }

    @Test
    void aFileGivesTheSessionCostsOfTheBacktest() throws IOException {
        ExecutionMetricsFiles.write(dir, ExecMetricsPaperParityTest.metrics());
        TakerCosts costs = PaperCosts.from(config(dir.toString(), "p90"), List.of("binance:BTCUSDT"));
        SessionTakerCosts session = assertInstanceOf(SessionTakerCosts.class, costs);
        assertEquals(CostStatistic.P90, session.statistic());
    }

    @Test
    void anInstrumentWithoutFiguresOrABadStatisticStopsTheNodeNamingTheKey() throws IOException {
        ExecutionMetricsFiles.write(dir, ExecMetricsPaperParityTest.metrics());
        assertEquals("trader.paper.execution-metrics: the execution metrics have no figures for binance:ETHUSDT (they have binance:BTCUSDT)",
                assertThrows(SettingsException.class, () -> PaperCosts.from(config(dir.toString(), "mean"), List.of("binance:BTCUSDT", "binance:ETHUSDT")))
                        .getMessage());
        assertEquals("trader.paper.execution-metrics: execution-metrics statistic must be mean, p50 or p90 but was 'worst'",
                assertThrows(SettingsException.class, () -> PaperCosts.from(config(dir.toString(), "worst"), List.of("binance:BTCUSDT"))).getMessage());
    }

    @Test
    void theShippedConfigurationHasNoLatencyAndTheDocumentedThreshold() {
        LatencyPenalty shipped = PaperCosts.latencyPenalty(ConfigLoader.load(null, Map.of()));
        assertEquals(new LatencyPenalty(Duration.ZERO, Duration.ofMillis(500)), shipped);
        assertFalse(shipped.late());
        assertEquals(LatencyPenalty.NONE, PaperCosts.latencyPenalty(ConfigFactory.empty()));
    }

    @Test
    void aLatencyAboveTheThresholdMakesMarketOrdersLate() {
        LatencyPenalty p = PaperCosts.latencyPenalty(ConfigFactory.parseMap(Map.of(PaperCosts.LATENCY_KEY, "750ms",
                PaperCosts.THRESHOLD_KEY, "0.5s")));
        assertEquals(new LatencyPenalty(Duration.ofMillis(750), Duration.ofMillis(500)), p);
        assertTrue(p.late());
    }

    @Test
    void aBadLatencyStopsTheNodeNamingTheKey() {
        assertEquals("trader.paper.latency: latency must not be negative but was -5 ms", assertThrows(SettingsException.class,
                () -> PaperCosts.latencyPenalty(ConfigFactory.parseMap(Map.of(PaperCosts.LATENCY_KEY, "-5ms")))).getMessage());
        assertEquals("trader.paper.latency-penalty-threshold: latency penalty threshold must not be negative but was -1 ms",
                assertThrows(SettingsException.class,
                        () -> PaperCosts.latencyPenalty(ConfigFactory.parseMap(Map.of(PaperCosts.THRESHOLD_KEY, "-1ms")))).getMessage());
        String message = assertThrows(SettingsException.class,
                () -> PaperCosts.latencyPenalty(ConfigFactory.parseMap(Map.of(PaperCosts.LATENCY_KEY, "soon")))).getMessage();
        assertTrue(message.startsWith("trader.paper.latency must be a duration such as 250ms"), message);
    }
}

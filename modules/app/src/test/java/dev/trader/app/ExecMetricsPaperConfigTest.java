package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.trader.backtest.execmetrics.CostStatistic;
import dev.trader.backtest.execmetrics.ExecutionMetricsFiles;
import dev.trader.backtest.execmetrics.SessionTakerCosts;
import dev.trader.domain.cost.TakerCosts;
import dev.trader.engine.settings.SettingsException;
import java.io.IOException;
import java.nio.file.Path;
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
}
